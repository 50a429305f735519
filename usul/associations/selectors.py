"""Reads about MAs at an explicit date (RULES.md definitions).

Like ``usul.people.selectors``, the per-MA functions read related rows through ``.all()`` so
that a caller checking a whole school prefetches once.
"""

from __future__ import annotations

import datetime as dt

from usul.associations.models import Association, HeadTerm, Membership
from usul.lib.dates import covers
from usul.people.models import Staff
from usul.schools.models import OrderKind, School, SchoolYear


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
    """The MAs whose head at ``day`` is ``staff`` (latest-``from`` rule applied per MA)."""
    terms = HeadTerm.objects.filter(staff=staff).select_related("association")
    result = []
    for term in terms:
        if covers(term.start, term.end, day):
            association = term.association
            current = head_term_at(association, day)
            if current and current.staff_id == staff.id and association not in result:
                result.append(association)
    return result
