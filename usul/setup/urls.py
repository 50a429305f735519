from django.urls import path

from usul.setup import views

app_name = "setup"
urlpatterns = [
    path("", views.start, name="start"),
    path("<str:step>/", views.step, name="step"),
]
