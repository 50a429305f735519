"""Open-lesson pages; the school key first, then the record key (docs/CONVENTIONS.md)."""

from django.urls import path

from usul.lessons import views

app_name = "lessons"
urlpatterns = [
    path("", views.index, name="index"),
    path("<str:school>/", views.lesson_list, name="list"),
    path("<str:school>/new/", views.schedule, name="schedule"),
    path("<str:school>/observation-form/", views.observation_template, name="template"),
    path("<str:school>/teachers/<str:staff>/", views.teacher, name="teacher"),
    path("<str:school>/teachers/<str:staff>/visit/", views.visit, name="visit"),
    path("<str:school>/<str:key>/", views.detail, name="detail"),
    path("<str:school>/<str:key>/edit/", views.edit, name="edit"),
    path("<str:school>/<str:key>/hold/", views.hold, name="hold"),
    path("<str:school>/<str:key>/cancel/", views.cancel, name="cancel"),
    path("<str:school>/<str:key>/reopen/", views.reopen, name="reopen"),
    path("<str:school>/<str:key>/sign-up/", views.sign_up, name="sign_up"),
    path("<str:school>/<str:key>/withdraw/", views.withdraw, name="withdraw"),
    path("<str:school>/<str:key>/observe/", views.observe, name="observe"),
]
