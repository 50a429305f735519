"""The installation's own pages, for its administrator: a new school (with a new district
office, or in one already there)."""

from django.urls import path

from usul.setup import installation

app_name = "installation"
urlpatterns = [
    path("schools/new/", installation.school_new, name="school_new"),
]
