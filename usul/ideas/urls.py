"""Pages of the bank of methodological ideas; the school key first, then the material's key."""

from django.urls import path

from usul.ideas import views

app_name = "ideas"
urlpatterns = [
    path("", views.index, name="index"),
    path("district/<str:district>/", views.district, name="district"),
    path("<str:school>/", views.bank, name="bank"),
    path("<str:school>/new/", views.upload, name="upload"),
    path("<str:school>/<str:key>/", views.material, name="material"),
    path("<str:school>/<str:key>/file/", views.material_file, name="file"),
    path("<str:school>/<str:key>/edit/", views.edit, name="edit"),
    path("<str:school>/<str:key>/send/", views.send, name="send"),
    path("<str:school>/<str:key>/evaluate/", views.evaluate, name="evaluate"),
    path("<str:school>/<str:key>/publish/", views.publish, name="publish"),
    path("<str:school>/<str:key>/unpublish/", views.unpublish, name="unpublish"),
]
