"""The date selectors of RULES.md at both sides of every boundary."""

import datetime as dt

import pytest

from usul.people.models import Role
from usul.people.selectors import (
    category_at,
    category_level_at,
    experience_in_education_days,
    experience_in_education_years,
    personal_data,
    roles_at,
    staff_card,
    staff_with_history,
)
from usul.testing import factories as f

D = dt.date


def test_experience_counts_both_ends_of_a_closed_period(school):
    staff = f.make_staff(school)
    f.make_employment(staff, start=D(2020, 1, 1), end=D(2020, 1, 10))
    assert experience_in_education_days(staff, D(2025, 1, 1)) == 10


def test_an_open_period_runs_to_the_as_of_day_included(school):
    staff = f.make_staff(school)
    f.make_employment(staff, start=D(2020, 1, 1))
    assert experience_in_education_days(staff, D(2020, 1, 1)) == 1
    assert experience_in_education_days(staff, D(2020, 1, 31)) == 31


def test_overlapping_periods_count_each_day_once(school):
    staff = f.make_staff(school)
    f.make_employment(staff, start=D(2020, 1, 1), end=D(2020, 1, 20))
    f.make_employment(staff, start=D(2020, 1, 11), end=D(2020, 1, 31))
    assert experience_in_education_days(staff, D(2021, 1, 1)) == 31


def test_periods_outside_education_do_not_count(school):
    staff = f.make_staff(school)
    f.make_employment(staff, start=D(2020, 1, 1), end=D(2020, 1, 31), in_education=False)
    f.make_employment(staff, start=D(2020, 2, 1), end=D(2020, 2, 10))
    assert experience_in_education_days(staff, D(2021, 1, 1)) == 10


def test_a_period_after_the_as_of_day_counts_nothing(school):
    staff = f.make_staff(school)
    f.make_employment(staff, start=D(2026, 1, 1))
    assert experience_in_education_days(staff, D(2025, 12, 31)) == 0


def test_five_years_is_1827_days_and_1826_is_short(school):
    staff = f.make_staff(school)
    start = D(2020, 1, 1)
    f.make_employment(staff, start=start)
    day_1826 = start + dt.timedelta(days=1825)
    assert experience_in_education_days(staff, day_1826) == 1826
    assert experience_in_education_years(staff, day_1826) < 5
    assert experience_in_education_years(staff, day_1826 + dt.timedelta(days=1)) >= 5


def test_category_is_valid_on_its_last_day_and_not_after(school):
    staff = f.make_staff(school)
    f.make_category(staff, category="first", awarded=D(2021, 4, 10), valid_until=D(2026, 4, 10))
    assert category_level_at(staff, D(2026, 4, 10)) == "first"
    assert category_level_at(staff, D(2026, 4, 11)) == "none"


def test_category_counts_from_the_day_it_is_awarded(school):
    staff = f.make_staff(school)
    f.make_category(staff, category="highest", awarded=D(2024, 5, 1))
    assert category_at(staff, D(2024, 4, 30)) is None
    assert category_level_at(staff, D(2024, 5, 1)) == "highest"


def test_the_latest_awarded_category_wins(school):
    staff = f.make_staff(school)
    f.make_category(staff, category="second", awarded=D(2018, 1, 1))
    f.make_category(staff, category="highest", awarded=D(2023, 1, 1), valid_until=D(2028, 1, 1))
    assert category_level_at(staff, D(2022, 12, 31)) == "second"
    assert category_level_at(staff, D(2023, 1, 1)) == "highest"


def test_roles_come_from_positions_covering_the_day(school):
    staff = f.make_staff(school, roles=())
    f.Position.objects.create(staff=staff, role=Role.TEACHER, start=D(2010, 9, 1))
    f.Position.objects.create(
        staff=staff, role=Role.DEPUTY_ACADEMIC, start=D(2024, 9, 1), end=D(2025, 8, 31)
    )
    assert roles_at(staff, D(2025, 8, 31)) == {"teacher", "deputy_academic"}
    assert roles_at(staff, D(2025, 9, 1)) == {"teacher"}
    assert roles_at(staff, D(2010, 8, 31)) == set()


def test_prefetched_staff_answer_without_further_queries(school, django_assert_num_queries):
    for _ in range(5):
        staff = f.make_staff(school)
        f.make_employment(staff, start=D(2015, 9, 1))
        f.make_category(staff)
    with django_assert_num_queries(4):
        people = list(staff_with_history().filter(school=school))
        for person in people:
            roles_at(person, D(2025, 10, 1))
            category_at(person, D(2025, 10, 1))
            experience_in_education_days(person, D(2025, 10, 1))


# --- personal data is read through the viewer (GEN-3, DOC-9) --------------------------------


@pytest.mark.parametrize(
    "role, reads",
    [
        ("teacher", True),  # her own card
        ("head", True),  # the head of her MA
        ("deputy", True),
        ("director", True),
        ("district", True),
        ("colleague", False),  # a member of the same MA
        ("stranger", False),  # a teacher of another MA
    ],
)
def test_personal_data_is_given_only_to_whom_the_policy_lets_read_it(scene, role, reads):

    viewer = scene.viewer(role)
    card = staff_card(viewer, scene.school, scene.teacher.key)
    data = personal_data(viewer, card, D(2025, 10, 1))
    if reads:
        assert data["age"] == 35
        assert [c["category"].category for c in data["categories"]] == ["second"]
        assert [e.organization for e in data["employment"]] == ["№5 мектеп"]
    else:
        assert data is None


def test_another_schools_card_is_not_found(scene):
    from django.http import Http404

    with pytest.raises(Http404):
        staff_card(scene.viewer("outsider"), scene.school, scene.teacher.key)
