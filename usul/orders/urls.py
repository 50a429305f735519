"""Pages of the orders, the council's decisions and the district's instructions; the school key
first, then the record key (docs/CONVENTIONS.md)."""

from django.urls import path

from usul.orders import views

app_name = "orders"
urlpatterns = [
    path("orders/<str:school>/", views.orders, name="orders"),
    path("orders/<str:school>/new/", views.order_create, name="order_create"),
    path("orders/<str:school>/<str:key>/", views.order_edit, name="order_edit"),
    path("orders/<str:school>/<str:key>/remove/", views.order_remove, name="order_remove"),
    path("council/<str:school>/", views.council, name="council"),
    path("council/<str:school>/new/", views.council_create, name="council_create"),
    path("council/<str:school>/<str:key>/", views.council_edit, name="council_edit"),
    path("council/<str:school>/<str:key>/remove/", views.council_remove, name="council_remove"),
    path("instructions/<str:school>/", views.instructions, name="instructions"),
    path("instructions/<str:school>/new/", views.instruction_create, name="instruction_create"),
    path("instructions/<str:school>/<str:key>/", views.instruction_edit, name="instruction_edit"),
    path(
        "instructions/<str:school>/<str:key>/remove/",
        views.instruction_remove,
        name="instruction_remove",
    ),
]
