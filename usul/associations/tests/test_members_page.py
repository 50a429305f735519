"""The members page: add and end memberships, with htmx or without JavaScript."""

from __future__ import annotations

import datetime as dt

from django.urls import reverse

from usul.associations.models import Membership

D = dt.date
URL = reverse("associations:members", args=["sch-17", "ma-stem"])


def test_adding_a_member_with_htmx_returns_the_updated_list(as_user, scene):
    client = as_user("deputy")
    response = client.post(
        URL,
        {"action": "add", "staff": scene.stranger.pk, "start": "2025-10-01"},
        headers={"HX-Request": "true"},
    )
    assert response.status_code == 200
    fragment = response.content.decode()
    assert fragment.startswith('<div id="members">')  # a fragment, not a page
    assert "Токтосунова Нуриза" in fragment and "01.10.2025" in fragment
    assert Membership.objects.filter(association=scene.stem, staff=scene.stranger).exists()


def test_ending_a_membership_sets_the_last_day_and_keeps_the_row(as_user, scene):
    client = as_user("deputy")
    membership = scene.stem.members.get(staff=scene.colleague)
    response = client.post(URL, {"action": "end", "membership": membership.pk, "end": "2026-05-31"})
    assert response.status_code == 302  # without JavaScript: back to the page
    page = client.get(URL).content.decode()
    assert "Өмүрбеков Үсөн" in page and "31.05.2026" in page
    membership.refresh_from_db()
    assert membership.end == D(2026, 5, 31)


def test_bad_dates_are_answered_next_to_the_row_and_nothing_changes(as_user, scene):
    client = as_user("deputy")
    membership = scene.stem.members.get(staff=scene.colleague)
    hx = {"HX-Request": "true"}
    response = client.post(
        URL, {"action": "end", "membership": membership.pk, "end": "2025-08-01"}, headers=hx
    )
    assert "28.08.2025" in response.content.decode()  # the start it would precede
    response = client.post(
        URL, {"action": "end", "membership": membership.pk, "end": ""}, headers=hx
    )
    assert response.context["end_errors"]  # "Last day: This field is required."
    response = client.post(
        URL, {"action": "end", "membership": "abc", "end": "2026-01-01"}, headers=hx
    )
    assert response.status_code == 200 and response.context["end_errors"]
    response = client.post(
        URL, {"action": "add", "staff": scene.teacher.pk, "start": "2025-10-01"}, headers=hx
    )
    assert list(response.context["add_form"].errors) == ["staff"]  # already a member
    membership.refresh_from_db()
    assert membership.end is None
    assert Membership.objects.filter(staff=scene.teacher).count() == 1


def test_a_membership_of_another_ma_cannot_be_ended_from_this_page(as_user, scene):
    client = as_user("deputy")
    foreign = scene.lang.members.get(staff=scene.stranger)
    response = client.post(
        URL,
        {"action": "end", "membership": foreign.pk, "end": "2026-01-01"},
        headers={"HX-Request": "true"},
    )
    assert response.status_code == 200
    foreign.refresh_from_db()
    assert foreign.end is None
