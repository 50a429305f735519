from django.urls import path

from usul.associations import views

app_name = "associations"
urlpatterns = [
    path("<str:school>/", views.association_list, name="list"),
    # "new/" comes before "<key>/": an MA keyed "new" could not be opened, so the key is refused
    # (see usul.schools.validation.RESERVED_KEYS).
    path("<str:school>/new/", views.association_create, name="create"),
    path("<str:school>/<str:key>/", views.association_detail, name="detail"),
    path("<str:school>/<str:key>/edit/", views.association_edit, name="edit"),
    path("<str:school>/<str:key>/liquidate/", views.association_liquidate, name="liquidate"),
    path("<str:school>/<str:key>/reopen/", views.association_reopen, name="reopen"),
    path("<str:school>/<str:key>/members/", views.association_members, name="members"),
    path(
        "<str:school>/<str:key>/members/<str:staff>/end/",
        views.membership_end,
        name="membership_end",
    ),
    path(
        "<str:school>/<str:key>/members/<str:staff>/reopen/",
        views.membership_reopen,
        name="membership_reopen",
    ),
    path("<str:school>/<str:key>/head/", views.association_elect_head, name="elect_head"),
]
