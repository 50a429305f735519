"""Mentoring pages; the school key first, then the record key (docs/CONVENTIONS.md)."""

from django.urls import path

from usul.mentoring import views

app_name = "mentoring"
urlpatterns = [
    path("", views.index, name="index"),
    path("<str:school>/", views.mentoring_list, name="list"),
    path("<str:school>/new/", views.assign, name="assign"),
    path("<str:school>/<str:key>/", views.detail, name="detail"),
    path("<str:school>/<str:key>/edit/", views.edit, name="edit"),
    path("<str:school>/<str:key>/log/", views.meeting_add, name="meeting_add"),
    path("<str:school>/<str:key>/outcome/", views.conclude, name="conclude"),
]
