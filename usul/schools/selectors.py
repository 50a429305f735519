"""Reads about a school at an explicit date."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping

from django.db.models import Prefetch

from usul.schools.models import School, SchoolYear


def current_year(school: School, day: dt.date) -> SchoolYear | None:
    """The school year whose window holds ``day`` (from the August before it, when the year is
    prepared); between years, the latest one already started (June and July still belong to
    the year that ended); before any year, the first one.

    Reads ``school.years.all()`` so that a caller may prefetch the years.
    """
    years = sorted(school.years.all(), key=lambda y: y.start)
    if not years:
        return None
    containing = [y for y in years if y.in_window(day)]
    if containing:
        return containing[-1]
    started = [y for y in years if y.start <= day]
    return started[-1] if started else years[0]


def visible_school(viewer, key: str, *, with_years: bool = False) -> School:
    """The school with this key if the viewer may see it, else 404 (never "exists but
    forbidden" — an outsider learns nothing). ``with_years`` prefetches its school years,
    earliest first, for ``current_year`` and ``year_asked``."""
    from usul.accounts.policy import get_visible

    queryset = School.objects.select_related("district")
    if with_years:
        queryset = queryset.prefetch_related(
            Prefetch("years", queryset=SchoolYear.objects.order_by("start"))
        )
    return get_visible(viewer, queryset, key=key)


def year_asked(
    school: School, today: dt.date, *sources: Mapping[str, str]
) -> tuple[SchoolYear | None, list[SchoolYear]]:
    """The school year named by the first ``year`` key found in ``sources`` (a page's query
    string, then its form), else the one in progress at ``today``; with all the school's years,
    earliest first, for the page's year picker. An unknown key falls back quietly: a stale
    bookmark shows the current year rather than an error."""
    years = sorted(school.years.all(), key=lambda y: y.start)
    wanted = next((source["year"] for source in sources if source.get("year")), None)
    for year in years:
        if year.key == wanted:
            return year, years
    return current_year(school, today), years
