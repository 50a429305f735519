"""Reads about a school at an explicit date."""

from __future__ import annotations

import datetime as dt

from usul.schools.models import School, SchoolYear


def current_year(school: School, day: dt.date) -> SchoolYear | None:
    """The school year containing ``day``; between years, the latest one already started
    (the summer still belongs to the year that ended); before any year, the first one.

    Reads ``school.years.all()`` so that a caller may prefetch the years.
    """
    years = sorted(school.years.all(), key=lambda y: y.start)
    if not years:
        return None
    containing = [y for y in years if y.contains(day)]
    if containing:
        return containing[-1]
    started = [y for y in years if y.start <= day]
    return started[-1] if started else years[0]


def visible_school(viewer, key: str) -> School:
    """The school with this key if the viewer may see it, else 404 (never "exists but
    forbidden" — an outsider learns nothing)."""
    from usul.accounts.policy import get_visible

    return get_visible(viewer, School.objects.select_related("district"), key=key)
