from django.contrib.auth import views as auth_views
from django.urls import path

from usul.accounts import logins, views

app_name = "accounts"
urlpatterns = [
    path("login/", views.LoginView.as_view(), name="login"),
    path("logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("language/", views.set_language, name="language"),
    path("account/", views.account, name="account"),
    path("account/two-factor/", views.two_factor, name="two_factor"),
    path("login/code/", views.two_factor_verify, name="two_factor_verify"),
    path("log-ins/", views.log, name="log"),
    # A school's log-ins (its leadership's): school key first, then the staff member's key.
    path("accounts/<str:school>/", logins.school, name="school"),
    path("accounts/<str:school>/create/", logins.create, name="create"),
    path("accounts/<str:school>/slips.pdf", logins.slips_pdf, name="slips_pdf"),
    path("accounts/<str:school>/<str:key>/reset/", logins.reset, name="reset"),
    path(
        "accounts/<str:school>/<str:key>/second-factor/remove/",
        logins.remove_second_factor,
        name="remove_second_factor",
    ),
    path(
        "accounts/<str:school>/<str:key>/switch-off/",
        logins.switch,
        {"state": "off"},
        name="switch_off",
    ),
    path(
        "accounts/<str:school>/<str:key>/switch-on/",
        logins.switch,
        {"state": "on"},
        name="switch_on",
    ),
]
