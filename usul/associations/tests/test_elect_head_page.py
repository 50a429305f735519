"""The head election page: ORG-1, and a warning before recording an unqualified head."""

from __future__ import annotations

import datetime as dt

from django.urls import reverse

from usul.associations.models import HeadTerm
from usul.testing import factories as f

D = dt.date
URL = reverse("associations:elect_head", args=["sch-17", "ma-stem"])


def test_an_unqualified_candidate_is_warned_about_then_recorded_on_confirmation(as_user, scene):
    client = as_user("deputy")
    meeting = f.make_meeting(scene.stem, date=D(2026, 1, 15))
    data = {"staff": scene.teacher.pk, "start": "2026-01-16", "elected_at": meeting.pk}
    response = client.post(URL, data)
    assert response.status_code == 200
    problems = response.context["problems"]
    # Бекова: second category (GEN-3); higher education; 13 years in education; a member.
    assert [p.clause for p in problems] == ["GEN-3"]
    page = response.content.decode()
    assert problems[0].text in page and '<small class="ref">GEN-3</small>' in page
    assert HeadTerm.objects.get(association=scene.stem).staff == scene.head  # nothing yet
    response = client.post(URL, {**data, "confirm": "on"})
    assert response.status_code == 302
    terms = HeadTerm.objects.filter(association=scene.stem).order_by("start")
    assert [(t.staff, t.end) for t in terms] == [
        (scene.head, D(2026, 1, 15)),
        (scene.teacher, None),
    ]


def test_a_qualified_candidate_is_recorded_at_once(as_user, scene):
    client = as_user("deputy")
    meeting = f.make_meeting(scene.stem, date=D(2026, 1, 15))
    qualified = f.make_staff(scene.school, education_level="higher")
    f.make_category(qualified, category="highest")
    f.make_employment(qualified, start=D(2001, 9, 1))
    f.add_member(scene.stem, qualified)
    response = client.post(
        URL, {"staff": qualified.pk, "start": "2026-01-16", "elected_at": meeting.pk}
    )
    assert response.status_code == 302


def test_without_meeting_or_order_the_form_says_what_org1_needs(as_user, scene):
    response = as_user("deputy").post(
        URL, {"staff": scene.teacher.pk, "start": "2026-01-16", "confirm": "on"}
    )
    assert "ORG-1" in response.context["form"].errors["elected_at"][0]
    assert HeadTerm.objects.filter(association=scene.stem).count() == 1
