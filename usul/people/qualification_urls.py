"""Qualification upgrading and certification (HEAD-D3, SVC-D2): the school key first, then the
person's key (docs/CONVENTIONS.md)."""

from django.urls import path

from usul.people import views

app_name = "qualification"
urlpatterns = [
    path("<str:school>/", views.qualification_summary, name="summary"),
    path("<str:school>/<str:key>/", views.qualification, name="person"),
    path("<str:school>/<str:key>/courses/", views.course_add, name="course_add"),
    path(
        "<str:school>/<str:key>/courses/<uuid:course>/edit/", views.course_edit, name="course_edit"
    ),
    path(
        "<str:school>/<str:key>/courses/<uuid:course>/scan/", views.course_scan, name="course_scan"
    ),
    path(
        "<str:school>/<str:key>/courses/<uuid:course>/remove/",
        views.course_remove,
        name="course_remove",
    ),
    path(
        "<str:school>/<str:key>/certification/<uuid:category>/edit/",
        views.category_edit,
        name="category_edit",
    ),
    path(
        "<str:school>/<str:key>/certification/<uuid:category>/remove/",
        views.category_remove,
        name="category_remove",
    ),
]
