"""Reads about staff at an explicit date (RULES.md definitions).

Each function reads the person's related rows through ``.all()``, so a caller that checks many
people prefetches ``positions``, ``categories`` and ``employment`` once and pays no query per
person.
"""

from __future__ import annotations

import datetime as dt

from usul.lib.dates import age_at, covers, union_days, years_from_days
from usul.people.models import Category, CategoryLevel, Staff


def roles_at(staff: Staff, day: dt.date) -> set[str]:
    """RULES.md "Role at D": the roles of the positions covering ``day``."""
    return {p.role for p in staff.positions.all() if covers(p.start, p.end, day)}


def category_at(staff: Staff, day: dt.date) -> Category | None:
    """RULES.md "Category valid at D": latest ``awarded`` ≤ D with ``valid_until`` empty or ≥ D."""
    valid = [
        c for c in staff.categories.all()
        if c.awarded <= day and (c.valid_until is None or c.valid_until >= day)
    ]
    if not valid:
        return None
    return max(valid, key=lambda c: c.awarded)


def category_level_at(staff: Staff, day: dt.date) -> str:
    category = category_at(staff, day)
    return category.category if category else CategoryLevel.NONE


def experience_in_education_days(staff: Staff, day: dt.date) -> int:
    """RULES.md: calendar days in the union of ``in_education`` periods, both ends included,
    cut at ``day`` (an open period runs to ``day``)."""
    periods = [(e.start, e.end) for e in staff.employment.all() if e.in_education]
    return union_days(periods, day)


def experience_total_days(staff: Staff, day: dt.date) -> int:
    """Total experience (DOC-9): the same count over every employment period."""
    return union_days([(e.start, e.end) for e in staff.employment.all()], day)


def experience_in_education_years(staff: Staff, day: dt.date) -> float:
    return years_from_days(experience_in_education_days(staff, day))


def age(staff: Staff, day: dt.date) -> int | None:
    return age_at(staff.birth_date, day) if staff.birth_date else None


def staff_with_history():
    """Staff with everything the date selectors read, prefetched (one query per relation)."""
    return Staff.objects.prefetch_related("positions", "categories", "employment")
