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


def test_a_member_already_in_the_ma_is_refused_next_to_the_form(as_user, scene):
    hx = {"HX-Request": "true"}
    response = as_user("deputy").post(
        URL, {"action": "add", "staff": scene.teacher.pk, "start": "2025-10-01"}, headers=hx
    )
    assert list(response.context["add_form"].errors) == ["staff"]  # already a member
    assert Membership.objects.filter(staff=scene.teacher).count() == 1
