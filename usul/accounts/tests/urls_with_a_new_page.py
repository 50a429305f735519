"""Usul's URLs and one page more, which the permission table has no row for."""

from django.http import HttpResponse
from django.urls import include, path

from usul.config.urls import urlpatterns as usul_urlpatterns

app_name = "accounts"

new_page = ([path("brand-new/", lambda request: HttpResponse(), name="brand_new_page")], "accounts")

urlpatterns = [path("extra/", include(new_page, namespace="accounts")), *usul_urlpatterns]
