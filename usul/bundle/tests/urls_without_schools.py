"""Usul's URLs without the schools' pages, for the test that a missing page fails loudly."""

from usul.config.urls import urlpatterns as usul

urlpatterns = [p for p in usul if "schools" not in str(getattr(p, "urlconf_name", ""))]
