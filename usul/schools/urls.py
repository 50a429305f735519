from django.urls import path

from usul.schools import setup_views, views

app_name = "schools"
urlpatterns = [
    path("<str:school>/", views.overview, name="overview"),
    # the school's own set-up (configure_school)
    path("<str:school>/settings/", setup_views.settings_index, name="settings"),
    path("<str:school>/settings/school/", setup_views.settings_edit, name="settings_edit"),
    path("<str:school>/settings/years/", setup_views.years, name="years"),
    path("<str:school>/settings/years/new/", setup_views.year_create, name="year_create"),
    path("<str:school>/settings/years/<str:year>/", setup_views.year_edit, name="year_edit"),
    path(
        "<str:school>/settings/years/<str:year>/rollover/",
        setup_views.year_rollover,
        name="year_rollover",
    ),
    path("<str:school>/settings/subjects/", setup_views.subjects, name="subjects"),
    path("<str:school>/settings/subjects/new/", setup_views.subject_create, name="subject_create"),
    path(
        "<str:school>/settings/subjects/framework/",
        setup_views.subjects_framework,
        name="subjects_framework",
    ),
    path(
        "<str:school>/settings/subjects/<str:subject>/edit/",
        setup_views.subject_edit,
        name="subject_edit",
    ),
]
