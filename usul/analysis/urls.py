"""Under ``plans/``, next to the MA's plan it closes: ``<school>/<ma>/<year>/analysis/``."""

from django.urls import path

from usul.analysis import views

app_name = "analysis"

urlpatterns = [
    path("<str:school>/<str:ma>/<str:year>/analysis/", views.analysis, name="analysis"),
]
