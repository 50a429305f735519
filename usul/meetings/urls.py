"""Meeting pages; the school key, then the record key (docs/CONVENTIONS.md)."""

from django.urls import path

from usul.meetings import views

app_name = "meetings"
urlpatterns = [
    path("", views.index, name="index"),
    path("<str:school>/m/<str:key>/", views.detail, name="detail"),
    path("<str:school>/m/<str:key>/print/", views.print_minutes, name="print"),
    path("<str:school>/m/<str:key>/minutes/", views.minutes, name="minutes"),
    path("<str:school>/m/<str:key>/attendance/", views.attendance, name="attendance"),
    path(
        "<str:school>/m/<str:key>/attendance/all-present/",
        views.attendance_all_present,
        name="attendance_all_present",
    ),
    path("<str:school>/m/<str:key>/hold/", views.hold, name="hold"),
    path("<str:school>/m/<str:key>/cancel/", views.cancel, name="cancel"),
    path("<str:school>/m/<str:key>/reopen/", views.reopen, name="reopen"),
    path("<str:school>/m/<str:key>/resolutions/", views.resolution_add, name="resolution_add"),
    path(
        "<str:school>/m/<str:key>/resolutions/<int:number>/status/",
        views.resolution_status,
        name="resolution_status",
    ),
    path("<str:school>/<str:ma>/", views.meeting_list, name="list"),
    path("<str:school>/<str:ma>/new/", views.schedule, name="schedule"),
]
