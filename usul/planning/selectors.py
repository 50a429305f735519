"""Reads of the MA's year: plans with their items and the monthly grid.

Every function takes the school year (and, where a rule depends on it, an explicit as-of
date) and costs a fixed number of queries, whatever the number of items, meetings or members.
Callers narrow what a viewer may see with ``usul.accounts.policy`` before calling.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field

from django.db.models import Prefetch, Q, QuerySet

from usul.associations.models import Association
from usul.associations.selectors import is_active
from usul.lessons.models import OpenLessonStatus
from usul.meetings.models import MeetingStatus
from usul.planning.models import (
    PlanEvent,
    PlanEventKind,
    PlanItem,
    PlanItemStatus,
    PlanStatus,
    WorkPlan,
)
from usul.schools.models import DistrictInstruction, SchoolYear

# ---------------------------------------------------------------------------------------------
# School years


def previous_year(year: SchoolYear) -> SchoolYear | None:
    """The school's year that ended last before ``year`` began."""
    return (
        SchoolYear.objects.filter(school_id=year.school_id, end__lt=year.start)
        .order_by("-end")
        .first()
    )


def month_start(month: str) -> dt.date:
    """The first day of a "YYYY-MM" month (raises ValueError on anything else)."""
    if len(month) != 7 or month[4] != "-":
        raise ValueError(month)
    return dt.date(int(month[:4]), int(month[5:]), 1)


# ---------------------------------------------------------------------------------------------
# Plans


def instructions_in_force(association: Association, year: SchoolYear) -> list[DistrictInstruction]:
    """FUNC-1, RULES.md PLAN-REFLECTS: the district instructions of ``year`` whose targets are
    all subjects or share a subject with the MA — what its plan must reflect."""
    subject_ids = [s.pk for s in association.subjects.all()]
    return list(
        DistrictInstruction.objects.filter(school_id=association.school_id, year=year)
        .filter(Q(targets_all=True) | Q(target_subjects__in=subject_ids))
        .distinct()
        .order_by("date", "key")
    )


def plans_with_items() -> QuerySet[WorkPlan]:
    """Plans with everything their page shows, each relation loaded in one query."""
    items = PlanItem.objects.select_related("responsible").prefetch_related(
        "participants", "materials"
    )
    return WorkPlan.objects.select_related(
        "association__school", "year__school", "approved_by"
    ).prefetch_related(
        Prefetch("items", queryset=items),
        "reflects_instructions",
        Prefetch("events", queryset=PlanEvent.objects.select_related("actor__staff")),
        "versions__approved_by",
    )


def items_by_month(plan: WorkPlan) -> list[tuple[str, list[PlanItem]]]:
    """DOC-8: every month of the plan's year, in order, with its items (dated ones by date)."""
    grouped: dict[str, list[PlanItem]] = defaultdict(list)
    for item in plan.items.all():
        grouped[item.month].append(item)
    months = plan.year.months()
    # An imported item of a month outside the year's window is still shown, at the end.
    extra = sorted(m for m in grouped if m not in months)
    return [(m, grouped.get(m, [])) for m in months + extra]


def items_to_schedule(associations, year: SchoolYear | None, kind: str) -> list[PlanItem]:
    """The still-planned items of ``kind`` in these MAs' plans for ``year`` that no meeting or
    open lesson carries out yet (one scheduled or held; a cancelled one frees its item), in
    plan order: what the schedule forms offer to link (FUNC-1, ORG-3, ORG-4). One query."""
    if year is None:
        return []
    return list(
        PlanItem.objects.filter(
            plan__association__in=associations,
            plan__year=year,
            kind=kind,
            status=PlanItemStatus.PLANNED,
        )
        .exclude(meetings__status__in=[MeetingStatus.SCHEDULED, MeetingStatus.HELD])
        .exclude(open_lessons__status__in=[OpenLessonStatus.SCHEDULED, OpenLessonStatus.HELD])
        .select_related("plan__association")
        .order_by("plan__association__name", "month", "date", "position", "id")
    )


def last_event(plan: WorkPlan, kind: str) -> PlanEvent | None:
    """The latest event of a kind, read from the prefetched ``events``."""
    matching = [e for e in plan.events.all() if e.kind == kind]
    return matching[-1] if matching else None


def return_comment(plan: WorkPlan) -> PlanEvent | None:
    """The deputy's comment when the plan is back with its author (ORG-2 workflow)."""
    if plan.status != PlanStatus.RETURNED:
        return None
    return last_event(plan, PlanEventKind.RETURNED)


def plan_changes_since(plan: WorkPlan, revision: int) -> list[PlanEvent]:
    """The changes made to the plan after the revision an editor saw (for "what changed")."""
    return list(
        PlanEvent.objects.filter(plan=plan, revision__gt=revision)
        .select_related("actor__staff")
        .order_by("at", "id")
    )


# ---------------------------------------------------------------------------------------------
# The monthly grid (DOC-8)


@dataclass
class GridRow:
    association: Association
    plan: WorkPlan | None
    items: list[PlanItem] = field(default_factory=list)


def school_month_grid(
    associations: QuerySet[Association], year: SchoolYear, month: str
) -> list[GridRow]:
    """One row per MA for one month: its plan (if any) and that month's items.

    ``associations`` is already narrowed by the policy. MAs that are active during the month
    are listed even without a plan (the deputy must see who has none); a liquidated MA is listed
    only if it still has items in the month. Three queries whatever the size.
    """
    first = month_start(month)
    last = (first.replace(day=28) + dt.timedelta(days=4)).replace(day=1) - dt.timedelta(days=1)
    candidates = list(associations.select_related("created_by", "liquidated_by"))
    plans = {
        p.association_id: p
        for p in WorkPlan.objects.filter(association__in=candidates, year=year).only(
            "id", "association_id", "status", "version", "year_id"
        )
    }
    items: dict[int, list[PlanItem]] = defaultdict(list)
    for item in (
        PlanItem.objects.filter(plan__in=list(plans.values()), month=month)
        .select_related("responsible")
        .order_by("date", "position", "id")
    ):
        items[item.plan_id].append(item)
    rows = []
    for association in candidates:
        plan = plans.get(association.pk)
        own = items.get(plan.pk, []) if plan else []
        active = is_active(association, last, year) or is_active(association, first, year)
        if active or own:
            rows.append(GridRow(association=association, plan=plan, items=own))
    return rows
