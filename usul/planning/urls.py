"""Under ``plans/``: the school's plan grid, each MA's plan with its items.

Pages of one school's records carry the school key, then the MA and year keys; items
and materials are named by their public UUIDs, never by database ids. The grid comes before
the plan so that ``<school>/grid/<year>/`` is never read as an MA called "grid".
"""

from django.urls import path

from usul.planning import views

app_name = "planning"

plan = "<str:school>/<str:ma>/<str:year>/"
item = plan + "items/<uuid:item>/"

urlpatterns = [
    path("", views.index, name="index"),
    path("<str:school>/grid/<str:year>/", views.grid, name="grid"),
    path(plan, views.plan, name="plan"),
    path(plan + "start/", views.plan_start, name="plan_start"),
    path(plan + "edit/", views.plan_edit, name="plan_edit"),
    path(plan + "workflow/<str:action>/", views.plan_workflow, name="plan_workflow"),
    path(plan + "items/new/", views.item_add, name="item_add"),
    path(item, views.item_edit, name="item_edit"),
    path(item + "remove/", views.item_remove, name="item_remove"),
    path(item + "materials/<uuid:material>/", views.material_file, name="material_file"),
    path(item + "materials/<uuid:material>/remove/", views.material_remove, name="material_remove"),
]
