"""School years (FUNC-1, DOC-6): a year is keyed by its calendar years, lasts less than a year,
never overlaps another year of the school, and carries the school's methodological theme; every
refusal names the field it is about."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from usul.schools import services as s
from usul.schools.models import SchoolYear
from usul.testing import factories as f

D = dt.date


def create(scene, start, end, theme=None, who="deputy"):
    return s.school_year_create(
        actor=scene.viewer(who), school=scene.school, start=start, end=end, theme=theme
    )


def test_the_next_year_is_keyed_like_the_bundle_and_keeps_its_theme(scene):
    year = create(scene, D(2026, 9, 1), D(2027, 5, 31), theme="  Санариптик сабаттуулук ")
    assert year.key == "2026-2027"
    assert year.theme == "Санариптик сабаттуулук"
    assert year.history.latest().history_user == scene.users["deputy"]


def test_a_year_without_a_theme_has_none_as_the_bundle_has_null(scene):
    assert create(scene, D(2026, 9, 1), D(2027, 5, 31), theme="   ").theme is None


def test_a_year_that_overlaps_another_is_refused_on_its_first_day(scene):
    with pytest.raises(ValidationError) as info:
        create(scene, D(2026, 5, 31), D(2027, 5, 30))
    assert "2025-2026" in info.value.message_dict["start"][0]
    assert SchoolYear.objects.filter(school=scene.school).count() == 1


def test_a_year_that_starts_the_day_after_the_last_one_ends_is_taken(scene):
    assert create(scene, D(2026, 6, 1), D(2027, 5, 31)).key == "2026-2027"


def test_an_end_before_the_start_is_refused_on_the_end(scene):
    with pytest.raises(ValidationError) as info:
        create(scene, D(2027, 5, 31), D(2026, 9, 1))
    assert list(info.value.message_dict) == ["end"]


def test_a_year_of_a_whole_year_or_more_is_refused_and_one_day_less_is_taken(scene):
    with pytest.raises(ValidationError) as info:
        create(scene, D(2026, 9, 1), D(2027, 9, 1))
    assert list(info.value.message_dict) == ["end"]
    assert create(scene, D(2026, 9, 1), D(2027, 8, 31)).key == "2026-2027"


def test_missing_dates_are_refused_by_name(scene):
    with pytest.raises(ValidationError) as info:
        create(scene, None, D(2027, 5, 31))
    assert list(info.value.message_dict) == ["start"]


def test_another_schools_years_do_not_overlap_ours(scene):
    f.make_year(scene.outsider, key="2026-2027", start=D(2026, 9, 1), end=D(2027, 5, 31))
    assert create(scene, D(2026, 9, 1), D(2027, 5, 31)).school == scene.school


def test_the_theme_and_dates_are_changed_and_the_key_stays(scene):
    year = scene.school.years.get(key="2025-2026")
    s.school_year_update(
        actor=scene.viewer("director"),
        year=year,
        start=D(2025, 9, 2),
        end=D(2026, 5, 25),
        theme="Жаңы тема",
    )
    year.refresh_from_db()
    assert (year.key, year.start, year.end, year.theme) == (
        "2025-2026",
        D(2025, 9, 2),
        D(2026, 5, 25),
        "Жаңы тема",
    )
    assert year.history.latest().history_user == scene.users["director"]


def test_saving_a_year_unchanged_writes_no_history(scene):
    year = scene.school.years.get(key="2025-2026")
    before = year.history.count()
    s.school_year_update(
        actor=scene.viewer("deputy"), year=year, start=year.start, end=year.end, theme=year.theme
    )
    assert year.history.count() == before


def test_dates_outside_the_years_name_are_refused(scene):
    year = scene.school.years.get(key="2025-2026")
    with pytest.raises(ValidationError) as info:
        s.school_year_update(
            actor=scene.viewer("deputy"),
            year=year,
            start=D(2026, 1, 10),
            end=D(2026, 5, 31),
            theme=None,
        )
    assert "2025-2026" in info.value.message_dict["start"][0]


def test_a_changed_year_may_not_overlap_the_next_one(scene):
    create(scene, D(2026, 6, 15), D(2027, 5, 31))
    year = scene.school.years.get(key="2025-2026")
    with pytest.raises(ValidationError) as info:
        s.school_year_update(
            actor=scene.viewer("deputy"),
            year=year,
            start=year.start,
            end=D(2026, 6, 15),
            theme=None,
        )
    assert "2026-2027" in info.value.message_dict["start"][0]


def test_a_theme_over_the_limit_is_refused(scene):
    with pytest.raises(ValidationError) as info:
        create(scene, D(2026, 9, 1), D(2027, 5, 31), theme="т" * 1001)
    assert list(info.value.message_dict) == ["theme"]
