from django.urls import path

from usul.people import views

app_name = "people"
urlpatterns = [
    path("<str:school>/", views.staff_list, name="list"),
    # "new/" before "<key>/": the key "new" is refused (usul.schools.validation.RESERVED_KEYS).
    path("<str:school>/new/", views.staff_create, name="create"),
    path("<str:school>/<str:key>/", views.staff_detail, name="detail"),
    path("<str:school>/<str:key>/edit/", views.staff_edit, name="edit"),
]
