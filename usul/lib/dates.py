"""Date arithmetic of the regulation: intervals with both ends included, calendar years, months.

School dates are plain ``date`` objects. "As of" is always passed in, never read from a clock.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable


def format_date(day: dt.date | None) -> str:
    """A school date as Kyrgyz and Russian paperwork writes it ("02.12.2026"); "" for none.

    The one formatter of dates in messages, notifications, histories and documents.
    """
    return f"{day:%d.%m.%Y}" if day else ""


def covers(start: dt.date | None, end: dt.date | None, day: dt.date) -> bool:
    """True when ``start`` ≤ day and (``end`` is empty or ``end`` ≥ day) — RULES.md intervals."""
    return (start is None or start <= day) and (end is None or end >= day)


def add_years(day: dt.date, years: int) -> dt.date:
    """The same day ``years`` calendar years later; 29 February becomes 28 February (ORG-6)."""
    try:
        return day.replace(year=day.year + years)
    except ValueError:
        return day.replace(year=day.year + years, day=28)


def add_months(day: dt.date, months: int) -> dt.date:
    """The same day ``months`` calendar months later; past a shorter month's end, its last day
    (31 August + 6 months is 28 or 29 February)."""
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    for last in (day.day, 30, 29, 28):
        try:
            return dt.date(year, month, min(day.day, last))
        except ValueError:
            continue
    raise AssertionError("unreachable")


def union_days(periods: Iterable[tuple[dt.date, dt.date | None]], as_of: dt.date) -> int:
    """Calendar days in the union of periods, both ends included, each cut at ``as_of``.

    An open period (end ``None``) runs to ``as_of``, that day included; a day covered by two
    periods counts once. Periods starting after ``as_of`` count nothing.
    """
    spans = []
    for start, end in periods:
        stop = as_of if end is None or end > as_of else end
        if start <= stop:
            spans.append((start, stop))
    spans.sort()
    total = 0
    current_start: dt.date | None = None
    current_end: dt.date | None = None
    for start, stop in spans:
        if current_end is None or start > current_end + dt.timedelta(days=1):
            if current_end is not None and current_start is not None:
                total += (current_end - current_start).days + 1
            current_start, current_end = start, stop
        elif stop > current_end:
            current_end = stop
    if current_end is not None and current_start is not None:
        total += (current_end - current_start).days + 1
    return total


def years_from_days(days: int) -> float:
    """RULES.md: years = days / 365.25."""
    return days / 365.25


def age_at(birth: dt.date, day: dt.date) -> int:
    return day.year - birth.year - ((day.month, day.day) < (birth.month, birth.day))


def month_key(day: dt.date) -> str:
    return f"{day.year:04d}-{day.month:02d}"


def months_between(start: dt.date, end: dt.date) -> list[str]:
    """Every month "YYYY-MM" from ``start``'s month to ``end``'s month, in order."""
    months = []
    year, month = start.year, start.month
    while (year, month) <= (end.year, end.month):
        months.append(f"{year:04d}-{month:02d}")
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return months


def parse_date(raw: str) -> dt.date:
    """Strict ``YYYY-MM-DD``; raises ValueError on anything else."""
    if not isinstance(raw, str) or len(raw) != 10:
        raise ValueError(raw)
    return dt.date.fromisoformat(raw)
