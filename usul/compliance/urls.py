from django.urls import path

from usul.compliance import views

app_name = "compliance"
urlpatterns = [
    path("", views.index, name="index"),
    path("<str:school>/", views.school_page, name="school"),
    path("<str:school>/<str:ma>/", views.association_page, name="association"),
]
