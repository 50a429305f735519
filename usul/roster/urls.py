from django.urls import path

from usul.roster import views

app_name = "roster"
urlpatterns = [
    path("<str:school>/", views.upload, name="upload"),
    path("<str:school>/template/", views.template, name="template"),
    path("<str:school>/export/", views.export, name="export"),
]
