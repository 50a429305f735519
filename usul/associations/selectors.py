"""Reads about MAs at an explicit date (RULES.md definitions).

Like ``usul.people.selectors``, the per-MA functions read related rows through ``.all()`` so
that a caller checking a whole school prefetches once.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.utils.translation import gettext as _

from usul.associations.models import Association, HeadTerm, Membership
from usul.lib.dates import covers, format_date
from usul.orders.models import OrderKind
from usul.people.models import CategoryLevel, EducationLevel, Staff
from usul.people.selectors import category_level_at, experience_in_education_years
from usul.schools.models import School, SchoolYear

# HEAD-1: at least 5 years of work in education ("5.00 or more", RULES.md).
HEAD_MIN_EXPERIENCE_YEARS = 5


def creating_order(association: Association):
    """RULES.md: the order named by ``created_by`` if it is of kind ``ma_create`` and names
    this MA; otherwise none."""
    order = association.created_by
    if order and order.kind == OrderKind.MA_CREATE and order.association_id == association.id:
        return order
    return None


def liquidation_order(association: Association):
    order = association.liquidated_by
    if order and order.kind == OrderKind.MA_LIQUIDATE and order.association_id == association.id:
        return order
    return None


def is_active(association: Association, day: dt.date, year: SchoolYear | None = None) -> bool:
    """RULES.md "Active MA at D": creating order dated ≤ D, no liquidation order dated ≤ D.

    An MA with no creating order is active from the start of ``year`` (so that MA-ORDER can
    report it); without a year it counts as active.
    """
    liquidation = liquidation_order(association)
    if liquidation and liquidation.date <= day:
        return False
    created = creating_order(association)
    if created is None:
        return year is None or year.start <= day
    return created.date <= day


def active_associations(school: School, day: dt.date, year: SchoolYear | None = None):
    """Active MAs of ``school`` at ``day``, with their orders loaded."""
    candidates = Association.objects.filter(school=school).select_related(
        "created_by", "liquidated_by"
    )
    return [a for a in candidates if is_active(a, day, year)]


def memberships_at(association: Association, day: dt.date) -> list[Membership]:
    return [m for m in association.members.all() if covers(m.start, m.end, day)]


def members_at(association: Association, day: dt.date) -> list[Staff]:
    """RULES.md "Member at D": ``from`` ≤ D and (``to`` empty or ≥ D); each person once."""
    seen: dict[int, Staff] = {}
    for membership in memberships_at(association, day):
        seen.setdefault(membership.staff_id, membership.staff)
    return list(seen.values())


def head_term_at(association: Association, day: dt.date) -> HeadTerm | None:
    """RULES.md "Head at D": the term covering D; of several, the one with the latest ``from``."""
    covering = [h for h in association.heads.all() if covers(h.start, h.end, day)]
    if not covering:
        return None
    return max(covering, key=lambda h: (h.start, h.id or 0))


def head_at(association: Association, day: dt.date) -> Staff | None:
    term = head_term_at(association, day)
    return term.staff if term else None


def supervisors_at(association: Association, day: dt.date) -> list[Staff]:
    return [s.staff for s in association.supervisors.all() if covers(s.start, s.end, day)]


def associations_with_people():
    """MAs with memberships, heads and supervisors (and their staff) prefetched."""
    return Association.objects.select_related("created_by", "liquidated_by").prefetch_related(
        "members__staff", "heads__staff", "supervisors__staff", "subjects"
    )


def associations_of_staff_at(staff: Staff, day: dt.date) -> list[Association]:
    """The MAs ``staff`` is a member of at ``day``."""
    memberships = Membership.objects.filter(staff=staff).select_related(
        "association__created_by", "association__liquidated_by"
    )
    return [m.association for m in memberships if covers(m.start, m.end, day)]


def headed_associations_at(staff: Staff, day: dt.date) -> list[Association]:
    """The MAs whose head at ``day`` is ``staff`` (latest-``from`` rule applied per MA).

    The MAs come with their head terms and members prefetched: the policy reads both for
    every request of an MA head, and must not pay a query per member.
    """
    terms = (
        HeadTerm.objects.filter(staff=staff)
        .select_related("association")
        .prefetch_related("association__heads", "association__members__staff")
    )
    result = []
    for term in terms:
        if covers(term.start, term.end, day):
            association = term.association
            current = head_term_at(association, day)
            if current and current.staff_id == staff.id and association not in result:
                result.append(association)
    return result


@dataclass
class AssociationAt:
    """One MA as the pages show it at a date: who belongs, who leads, who supervises."""

    association: Association
    day: dt.date
    active: bool
    members: list[Staff]
    head: Staff | None
    supervisors: list[Staff]

    @property
    def too_few_members(self) -> bool:
        # GEN-2: an MA is formed from no fewer than three teachers.
        return len(self.members) < 3


def associations_at(queryset, day: dt.date, year: SchoolYear | None = None) -> list[AssociationAt]:
    """The MAs of ``queryset`` (already narrowed by the policy) at ``day``, in a fixed number of
    queries whatever their size."""
    rows = queryset.select_related("school", "created_by", "liquidated_by").prefetch_related(
        "members__staff", "heads__staff", "supervisors__staff", "subjects"
    )
    return [
        AssociationAt(
            association=a,
            day=day,
            active=is_active(a, day, year),
            members=members_at(a, day),
            head=head_at(a, day),
            supervisors=supervisors_at(a, day),
        )
        for a in rows
    ]


@dataclass(frozen=True)
class Problem:
    """A warning in the user's words, with the clause it comes from as a small reference."""

    text: str
    clause: str

    def __str__(self) -> str:
        return self.text


def head_candidate_problems(association: Association, staff: Staff, day: dt.date) -> list[Problem]:
    """Why ``staff`` would not be a qualified head of ``association`` at ``day``, in the
    user's words; empty when nothing is wrong. The election is still allowed (ORG-1: the
    members elect whom they choose) — the page warns, the compliance check reports.

    Reads the person's categories, employment and the MA's memberships through ``.all()``.
    """
    problems = []
    level = category_level_at(staff, day)
    if level not in (CategoryLevel.HIGHEST, CategoryLevel.FIRST):
        text = _(
            "The head must have the highest or first qualification category; "
            "on %(date)s %(name)s has: %(category)s."
        ) % {"date": format_date(day), "name": staff, "category": CategoryLevel(level).label}
        problems.append(Problem(text, "GEN-3"))
    if staff.education_level != EducationLevel.HIGHER:
        education = (
            EducationLevel(staff.education_level).label
            if staff.education_level
            else _("not recorded")
        )
        text = _("The head must have higher professional education; recorded: %(level)s.") % {
            "level": education
        }
        problems.append(Problem(text, "HEAD-1"))
    years = experience_in_education_years(staff, day)
    if years < HEAD_MIN_EXPERIENCE_YEARS:
        text = _(
            "The head must have at least 5 years of work in education; "
            "on %(date)s: %(years)s years."
        ) % {"date": format_date(day), "years": f"{int(years * 100) / 100:.2f}"}
        problems.append(Problem(text, "HEAD-1"))
    if all(m.staff_id != staff.pk for m in memberships_at(association, day)):
        text = _("%(name)s is not a member of this MA on %(date)s.") % {
            "name": staff,
            "date": format_date(day),
        }
        problems.append(Problem(text, "ORG-1"))
    return problems


def running_membership(association: Association, staff: Staff) -> Membership | None:
    """The person's membership of the MA that has no last day yet (there is at most one:
    ``membership_add`` refuses a second)."""
    return (
        Membership.objects.filter(association=association, staff=staff, end__isnull=True)
        .select_related("staff")
        .first()
    )


def last_ended_membership(association: Association, staff: Staff) -> Membership | None:
    return (
        Membership.objects.filter(association=association, staff=staff, end__isnull=False)
        .select_related("staff")
        .order_by("-start")
        .first()
    )
