"""Calendar-thematic plan pages (DOC-11): the school, the teacher, then the plan by its year,
subject, grade and kind — no database ids in addresses."""

from django.urls import path

from usul.thematic import views

PLAN = "<str:school>/<str:staff>/<str:year>/<str:subject>/<int:grade>/<str:kind>/"

app_name = "thematic"
urlpatterns = [
    path("", views.index, name="index"),
    path("<str:school>/<str:staff>/", views.plans, name="plans"),
    path("<str:school>/<str:staff>/new/", views.plan_create, name="plan_create"),
    path(PLAN, views.plan, name="plan"),
    path(PLAN + "lessons/", views.item_add, name="item_add"),
    path(PLAN + "import/", views.plan_import, name="import"),
    path(PLAN + "<int:n>/taught/", views.item_mark, name="mark"),
]
