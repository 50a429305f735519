"""The set-up creates, in one transaction, the district, the school with its settings, the
year with its theme, the subjects and the administrator — who is logged in, and (where
two-factor log-in is required) asked to enrol first. A second press creates nothing more."""

from __future__ import annotations

import datetime as dt

from django.test import Client

from usul.accounts.models import User
from usul.schools.models import District, School, SchoolYear, Subject
from usul.setup.tests.steps import ACCOUNT, SCHOOL, send, walk_to_account


def test_the_set_up_creates_the_school_and_logs_the_administrator_in(first_run, client):
    token = walk_to_account(client)
    response = send(client, "account", {**ACCOUNT, "once": token})
    assert response.status_code == 302 and response["Location"] == "/"
    school = School.objects.get()
    assert (school.key, school.district.key, school.plan_deadline_days) == (
        "sch-17",
        "osh-city",
        14,
    )
    year = SchoolYear.objects.get()
    assert (year.key, year.start, year.theme) == (
        "2025-2026",
        dt.date(2025, 9, 1),
        "Окуучулардын функционалдык сабаттуулугун өнүктүрүү",
    )
    subjects = dict(Subject.objects.values_list("name_ky", "area"))
    assert subjects == {
        "Кыргыз тили": "languages",
        "Математика": "stem",
        "Физика": "stem",
        "Шахмат": "arts_social",
    }
    admin = User.objects.get()
    assert admin.is_administrator and admin.username == "g.osmonova"
    assert admin.check_password(ACCOUNT["account_password"])
    assert not admin.has_one_time_password
    # Every record names the administrator as its author.
    assert school.history.get().history_user == admin
    assert year.history.get().history_user == admin
    assert client.get("/").status_code == 200
    assert client.session["_auth_user_id"] == str(admin.pk)


def test_the_school_settings_given_are_kept(first_run, client):
    token = walk_to_account(
        client, school={**SCHOOL, "school_ktu_required": "", "school_newly_arrived_days": "180"}
    )
    send(client, "account", {**ACCOUNT, "once": token})
    school = School.objects.get()
    assert (school.ktu_required, school.newly_arrived_days) == (False, 180)


def test_a_second_press_creates_nothing_more_and_is_sent_to_log_in(first_run, client):
    token = walk_to_account(client)
    first = send(client, "account", {**ACCOUNT, "once": token})
    again = Client().post("/setup/account/", {**ACCOUNT, "once": token})
    assert first.status_code == 302
    assert again.status_code == 302 and again["Location"] == "/login/"
    assert (School.objects.count(), District.objects.count(), User.objects.count()) == (1, 1, 1)


def test_a_stranger_cannot_make_an_administrator_once_usul_is_set_up(first_run, client):
    token = walk_to_account(client)
    send(client, "account", {**ACCOUNT, "once": token})
    stranger = Client()
    response = stranger.post(
        "/setup/account/", {**ACCOUNT, "account_username": "intruder", "once": "guess"}
    )
    assert response.status_code == 404
    assert not User.objects.filter(username="intruder").exists()


def test_with_two_factor_required_the_administrator_enrols_first(first_run, client, settings):
    settings.USUL_REQUIRE_2FA = True
    token = walk_to_account(client)
    send(client, "account", {**ACCOUNT, "once": token})
    assert client.get("/")["Location"] == "/account/two-factor/"
