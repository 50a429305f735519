"""The menu's entries of the parts kept per school: a member of a school is taken to their own
school's page; whoever belongs to no school (a district methodologist) reads where to find it."""

from __future__ import annotations

import pytest
from django.urls import reverse

from usul.testing import factories as f

pytestmark = pytest.mark.django_db

ENTRIES = [
    ("lessons:index", "/lessons/{school}/", "Ачык сабактар"),
    ("mentoring:index", "/mentoring/{school}/", "Насаатчылык"),
    ("rights:appeals_index", "/proposals/{school}/", "Сунуштар"),
    ("rights:nominations_index", "/nominations/{school}/", "Сунуштар"),
]


@pytest.mark.parametrize(("entry", "own_page", "_title"), ENTRIES)
def test_a_teacher_is_taken_to_their_own_schools_page(client, entry, own_page, _title):
    school = f.make_school(key="sch-17")
    client.force_login(f.make_user(f.make_staff(school)))
    response = client.get(reverse(entry))
    assert response.status_code == 302
    assert response["Location"].startswith(own_page.format(school="sch-17"))


@pytest.mark.parametrize(("entry", "_own_page", "title"), ENTRIES)
def test_a_district_methodologist_is_told_where_to_find_it(client, entry, _own_page, title):
    district = f.make_district(key="osh-city")
    client.force_login(f.make_user(district=district, username="metodist"))
    response = client.get(reverse(entry))
    assert response.status_code == 200
    assert title in response.content.decode()


def test_the_thematic_plans_entry_opens_the_teachers_own_plans(client):
    school = f.make_school(key="sch-17")
    teacher = f.make_staff(school, key="t-bekova")
    client.force_login(f.make_user(teacher))
    response = client.get(reverse("thematic:index"))
    assert response["Location"].startswith("/ctp/sch-17/t-bekova/")
