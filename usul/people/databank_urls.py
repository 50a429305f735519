"""The data bank on teachers (DOC-9): a school's staff with their age, education, category and
experience at a date, and the composition they make."""

from django.urls import path

from usul.people import views

app_name = "databank"
urlpatterns = [
    path("<str:school>/", views.databank_page, name="bank"),
]
