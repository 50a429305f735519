from django.urls import path

from usul.people import views

app_name = "people"
urlpatterns = [
    path("<str:school>/", views.staff_list, name="list"),
    # "new/" before "<key>/": the key "new" is refused (usul.schools.validation.RESERVED_KEYS).
    path("<str:school>/new/", views.staff_create, name="create"),
    path("<str:school>/<str:key>/", views.staff_detail, name="detail"),
    path("<str:school>/<str:key>/edit/", views.staff_edit, name="edit"),
    # DOC-10, DUTY-1: the topic of the year, its plan and creative reports
    path(
        "<str:school>/<str:key>/self-development/",
        views.self_development,
        name="self_development",
    ),
    path(
        "<str:school>/<str:key>/self-development/topic/",
        views.self_development_save,
        name="self_development_save",
    ),
    path(
        "<str:school>/<str:key>/self-development/report/",
        views.creative_report_add,
        name="creative_report_add",
    ),
    path(
        "<str:school>/<str:key>/self-development/topic/remove/",
        views.self_development_remove,
        name="self_development_remove",
    ),
    path(
        "<str:school>/<str:key>/self-development/report/<uuid:report>/edit/",
        views.creative_report_edit,
        name="creative_report_edit",
    ),
    path(
        "<str:school>/<str:key>/self-development/report/<uuid:report>/remove/",
        views.creative_report_remove,
        name="creative_report_remove",
    ),
]
