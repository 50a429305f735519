"""The documentation register: ``documents/<school>/<ma>/<year>/`` and its documents."""

from django.urls import path

from usul.documents import views

app_name = "documents"

urlpatterns = [
    path("<str:school>/templates/", views.templates, name="templates"),
    path(
        "<str:school>/templates/<str:doc>/<str:format>/v<int:number>/",
        views.template_file,
        name="template_file",
    ),
    path("<str:school>/<str:ma>/<str:year>/", views.register, name="register"),
    path("<str:school>/<str:ma>/<str:year>/<str:doc>/generate/", views.generate, name="generate"),
    path("<str:school>/<str:ma>/<str:year>/<str:doc>/upload/", views.upload, name="upload"),
    path(
        "<str:school>/<str:ma>/<str:year>/<str:doc>/v<int:number>/",
        views.version_file,
        name="file",
    ),
]
