"""Each step of the set-up says what is wrong on its own page, and keeps nothing of a refused
step; after a refusal, reloading the step's address shows the step again."""

from __future__ import annotations

import pytest

from usul.schools.models import School
from usul.setup.tests.steps import ACCOUNT, SCHOOL, SUBJECTS, YEAR, send, walk_to_account


def _refused(response, *fragments: str) -> str:
    assert response.status_code == 400
    page = response.content.decode()
    for fragment in fragments:
        assert fragment in page, fragment
    return page


def test_the_school_step_names_every_missing_field(first_run, client):
    page = _refused(
        send(client, "school", {**SCHOOL, "district_name": "", "school_key": ""}),
        "Name of the district office",
        "Key of the school",
    )
    assert "is required" in page
    assert client.get("/setup/school/").status_code == 200
    assert not School.objects.exists()


@pytest.mark.parametrize("key", ["шк-17", "sch 17", "new"])
def test_the_school_step_refuses_a_key_that_cannot_be_an_address(first_run, client, key):
    _refused(send(client, "school", {**SCHOOL, "school_key": key}), "Key of the school")


def test_the_district_and_the_school_keys_are_checked_too(first_run, client):
    _refused(send(client, "school", {**SCHOOL, "district_key": "ош"}), "Key of the district")


@pytest.mark.parametrize(
    ("value", "accepted"), [("0", False), ("1", True), ("120", True), ("121", False)]
)
def test_a_setting_is_held_to_its_bounds(first_run, client, value, accepted):
    response = send(client, "school", {**SCHOOL, "school_plan_deadline_days": value})
    if accepted:
        assert response.status_code == 302
    else:
        _refused(response, "from 1 to 120")


def test_the_year_step_refuses_an_end_before_the_start_and_a_missing_date(first_run, client):
    assert send(client, "school", SCHOOL).status_code == 302
    _refused(send(client, "year", {**YEAR, "year_end": "2025-08-01"}), "is before")
    _refused(send(client, "year", {**YEAR, "year_start": ""}), "is required")
    assert client.get("/setup/year/").status_code == 200


def test_the_year_step_refuses_a_year_longer_than_a_year(first_run, client):
    assert send(client, "school", SCHOOL).status_code == 302
    _refused(send(client, "year", {**YEAR, "year_end": "2026-09-01"}), "less than a year")


def test_the_subjects_step_offers_the_framework_in_its_four_groupings(first_run, client):
    assert send(client, "school", SCHOOL).status_code == 302
    assert send(client, "year", YEAR).status_code == 302
    page = client.get("/setup/subjects/").content.decode()
    assert page.count("<legend>") == 5  # four groupings and the school's own subjects
    assert 'value="math" checked' in page


def test_the_subjects_step_asks_for_one_subject_at_least(first_run, client):
    assert send(client, "school", SCHOOL).status_code == 302
    assert send(client, "year", YEAR).status_code == 302
    _refused(send(client, "subjects", {}), "at least one subject")


def test_an_own_subject_needs_its_grouping(first_run, client):
    assert send(client, "school", SCHOOL).status_code == 302
    assert send(client, "year", YEAR).status_code == 302
    response = send(client, "subjects", {**SUBJECTS, "own0_area": ""})
    assert response.status_code == 400


@pytest.mark.parametrize(
    ("change", "fragment"),
    [
        ({"account_password": "12345678", "account_password_again": "12345678"}, "common"),
        ({"account_password": "abc", "account_password_again": "abc"}, "8"),
        ({"account_password_again": "другой пароль"}, "differ"),
        ({"account_username": "гүлнара"}, "Latin"),
        ({"account_username": ""}, "is required"),
        ({"account_last_name": ""}, "is required"),
    ],
)
def test_the_account_step_says_what_is_wrong_and_creates_nothing(
    first_run, client, change, fragment
):
    token = walk_to_account(client)
    _refused(send(client, "account", {**ACCOUNT, **change, "once": token}), fragment)
    assert not School.objects.exists()
    assert client.get("/setup/account/").status_code == 200
