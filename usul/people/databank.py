"""The data bank on teachers (DOC-9): who they are at a date, and the composition they make.

``databank`` reads, for one school and one as-of date, every staff member whose personal data
the viewer may read (the policy's ``view_personal``: leadership, the district, the
administrator — or, for an MA head, the members of their MA) with their age, education,
subjects taught, category and pedagogical and total experience at that date. Experience is the
rules' count (``experience_in_education_days``: calendar days in the union of periods, RULES.md),
never a second one.

``composition`` counts a list of people by category, education, age and pedagogical
experience: the summary and the chart of the data bank page and of the DOC-9 document alike.
The band labels are read in the active language (the document's, or the page's).
"""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass, field

from django.db.models import Prefetch
from django.utils.translation import gettext as _

from usul.accounts.policy import Viewer, sees_personal_data, visible
from usul.lib.charts import Group
from usul.lib.dates import covers
from usul.people.models import (
    Category,
    CategoryLevel,
    EducationLevel,
    Employment,
    Staff,
    Teaching,
)
from usul.people.selectors import (
    age,
    category_level_at,
    experience_in_education_days,
    experience_total_days,
)
from usul.schools.models import School, SchoolYear

# Bands of age and of pedagogical experience, in whole years (both ends included).
AGE_BANDS = ((0, 29), (30, 39), (40, 49), (50, 59), (60, 200))
EXPERIENCE_BANDS = ((0, 2), (3, 9), (10, 19), (20, 200))
# The value of a filter that asks for the people whose age or experience is not recorded.
NOT_RECORDED = "none"


def band_label(low: int, high: int) -> str:
    if low == 0:
        return _("under %(n)s") % {"n": high + 1}
    if high >= 200:
        return _("%(n)s and more") % {"n": low}
    return f"{low}–{high}"


def band_key(low: int, high: int) -> str:
    """A band's value in a page's address: ``30-39``."""
    return f"{low}-{high}"


def band_of(value: int | None, bands) -> str:
    """The key of the band ``value`` falls in, or ``NOT_RECORDED``."""
    if value is None:
        return NOT_RECORDED
    for low, high in bands:
        if low <= value <= high:
            return band_key(low, high)
    return NOT_RECORDED


def _count_bands(values: list[int | None], bands) -> list[tuple[str, int]]:
    counted = [
        (band_label(low, high), sum(1 for v in values if v is not None and low <= v <= high))
        for low, high in bands
    ]
    unknown = sum(1 for v in values if v is None)
    if unknown:
        counted.append((_("not recorded"), unknown))
    return counted


def whole_years(days: int) -> int:
    """Whole years of experience (RULES.md: years = days / 365.25)."""
    return math.floor(days / 365.25)


def years_of(days: int) -> str:
    """Years of experience rounded down to hundredths, written with a decimal comma (as HEAD-1
    is checked: 1826 days never reads as 5,00)."""
    value = days / 365.25
    return f"{math.floor(value * 100) / 100:.2f}".replace(".", ",")


def composition(people: list[Staff], day: dt.date) -> list[Group]:
    """DOC-9: ``people`` counted by category, education, age and pedagogical experience at
    ``day``. Reads ``categories`` and ``employment`` through ``.all()``: prefetch them."""
    levels = [category_level_at(p, day) for p in people]
    education = [p.education_level for p in people]
    ages = [age(p, day) for p in people]
    experience = [whole_years(experience_in_education_days(p, day)) for p in people]
    return [
        Group(
            _("By qualification category"),
            [(str(level.label), levels.count(level.value)) for level in CategoryLevel],
        ),
        Group(
            _("By education"),
            [(str(level.label), education.count(level.value)) for level in EducationLevel]
            + ([(_("not recorded"), education.count(""))] if "" in education else []),
        ),
        Group(_("By age, years"), _count_bands(ages, AGE_BANDS)),
        Group(_("By pedagogical experience, years"), _count_bands(experience, EXPERIENCE_BANDS)),
    ]


@dataclass
class BankRow:
    """One person of the data bank at a date."""

    staff: Staff
    age: int | None
    category: str  # CategoryLevel value valid at the date
    pedagogical_days: int
    total_days: int
    subjects: list = field(default_factory=list)  # Subjects taught in the date's school year
    teaching: list[str] = field(default_factory=list)  # "Математика (5, 6)"
    associations: list = field(default_factory=list)  # MAs the person is a member of

    @property
    def pedagogical_years(self) -> int:
        return whole_years(self.pedagogical_days)

    @property
    def total_years(self) -> int:
        return whole_years(self.total_days)

    @property
    def pedagogical_text(self) -> str:
        return years_of(self.pedagogical_days)

    @property
    def total_text(self) -> str:
        return years_of(self.total_days)

    @property
    def category_label(self) -> str:
        return str(CategoryLevel(self.category).label)

    @property
    def age_band(self) -> str:
        return band_of(self.age, AGE_BANDS)

    @property
    def experience_band(self) -> str:
        return band_of(self.pedagogical_years, EXPERIENCE_BANDS)


def databank(
    viewer: Viewer, school: School, as_of: dt.date, year: SchoolYear | None
) -> list[BankRow]:
    """The school's staff whose personal data ``viewer`` reads, at ``as_of``: subjects taught in
    ``year``, MAs whose member the person is at ``as_of``. A fixed number of queries, whatever
    the number of staff: every relation is read once, through the policy's filters."""
    from usul.associations.models import Membership

    teaching = Teaching.objects.select_related("subject")
    teaching = teaching.filter(year=year) if year is not None else teaching.none()
    people = visible(viewer, Staff.objects.filter(school=school)).prefetch_related(
        "positions",
        Prefetch("employment", queryset=visible(viewer, Employment.objects.all())),
        Prefetch("categories", queryset=visible(viewer, Category.objects.all())),
        Prefetch("teaching", queryset=teaching),
        Prefetch("memberships", queryset=Membership.objects.select_related("association")),
    )
    rows = []
    for person in people:
        person.school = school  # the policy's school check reads it: no query per person
        if not sees_personal_data(viewer, person):
            continue
        taught = list(person.teaching.all())
        rows.append(
            BankRow(
                staff=person,
                age=age(person, as_of),
                category=category_level_at(person, as_of),
                pedagogical_days=experience_in_education_days(person, as_of),
                total_days=experience_total_days(person, as_of),
                subjects=[t.subject for t in taught],
                teaching=[
                    f"{t.subject.name} ({', '.join(str(g) for g in t.grades)})"
                    if t.grades
                    else t.subject.name
                    for t in taught
                ],
                associations=[
                    m.association for m in person.memberships.all() if covers(m.start, m.end, as_of)
                ],
            )
        )
    return rows


def filter_bank(
    rows: list[BankRow],
    *,
    ma: str = "",
    subject: str = "",
    category: str = "",
    education: str = "",
    age_band: str = "",
    experience_band: str = "",
) -> list[BankRow]:
    """The rows matching every filter given (an empty filter keeps everyone)."""
    if ma:
        rows = [r for r in rows if any(a.key == ma for a in r.associations)]
    if subject:
        rows = [r for r in rows if any(s.key == subject for s in r.subjects)]
    if category:
        rows = [r for r in rows if r.category == category]
    if education:
        wanted = "" if education == NOT_RECORDED else education
        rows = [r for r in rows if r.staff.education_level == wanted]
    if age_band:
        rows = [r for r in rows if r.age_band == age_band]
    if experience_band:
        rows = [r for r in rows if r.experience_band == experience_band]
    return rows
