"""Rules on the MA's work plan for the year (ORG-2, FUNC-1, DOC-7, DOC-8, ORG-3, FUNC-3).

PLAN-REFLECTS, PLAN-MONTHS and PLAN-OPEN-LESSONS run only where the MA has a plan for the year,
whatever its status; without one, PLAN-APPROVED alone reports it (RULES.md).
"""

from __future__ import annotations

from usul.compliance.context import Context, Joined
from usul.compliance.findings import ASSOCIATION, VIOLATION, WARNING, Finding
from usul.compliance.registry import INSTRUCTION, SCHOOL_THEME, implements
from usul.lib.dates import format_date
from usul.people.models import DEPUTY_ROLES
from usul.people.selectors import roles_at
from usul.planning.models import PlanItemKind, PlanItemStatus, PlanStatus


def plan_of(ma):
    """The MA's plan for the year (one per MA and year), or None."""
    return ma.year_plans[0] if ma.year_plans else None


def approved_on(plan, as_of):
    """RULES.md: the plan is approved when its status is approved, ``approved_at`` ≤ D, and
    ``approved_by`` held a deputy director's post on the day of approval (ORG-2: "approved by
    the deputy director"). ORG-2 keeps an approved version in force until a newer one is
    approved: while version 2 is drafted, version 1's approval still counts. Returns the day
    the plan was first so approved, on or before ``as_of``, or None."""
    approvals = [(v.approved_by, v.approved_at) for v in plan.versions.all()]
    if plan.status == PlanStatus.APPROVED:
        approvals.append((plan.approved_by, plan.approved_at))
    days = [
        day
        for by, day in approvals
        if day is not None and day <= as_of and by is not None and roles_at(by, day) & DEPUTY_ROLES
    ]
    return min(days, default=None)


def live_items(plan) -> list:
    return [i for i in plan.items.all() if i.status != PlanItemStatus.CANCELLED]


@implements("PLAN-APPROVED")
def approved(ctx: Context, ma) -> list[Finding]:
    # ORG-2: approved at the beginning of the year — by the school's plan deadline.
    deadline = ctx.plan_deadline
    plan = plan_of(ma)
    params = {"association": ma.name, "deadline": format_date(deadline)}
    subject = (ASSOCIATION, ma.key)
    approved_at = approved_on(plan, ctx.as_of) if plan is not None else None
    if approved_at is not None:
        if approved_at <= deadline:
            return []
        return [
            ctx.finding(
                "PLAN-APPROVED",
                severity=WARNING,
                subject=subject,
                variant="late",
                approved=format_date(approved_at),
                **params,
            )
        ]
    # Not approved: a warning up to the deadline day, a violation from the day after.
    severity = VIOLATION if ctx.as_of > deadline else WARNING
    variant = "" if plan is None else "unapproved"
    return [
        ctx.finding("PLAN-APPROVED", severity=severity, subject=subject, variant=variant, **params)
    ]


@implements("PLAN-REFLECTS")
def reflects(ctx: Context, ma) -> list[Finding] | None:
    # FUNC-1: the plan reflects the school's theme and the district office's instructions
    # addressed to all subjects or to one of this MA's subjects.
    plan = plan_of(ma)
    if plan is None:
        return None
    missing = []
    if (ctx.year.theme or "").strip() and not plan.reflects_school_theme:
        missing.append("school_theme")
    reflected = {i.pk for i in plan.reflects_instructions.all()}
    subject_ids = {s.pk for s in ma.subjects.all()}
    addressed = [
        i
        for i in ctx.snapshot.instructions
        if i.targets_all or {s.pk for s in i.target_subjects.all()} & subject_ids
    ]
    unreflected = sorted((i for i in addressed if i.pk not in reflected), key=lambda i: i.key)
    missing.extend(i.key for i in unreflected)
    if not missing:
        return []
    names = [SCHOOL_THEME] if missing[0] == "school_theme" else []
    names += [_Instruction(i) for i in unreflected]
    return [
        ctx.finding(
            "PLAN-REFLECTS",
            subject=(ASSOCIATION, ma.key),
            detail={"missing": missing},
            association=ma.name,
            missing=Joined(names, ", "),
        )
    ]


class _Instruction:
    def __init__(self, instruction):
        self.number = instruction.number or instruction.key

    def __str__(self) -> str:
        return str(INSTRUCTION) % {"number": self.number}


@implements("PLAN-MONTHS")
def months(ctx: Context, ma) -> list[Finding] | None:
    # DOC-8: a plan grid for each month of the year, start month to end month.
    plan = plan_of(ma)
    if plan is None:
        return None
    covered = {i.month for i in live_items(plan)}
    missing = [m for m in ctx.year.teaching_months() if m not in covered]
    if not missing:
        return []
    return [
        ctx.finding(
            "PLAN-MONTHS",
            subject=(ASSOCIATION, ma.key),
            detail={"missing": missing},
            association=ma.name,
            months=", ".join(missing),
        )
    ]


@implements("PLAN-OPEN-LESSONS")
def open_lessons(ctx: Context, ma) -> list[Finding] | None:
    # DOC-7, ORG-3, FUNC-3: the plan carries the schedule of open lessons.
    plan = plan_of(ma)
    if plan is None:
        return None
    if any(i.kind == PlanItemKind.OPEN_LESSON for i in live_items(plan)):
        return []
    return [ctx.finding("PLAN-OPEN-LESSONS", subject=(ASSOCIATION, ma.key), association=ma.name)]
