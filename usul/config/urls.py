from django.contrib import admin
from django.urls import include, path

urlpatterns = [
    path("", include("usul.home.urls")),
    path("", include("usul.accounts.urls")),
    path("school/", include("usul.schools.urls")),
    path("staff/", include("usul.people.urls")),
    path("qualification/", include("usul.people.qualification_urls")),
    path("databank/", include("usul.people.databank_urls")),
    path("roster/", include("usul.roster.urls")),
    path("ma/", include("usul.associations.urls")),
    path("", include("usul.orders.urls")),
    path("plans/", include("usul.planning.urls")),
    path("plans/", include("usul.analysis.urls")),
    path("meetings/", include("usul.meetings.urls")),
    path("lessons/", include("usul.lessons.urls")),
    path("documents/", include("usul.documents.urls")),
    path("compliance/", include("usul.compliance.urls")),
    path("bundle/", include("usul.bundle.urls")),
    path("notifications/", include("usul.notifications.urls")),
    path("calendar/", include("usul.calendars.urls")),
    path("", include("usul.rights.urls")),
    path("mentoring/", include("usul.mentoring.urls")),
    path("ctp/", include("usul.thematic.urls")),
    path("ideas/", include("usul.ideas.urls")),
    path("i18n/", include("django.conf.urls.i18n")),
    path("django-admin/", admin.site.urls),
]
