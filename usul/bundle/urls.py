from django.urls import path

from usul.bundle import views

app_name = "bundle"
urlpatterns = [
    path("upload/", views.upload, name="upload"),
    path("<str:school>/export/", views.export, name="export"),
]
