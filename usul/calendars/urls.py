from django.urls import path

from usul.calendars import views

app_name = "calendars"
urlpatterns = [
    path("", views.mine, name="mine"),
    path("feed/new/", views.feed_new, name="feed_new"),
    path("feed/revoke/", views.feed_revoke, name="feed_revoke"),
    path("feed/<str:token>.ics", views.feed, name="feed"),
]
