from django.urls import path

from usul.schools import views

app_name = "schools"
urlpatterns = [
    path("<str:school>/", views.overview, name="overview"),
]
