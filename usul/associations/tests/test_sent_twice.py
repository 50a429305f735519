"""A create form of the MA pages sent twice creates once: an MA, a membership, a head term."""

from __future__ import annotations

import datetime as dt
import re

from django.urls import reverse

from usul.associations.models import Association, HeadTerm, Membership
from usul.testing import factories as f

D = dt.date
CREATE = reverse("associations:create", args=["sch-17"])
MEMBERS = reverse("associations:members", args=["sch-17", "ma-stem"])
ELECT = reverse("associations:elect_head", args=["sch-17", "ma-stem"])


def token(client, url: str) -> str:
    return re.search(r'name="once" value="([^"]+)"', client.get(url).content.decode())[1]


def test_an_ma_sent_three_times_is_created_once(as_user, scene):
    client = as_user("deputy")
    form = {"once": token(client, CREATE), "name": "Башталгыч класстар", "kind": "other"}
    answers = [client.post(CREATE, form) for _ in range(3)]
    created = Association.objects.get(name="Башталгыч класстар")
    detail = reverse("associations:detail", args=["sch-17", created.key])
    assert [a.status_code for a in answers] == [302] * 3
    assert {a["Location"] for a in answers} == {detail}
    again = client.post(CREATE, form, follow=True).content.decode()
    assert "Эч нерсе эки жолу түзүлгөн жок." in again


def test_two_ma_forms_create_two_mas(as_user, scene):
    client = as_user("deputy")
    for _ in range(2):
        form = {"once": token(client, CREATE), "name": "Башталгыч класстар", "kind": "other"}
        assert client.post(CREATE, form).status_code == 302
    assert Association.objects.filter(name="Башталгыч класстар").count() == 2


def test_a_member_added_twice_is_added_once(as_user, scene):
    client = as_user("deputy")
    form = {
        "once": token(client, MEMBERS),
        "action": "add",
        "staff": scene.stranger.pk,
        "start": "2025-10-01",
    }
    first = client.post(MEMBERS, form, headers={"HX-Request": "true"})
    second = client.post(MEMBERS, form, headers={"HX-Request": "true"})
    assert Membership.objects.filter(association=scene.stem, staff=scene.stranger).count() == 1
    assert first.status_code == second.status_code == 200
    assert "Эч нерсе эки жолу түзүлгөн жок." in second.content.decode()


def test_a_head_election_sent_twice_records_one_term(as_user, scene):
    client = as_user("deputy")
    meeting = f.make_meeting(scene.stem, date=D(2026, 1, 15))
    qualified = f.make_staff(scene.school, education_level="higher")
    f.make_category(qualified, category="highest")
    f.make_employment(qualified, start=D(2001, 9, 1))
    f.add_member(scene.stem, qualified)
    form = {
        "once": token(client, ELECT),
        "staff": qualified.pk,
        "start": "2026-01-16",
        "elected_at": meeting.pk,
    }
    answers = [client.post(ELECT, form) for _ in range(2)]
    assert [a.status_code for a in answers] == [302, 302]
    assert HeadTerm.objects.filter(association=scene.stem, staff=qualified).count() == 1
