"""``visible_school`` and ``year_asked``: how every school page finds its school and year."""

import datetime as dt

import pytest
from django.http import Http404, QueryDict

from usul.accounts.policy import viewer_for
from usul.schools.selectors import visible_school, year_asked
from usul.testing import factories as f

D = dt.date


@pytest.fixture
def years(school):
    # The conftest's school has 2025-2026; add the year before and the year after.
    f.make_year(school, key="2024-2025", start=D(2024, 9, 1), end=D(2025, 5, 31))
    f.make_year(school, key="2026-2027", start=D(2026, 9, 1), end=D(2027, 5, 31))
    return school


def test_a_page_names_its_year_in_the_query_string_or_in_its_form(years, django_assert_num_queries):
    viewer = viewer_for(f.make_user(staff=f.make_staff(years)), D(2025, 10, 1))
    with django_assert_num_queries(2):  # the school, its years
        school = visible_school(viewer, "sch-17", with_years=True)
        year, every = year_asked(school, viewer.today, QueryDict("year=2024-2025"), QueryDict())

    assert year.key == "2024-2025"
    assert [y.key for y in every] == ["2024-2025", "2025-2026", "2026-2027"]
    # The query string wins over the form; an empty one gives way to the form.
    asked, _ = year_asked(school, viewer.today, QueryDict("year=2026-2027"), {"year": "2024-2025"})
    assert asked.key == "2026-2027"
    asked, _ = year_asked(school, viewer.today, QueryDict("year="), {"year": "2024-2025"})
    assert asked.key == "2024-2025"


def test_without_a_known_year_the_page_shows_the_one_in_progress(years):
    school = visible_school(
        viewer_for(f.make_user(staff=f.make_staff(years))), "sch-17", with_years=True
    )
    # A stale bookmark falls back quietly, on both sides of the summer break.
    assert year_asked(school, D(2026, 5, 31), {"year": "1999-2000"})[0].key == "2025-2026"
    assert year_asked(school, D(2026, 9, 1), {})[0].key == "2026-2027"


def test_an_outsider_is_told_nothing_about_the_school(years, outsider_school):
    stranger = viewer_for(f.make_user(staff=f.make_staff(outsider_school)))
    with pytest.raises(Http404):
        visible_school(stranger, "sch-17", with_years=True)
