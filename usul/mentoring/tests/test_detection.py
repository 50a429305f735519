"""Who Usul lists as needing a mentor (SVC-D5, SVC-D6), at both sides of each boundary: a young
specialist has less than ``young_specialist_years`` (3) of experience in education, counted as
RULES.md counts it (days / 365.25); a newly arrived teacher took up their first position at the
school fewer than ``newly_arrived_days`` (365) days ago."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import timezone

from usul.accounts.policy import viewer_for
from usul.mentoring.selectors import needing_mentors
from usul.testing import factories as f

D = dt.date
DAY = D(2026, 12, 2)


def _person(scene, key, *, started_in_education=None, hired=D(2000, 9, 1)):
    person = f.make_staff(scene.school, key=key, last_name=key, since=hired)
    if started_in_education is not None:
        f.make_employment(person, start=started_in_education)
    return person


def _found(scene, role="deputy", day=DAY):
    viewer = viewer_for(scene.users[role], day)
    year = scene.school.years.get(key="2025-2026")
    return {c.staff.key: c.reasons for c in needing_mentors(viewer, scene.school, year, day)}


@pytest.mark.parametrize(
    ("days_in_education", "young"),
    [(1095, True), (1096, False)],  # 3 × 365.25 = 1095.75: 1095 days is 2.998 years
)
def test_a_young_specialist_has_less_than_three_years_in_education(scene, days_in_education, young):
    # the period counts both its ends: starting D - (n - 1) gives n days at D
    start = DAY - dt.timedelta(days=days_in_education - 1)
    _person(scene, "t-young", started_in_education=start)
    assert ("young_specialist" in _found(scene).get("t-young", [])) is young


@pytest.mark.parametrize(("days_ago", "newly"), [(364, True), (365, False)])
def test_a_newly_arrived_teacher_came_less_than_365_days_ago(scene, days_ago, newly):
    _person(scene, "t-new", started_in_education=D(2001, 9, 1), hired=DAY - dt.timedelta(days_ago))
    assert ("newly_arrived" in _found(scene).get("t-new", [])) is newly


def test_a_person_with_no_recorded_employment_is_not_counted_young(scene):
    _person(scene, "t-blank")
    assert "t-blank" not in _found(scene)


def test_the_setting_of_the_school_moves_the_boundary(scene):
    scene.school.young_specialist_years = 5
    scene.school.save(update_fields=["young_specialist_years"])
    _person(scene, "t-four", started_in_education=DAY - dt.timedelta(days=4 * 365))
    assert _found(scene)["t-four"] == ["young_specialist"]


def test_a_leaver_is_not_listed(scene):
    person = _person(scene, "t-left", started_in_education=DAY - dt.timedelta(days=100))
    person.positions.update(end=DAY - dt.timedelta(days=1))
    assert "t-left" not in _found(scene)


@pytest.mark.parametrize("role", ["teacher", "head", "district", "outsider"])
def test_the_list_reads_employment_and_is_the_leaderships_only(scene, role):
    _person(scene, "t-young", started_in_education=DAY - dt.timedelta(days=100))
    assert _found(scene, role=role) == {}


def test_it_costs_the_same_queries_for_ten_or_thirty_staff(scene, django_assert_max_num_queries):
    for n in range(30):
        _person(scene, f"t-{n}", started_in_education=D(2025, 9, 1))
    viewer = viewer_for(scene.users["deputy"], timezone.localdate())
    year = scene.school.years.get(key="2025-2026")
    with django_assert_max_num_queries(4):
        assert len(needing_mentors(viewer, scene.school, year, DAY)) >= 30
