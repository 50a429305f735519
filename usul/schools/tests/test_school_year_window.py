"""The months of a school year: the August before it belongs to it (BUNDLE.md, DOC-8).

One definition, on ``SchoolYear``, that plans, the plan grid, meetings, the calendar and
compliance all ask; tested here on both sides of each boundary.
"""

import datetime as dt

import pytest

from usul.schools.models import SchoolYear
from usul.schools.selectors import current_year
from usul.testing import factories as f

D = dt.date


@pytest.fixture
def year(school):
    return SchoolYear.objects.get(school=school)  # 2025-09-01 – 2026-05-31


def test_the_window_opens_on_the_first_of_august_before_the_year(year):
    assert year.window_start == D(2025, 8, 1)
    assert not year.in_window(D(2025, 7, 31))
    assert year.in_window(D(2025, 8, 1))
    assert year.in_window(D(2026, 5, 31))
    assert not year.in_window(D(2026, 6, 1))


def test_august_is_in_the_window_but_not_a_teaching_day(year):
    assert year.in_window(D(2025, 8, 31)) and not year.contains(D(2025, 8, 31))
    assert year.contains(D(2025, 9, 1))


def test_the_months_run_from_august_to_may_and_august_comes_first(year):
    assert year.months() == [
        "2025-08",
        "2025-09",
        "2025-10",
        "2025-11",
        "2025-12",
        "2026-01",
        "2026-02",
        "2026-03",
        "2026-04",
        "2026-05",
    ]
    assert year.teaching_months() == year.months()[1:]


def test_a_year_that_starts_in_august_opens_its_window_on_the_first(school):
    late = f.make_year(school, key="2026-2027", start=D(2026, 8, 20), end=D(2027, 5, 31))
    assert late.window_start == D(2026, 8, 1)
    assert late.months()[0] == late.teaching_months()[0] == "2026-08"


def test_august_belongs_to_the_year_it_prepares_june_and_july_to_the_one_that_ended(school):
    f.make_year(school, key="2026-2027", start=D(2026, 9, 1), end=D(2027, 5, 31))
    assert current_year(school, D(2026, 7, 31)).key == "2025-2026"
    assert current_year(school, D(2026, 8, 1)).key == "2026-2027"
    assert current_year(school, D(2026, 6, 1)).key == "2025-2026"
