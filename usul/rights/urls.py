"""Pages of the MA's rights; the school key first, then the record key (docs/CONVENTIONS.md)."""

from django.urls import path

from usul.rights import views

app_name = "rights"
urlpatterns = [
    path("proposals/", views.appeals_index, name="appeals_index"),
    path("proposals/<str:school>/", views.appeals, name="appeals"),
    path("proposals/<str:school>/new/", views.appeal_submit, name="appeal_submit"),
    path("proposals/<str:school>/<str:key>/", views.appeal, name="appeal"),
    path("proposals/<str:school>/<str:key>/answer/", views.appeal_answer, name="appeal_answer"),
    path(
        "proposals/<str:school>/<str:key>/withdraw/", views.appeal_withdraw, name="appeal_withdraw"
    ),
    path("nominations/", views.nominations_index, name="nominations_index"),
    path("nominations/<str:school>/", views.nominations, name="nominations"),
    path("nominations/<str:school>/new/", views.nomination_create, name="nomination_create"),
    path("nominations/<str:school>/<str:key>/", views.nomination, name="nomination"),
    path(
        "nominations/<str:school>/<str:key>/progress/",
        views.nomination_update,
        name="nomination_update",
    ),
]
