"""Reads about staff at an explicit date (RULES.md definitions).

Each function reads the person's related rows through ``.all()``, so a caller that checks many
people prefetches ``positions``, ``categories`` and ``employment`` once and pays no query per
person.
"""

from __future__ import annotations

import datetime as dt
import unicodedata
from dataclasses import dataclass
from typing import Any

from django.db.models import Count, Prefetch, Q, prefetch_related_objects

from usul.accounts.policy import Viewer, get_visible, sees_personal_data, visible
from usul.lib.dates import add_months, add_years, age_at, covers, union_days, years_from_days
from usul.people.models import (
    TEACHING_ROLES,
    Category,
    CategoryLevel,
    Course,
    Employment,
    Role,
    SelfDevelopmentTopic,
    Staff,
    Teaching,
    ThematicPlan,
)
from usul.schools.models import School


def roles_at(staff: Staff, day: dt.date) -> set[str]:
    """RULES.md "Role at D": the roles of the positions covering ``day``."""
    return {p.role for p in staff.positions.all() if covers(p.start, p.end, day)}


def category_at(staff: Staff, day: dt.date) -> Category | None:
    """RULES.md "Category valid at D": latest ``awarded`` ≤ D with ``valid_until`` empty or ≥ D."""
    valid = [
        c
        for c in staff.categories.all()
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


def fold(text: str) -> str:
    """Text for comparing without case, for every alphabet: "ҢӨҮ" finds "ңөү".

    SQLite's LIKE folds ASCII only, so the staff list searches in Python over the school's
    staff (a bounded set, already loaded for the page).
    """
    return unicodedata.normalize("NFKC", text).casefold()


def matches(staff: Staff, query: str) -> bool:
    """Every word of ``query`` appears in the person's name or key."""
    haystack = fold(f"{staff.full_name} {staff.key}")
    return all(word in haystack for word in fold(query).split())


@dataclass
class StaffAt:
    """One line of the staff list at a date: roles, MAs, MAs headed."""

    staff: Staff
    roles: list[str]
    associations: list
    headed: list

    @property
    def role_labels(self) -> list[str]:
        return [str(Role(r).label) for r in self.roles]


def staff_at(staff_list, day: dt.date) -> list[StaffAt]:
    """Reads ``positions``, ``memberships`` (with their MA) and ``head_terms`` through
    ``.all()``; prefetch them for a fixed number of queries."""
    rows = []
    for staff in staff_list:
        roles = sorted(roles_at(staff, day), key=lambda r: list(Role).index(Role(r)))
        associations = []
        for membership in staff.memberships.all():
            if covers(membership.start, membership.end, day):
                if membership.association not in associations:
                    associations.append(membership.association)
        headed = [t.association for t in staff.head_terms.all() if covers(t.start, t.end, day)]
        rows.append(StaffAt(staff=staff, roles=roles, associations=associations, headed=headed))
    return rows


def staff_card(viewer: Viewer, school: School, key: str) -> Staff:
    """One staff member's card as everyone who may see it reads it — positions, teaching,
    self-development, thematic plans, MAs — or 404. No personal data: that is
    ``personal_data``'s, for those the policy lets read it."""
    from usul.associations.models import HeadTerm, Membership

    return get_visible(
        viewer,
        Staff.objects.filter(school=school).prefetch_related(
            "positions",
            Prefetch("teaching", queryset=Teaching.objects.select_related("year", "subject")),
            Prefetch(
                "self_development",
                queryset=SelfDevelopmentTopic.objects.select_related("year").annotate(
                    report_count=Count("reports")
                ),
            ),
            Prefetch(
                "thematic_plans",
                queryset=ThematicPlan.objects.select_related("year", "subject").annotate(
                    lessons=Count("items"),
                    taught=Count("items", filter=Q(items__done__isnull=False)),
                ),
            ),
            Prefetch("memberships", queryset=Membership.objects.select_related("association")),
            Prefetch("head_terms", queryset=HeadTerm.objects.select_related("association")),
        ),
        key=key,
    )


def personal_data(viewer: Viewer, staff: Staff, day: dt.date) -> dict[str, Any] | None:
    """GEN-3, DOC-9: age, experience, employment, categories and courses of ``staff`` on
    ``day`` — or None when the viewer may not read them (a colleague, another school).
    The rows are read through the policy's filter (PERSONAL) as well."""
    if not sees_personal_data(viewer, staff):
        return None
    prefetch_related_objects(
        [staff],
        Prefetch("employment", queryset=visible(viewer, Employment.objects.all())),
        Prefetch("categories", queryset=visible(viewer, Category.objects.all())),
        Prefetch("courses", queryset=visible(viewer, Course.objects.all())),
    )
    current = category_at(staff, day)
    pedagogical = experience_in_education_days(staff, day)
    total = experience_total_days(staff, day)
    return {
        "age": age(staff, day),
        "experience": {
            "pedagogical_days": pedagogical,
            "pedagogical_years": int(pedagogical / 365.25 * 10) / 10,
            "total_days": total,
            "total_years": int(total / 365.25 * 10) / 10,
        },
        "employment": sorted(staff.employment.all(), key=lambda e: e.start, reverse=True),
        "categories": [
            {
                "category": c,
                "current": current is not None and c.pk == current.pk,
                "expired": c.valid_until is not None and c.valid_until < day,
            }
            for c in sorted(staff.categories.all(), key=lambda c: c.awarded, reverse=True)
        ],
        "courses": sorted(
            staff.courses.all(), key=lambda c: (c.start is not None, c.start), reverse=True
        ),
    }


# Reminders of certification and qualification upgrading (HEAD-D3, SVC-D2).
@dataclass
class GrowthDue:
    """What a teacher is due for at a day: a category expiring within the school's
    ``category_reminder_months`` (or expired), no course in the last ``course_reminder_years``."""

    staff: Staff
    category: Category | None  # the latest awarded, if its validity ends within the window
    last_course: dt.date | None  # when the latest course ended (None: no course at all)
    course_due: bool

    @property
    def due(self) -> bool:
        return self.category is not None or self.course_due


def growth_due(school: School, staff: Staff, day: dt.date) -> GrowthDue:
    """Reads ``categories`` and ``courses`` through ``.all()``: prefetch them.

    A category is reminded of when its ``valid_until`` is at most
    ``category_reminder_months`` months after ``day`` (expired ones too, until a new one is
    awarded); a course is due when the latest course ended more than ``course_reminder_years``
    years before ``day`` — a course ending exactly that day still counts."""
    horizon = add_months(day, school.category_reminder_months)
    awarded = [c for c in staff.categories.all() if c.awarded <= day]
    latest = max(awarded, key=lambda c: c.awarded, default=None)
    expiring = (
        latest
        if latest is not None and latest.valid_until is not None and latest.valid_until <= horizon
        else None
    )
    ends: list[dt.date] = [d for c in staff.courses.all() if (d := c.end or c.start) is not None]
    last = max(ends, default=None)
    since = add_years(day, -school.course_reminder_years)
    return GrowthDue(
        staff=staff, category=expiring, last_course=last, course_due=last is None or last < since
    )


def growth_due_for(
    viewer: Viewer, school: School, day: dt.date, only: Staff | None = None
) -> list[GrowthDue]:
    """Who of the school's teachers (a teaching position at ``day``) is due, as far as
    ``viewer`` may read their personal data: the person, their MA head, the leadership, the
    district. A fixed number of queries."""
    from usul.associations.models import Membership

    queryset = Staff.objects.filter(school=school)
    if only is not None:
        queryset = queryset.filter(pk=only.pk)
    staff = (
        visible(viewer, queryset)
        .select_related("school")
        .prefetch_related(
            "positions",
            Prefetch("categories", queryset=visible(viewer, Category.objects.all())),
            Prefetch("courses", queryset=visible(viewer, Course.objects.all())),
            Prefetch(
                "memberships",
                queryset=Membership.objects.select_related("association"),
            ),
        )
    )
    rows = []
    for person in staff:
        if not roles_at(person, day) & TEACHING_ROLES or not sees_personal_data(viewer, person):
            continue
        due = growth_due(school, person, day)
        if due.due:
            rows.append(due)
    return rows
