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
    # ORG-6: the school's archive (before the register's pattern, which it would match)
    path("<str:school>/archive/", views.archive, name="archive"),
    path("<str:school>/archive/transfer/", views.transfer, name="transfer"),
    path("<str:school>/archive/propose/", views.propose, name="propose"),
    path("<str:school>/archive/act-<int:number>/", views.act, name="act"),
    path("<str:school>/archive/act-<int:number>/sign/", views.act_sign, name="act_sign"),
    path(
        "<str:school>/archive/act-<int:number>/<str:language>/<str:format>/",
        views.act_file,
        name="act_file",
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
