"""Experience stated in a roster as years (or years.months) at a date, and the employment
periods that make the data bank count exactly that.

RULES.md counts experience in education as the calendar days in the union of the person's
``in_education`` employment periods, cut at D, and years = days / 365.25 (HEAD-1 asks 5.00
years or more). A roster states "12.03 as of 01.09.2025" instead. Usul keeps such a statement
as **declared periods** — employment rows of their own, named by ``DECLARED_EDUCATION`` and
``DECLARED_OTHER`` — placed so that ``people.selectors.experience_in_education_days`` and
``experience_total_days``, the functions every rule reads, give back what the roster stated:

- the pedagogical part runs from the start found here to no end (the person still works at the
  school, so the count goes on growing after the date, as it would for any open period);
- the rest of the total experience is a closed period placed before all the person's other
  periods, outside education.

Periods already on the card (the employment history typed in, or brought by a bundle) count
first: a declared period only adds what they lack, and is never needed where they already
count the stated experience.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Sequence
from dataclasses import dataclass
from fractions import Fraction

from usul.lib.dates import union_days

# The organisation of a declared period: how the card shows it, and how a later import of the
# roster recognises the rows it made. Both languages of the school's paperwork.
DECLARED_EDUCATION = "Педагогикалык стаж (кызматкерлердин тизмеси боюнча) / педагогический стаж"
DECLARED_OTHER = "Башка эмгек стажы (кызматкерлердин тизмеси боюнча) / прочий трудовой стаж"
DECLARED = frozenset({DECLARED_EDUCATION, DECLARED_OTHER})

YEAR_DAYS = Fraction(36525, 100)  # RULES.md: years = days / 365.25
_STATED = re.compile(r"^(\d{1,2})(?:[.,](\d{1,2}))?$")
# The earliest a declared period may start: nobody's working life is longer.
LONGEST = dt.timedelta(days=80 * 366)

Period = tuple[dt.date, dt.date | None]


@dataclass(frozen=True, order=True)
class Stated:
    """Experience as a roster states it: whole years and months (0–11)."""

    years: int
    months: int

    def __str__(self) -> str:
        return f"{self.years}.{self.months:02d}" if self.months else str(self.years)

    @property
    def days(self) -> int:
        """The fewest days that count as this much: ceil(months / 12 × 365.25), so that
        ``stated_from_days(Stated(…).days)`` gives it back and "5 years" passes HEAD-1."""
        return math.ceil(Fraction(self.years * 12 + self.months, 12) * YEAR_DAYS)


def stated_from_days(days: int) -> Stated:
    """Whole months in ``days`` (days / 365.25 years), as years and months."""
    months = math.floor(Fraction(days) * 12 / YEAR_DAYS)
    return Stated(*divmod(months, 12))


def parse_stated(text: str) -> Stated:
    """ "12", "12.3", "12.03", "12,03" → 12 years 3 months; ValueError for anything else."""
    match = _STATED.fullmatch(text.strip())
    if not match:
        raise ValueError(text)
    months = int(match.group(2) or 0)
    if months > 11:
        raise ValueError(text)
    return Stated(int(match.group(1)), months)


def latest_start(
    periods: Sequence[Period], *, end: dt.date | None, as_of: dt.date, days: int
) -> dt.date | None:
    """The latest start S such that ``periods`` and (S, ``end``) together count ``days`` days at
    ``as_of``; None when ``periods`` alone count that many. Raises ValueError when no start
    within a working life would do.

    The count only grows, one day at a time, as S moves earlier, so a search finds the exact S.
    """
    if union_days(periods, as_of) >= days:
        return None
    last = end if end is not None and end < as_of else as_of
    earliest = as_of - LONGEST
    if union_days([*periods, (earliest, end)], as_of) < days:
        raise ValueError(days)
    low, high = earliest, last  # the count at ``low`` is enough; at ``high + 1 day`` it is not
    while low < high:
        middle = low + dt.timedelta(days=(high - low).days // 2 + (high - low).days % 2)
        if union_days([*periods, (middle, end)], as_of) >= days:
            low = middle
        else:
            high = middle - dt.timedelta(days=1)
    return low


@dataclass(frozen=True)
class Declared:
    """The declared periods a statement needs: ``education`` (open) and ``other`` (closed);
    None where none is needed."""

    education: Period | None
    other: Period | None


class TooMuchAlready(ValueError):
    """The periods on the card already count more than the roster states."""

    def __init__(self, what: str, counted: Stated):
        super().__init__(what)
        self.what = what
        self.counted = counted


def declare(
    *,
    education_periods: Sequence[Period],
    other_periods: Sequence[Period],
    as_of: dt.date,
    in_education: Stated | None,
    total: Stated | None,
) -> Declared:
    """The declared periods that make the person's periods (declared ones left out) count
    ``in_education`` and ``total`` at ``as_of``. ``education_periods`` are the ``in_education``
    ones; ``other_periods`` the rest."""
    education: Period | None = None
    if in_education is not None:
        counted = stated_from_days(union_days(education_periods, as_of))
        if counted > in_education:
            raise TooMuchAlready("experience_in_education", counted)
        start = latest_start(education_periods, end=None, as_of=as_of, days=in_education.days)
        education = (start, None) if start is not None else None
    other: Period | None = None
    if total is not None:
        every = [*education_periods, *other_periods, *([education] if education else [])]
        counted = stated_from_days(union_days(every, as_of))
        if counted > total:
            raise TooMuchAlready("experience_total", counted)
        starts = [start for start, _end in every if start <= as_of]
        end = min(starts) - dt.timedelta(days=1) if starts else as_of
        start = latest_start(every, end=end, as_of=as_of, days=total.days)
        other = (start, end) if start is not None else None
    return Declared(education=education, other=other)
