from django.urls import path

from usul.notifications import views

app_name = "notifications"
urlpatterns = [
    path("", views.notification_list, name="list"),
    path("read/", views.notification_read_all, name="read_all"),
    path("<uuid:public_id>/", views.notification_open, name="open"),
    path("<uuid:public_id>/read/", views.notification_read, name="read"),
]
