"""Writes of the MA's year: the work plan and its approval, its items.

Each function is one transaction. It asks the policy whether ``actor`` may act, refuses bad
input with a translated message naming the field, and records who changed what: the
simple-history user on every row and a ``PlanEvent`` per step of the plan.

``actor`` is the ``usul.accounts.policy.Viewer`` of the person acting — their user, staff
record and roles at ``actor.today``, which is also the day the action happens on (the approval
date, "due this week", "done" not before its day).

Concurrency: an editor sends the ``revision`` they saw. The plan row is locked for
the change (``select_for_update`` on PostgreSQL; SQLite runs IMMEDIATE transactions, one
writer at a time) and a save based on an older revision is refused with a message saying who
changed what since — nobody silently overwrites anybody.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils.translation import gettext as _

from usul.accounts.policy import Viewer, owns_plan, require, viewer_for
from usul.associations.models import Association
from usul.associations.selectors import head_at, supervisors_at
from usul.lib import text_limits, uploads
from usul.lib.dates import format_date, month_key
from usul.lib.history import delete_with_history, history_user, save_with_history
from usul.lib.locking import check_revision, labels_of
from usul.notifications.services import notifications_settle, notify
from usul.people.models import DEPUTY_ROLES, Staff
from usul.people.selectors import roles_at, staff_with_history
from usul.planning import events
from usul.planning.models import (
    PlanEvent,
    PlanEventKind,
    PlanItem,
    PlanItemKind,
    PlanItemMaterial,
    PlanItemStatus,
    PlanStatus,
    PlanVersion,
    WorkPlan,
)
from usul.planning.selectors import instructions_in_force, plan_changes_since
from usul.schools.models import DistrictInstruction, SchoolYear

# A seminar's hand-outs and slides; larger files do not belong on a school's slow line.
MONTH_RE = re.compile(r"^\d{4}-(0[1-9]|1[0-2])$")


def _lines(values: Iterable[str] | str) -> list[str]:
    """Directions, tasks, proposals: one per line, blanks dropped."""
    if isinstance(values, str):
        values = values.splitlines()
    return [v.strip() for v in values if v and v.strip()]


def _event(plan: WorkPlan, actor: Viewer, kind: str, *, comment: str = "", **detail) -> None:
    PlanEvent.objects.create(
        plan=plan,
        kind=kind,
        actor=history_user(actor),
        revision=plan.revision,
        version=plan.version,
        comment=comment,
        detail=detail,
    )


def _locked(plan: WorkPlan) -> WorkPlan:
    """The plan as stored now, locked until the transaction ends."""
    return (
        WorkPlan.objects.select_for_update()
        .select_related("association__school", "year__school")
        .get(pk=plan.pk)
    )


def _check_revision(plan: WorkPlan, revision: int | None) -> None:
    if revision is None or plan.revision == revision:
        return
    changes = plan_changes_since(plan, revision)[-3:]
    if changes:
        what = "; ".join(events.sentence(e) for e in changes)
    else:
        what = _("the plan was saved by someone else")
    raise ValidationError(
        _(
            "Not saved: while you were editing, the plan changed — %(what)s. "
            "The page now shows the current plan; make your change again."
        )
        % {"what": what},
        code="stale",
    )


def _check_item_revision(item: PlanItem, revision: int | None) -> None:
    """An item edited from an older page is refused, naming who changed which of its fields.

    (The plan's own check above tells its story from the plan's events instead; an item has
    no events of its own, so it asks its history, as every other record does.)"""
    watched = (*events.ITEM_FIELDS, "status", "result_note")
    check_revision(
        item,
        revision,
        fields=labels_of(PlanItem, watched),
    )


def _require_editable(plan: WorkPlan) -> None:
    """ORG-2: only a draft or a returned plan changes; an approved one is locked."""
    if plan.status == PlanStatus.SUBMITTED:
        raise ValidationError(
            _(
                "The plan is waiting for approval and cannot be changed now; the deputy "
                "director can return it for revision."
            ),
            code="locked",
        )
    if plan.status == PlanStatus.APPROVED:
        raise ValidationError(
            _(
                "Version %(version)s of the plan is approved and locked. To change the plan, "
                "start a new version; it will need approval again."
            )
            % {"version": plan.version},
            code="locked",
        )


def _plan_url(plan: WorkPlan) -> str:
    return reverse(
        "planning:plan",
        args=[plan.association.school.key, plan.association.key, plan.year.key],
    )


def _notify(kind: str, plan: WorkPlan, actor: Viewer, recipients, **params) -> None:
    people = [s for s in recipients if s is not None and s != actor.staff]
    if not people:
        return
    notify(
        kind=kind,
        recipients=people,
        url=_plan_url(plan),
        params={"association": plan.association.name, "year": plan.year.key, **params},
        actor=actor.user,
    )


def _deputies_of(plan: WorkPlan, day: dt.date) -> list[Staff]:
    """Who approves (ORG-2, GEN-9): the MA's supervising deputies at ``day``; when it has none,
    every deputy director of the school at ``day``."""
    association = Association.objects.prefetch_related("supervisors__staff__positions").get(
        pk=plan.association_id
    )
    supervising = [s for s in supervisors_at(association, day) if roles_at(s, day) & DEPUTY_ROLES]
    if supervising:
        return supervising
    candidates = staff_with_history().filter(
        school_id=association.school_id, positions__role__in=DEPUTY_ROLES
    )
    return [s for s in candidates.distinct() if roles_at(s, day) & DEPUTY_ROLES]


def _submitter(plan: WorkPlan) -> Staff | None:
    event = (
        plan.events.filter(kind=PlanEventKind.SUBMITTED)
        .select_related("actor__staff")
        .order_by("-at", "-id")
        .first()
    )
    return event.actor.staff if event is not None and event.actor is not None else None


def _author_side(plan: WorkPlan, day: dt.date) -> list[Staff | None]:
    """Who hears back about the plan: the MA's head at ``day`` and whoever submitted it."""
    association = Association.objects.prefetch_related("heads__staff").get(pk=plan.association_id)
    return [head_at(association, day), _submitter(plan)]


# ---------------------------------------------------------------------------------------------
# Validation


def _joined(values: Iterable[str] | str) -> str:
    return values if isinstance(values, str) else "\n".join(values)


def _check_plan_texts(*, theme: str, goal: str, directions, tasks) -> None:
    """The limits of the plan's page, held by the service too (DOC-6)."""
    text_limits.require_all_within(
        ("theme", _("Methodological theme of the MA"), theme, text_limits.SENTENCE),
        ("goal", _("Goal"), goal, text_limits.SENTENCE),
        (
            "directions",
            _("Main directions (one per line)"),
            _joined(directions),
            text_limits.PARAGRAPH,
        ),
        ("tasks", _("Tasks for the year (one per line)"), _joined(tasks), text_limits.PARAGRAPH),
    )


def _check_item_texts(*, title: str, expected_result: str, audience: str) -> None:
    text_limits.require_all_within(
        ("title", _("What is planned"), title, text_limits.SENTENCE),
        ("expected_result", _("Expected result"), expected_result, text_limits.PARAGRAPH),
        ("audience", _("Pupils (classes), for extracurricular work"), audience, 300),
    )


def _check_reflects(
    association: Association,
    year: SchoolYear,
    school_theme: bool,
    instructions: list[DistrictInstruction],
) -> dict[str, str]:
    """FUNC-1: a plan reflects the school's theme (if the year has one) and the district
    instructions in force for the MA — only those can be ticked."""
    errors = {}
    if school_theme and not (year.theme or "").strip():
        errors["reflects_school_theme"] = _(
            "The school has no methodological theme for %(year)s to reflect."
        ) % {"year": year.key}
    in_force = {i.pk for i in instructions_in_force(association, year)}
    if any(i.pk not in in_force for i in instructions):
        errors["reflects_instructions"] = _(
            "Only the district instructions of %(year)s in force for this MA can be chosen."
        ) % {"year": year.key}
    return errors


def _check_item(
    plan: WorkPlan,
    *,
    month: str,
    date: dt.date | None,
    kind: str,
    title: str,
    responsible: Staff | None,
) -> tuple[str, dict[str, str]]:
    """The month and date lie in the window of the plan's school year, the August before it
    included (DOC-8); returns the month to store."""
    year = plan.year
    errors: dict[str, str] = {}
    month = (month or "").strip()
    bounds = {
        "year": year.key,
        "start": format_date(year.window_start),
        "end": format_date(year.end),
    }
    if date is not None:
        if not year.in_window(date):
            errors["date"] = _(
                "The date %(date)s is outside the school year %(year)s (%(start)s – %(end)s)."
            ) % {**bounds, "date": format_date(date)}
        elif month and month != month_key(date):
            errors["month"] = _("The month must be the month of the date: %(month)s.") % {
                "month": month_key(date)
            }
        else:
            month = month_key(date)
    if "date" not in errors and "month" not in errors:
        if not month:
            errors["month"] = _("Choose the month of the item.")
        elif not MONTH_RE.match(month) or month not in year.months():
            errors["month"] = _(
                "The month %(month)s is outside the school year %(year)s (%(start)s – %(end)s)."
            ) % {**bounds, "month": month}
    if kind not in PlanItemKind.values:
        errors["kind"] = _("Choose the kind of the item.")
    if not (title or "").strip():
        errors["title"] = _("Write what is planned (the title of the item).")
    if responsible is not None and responsible.school_id != plan.association.school_id:
        errors["responsible"] = _("The responsible person must work at this school.")
    return month, errors


# ---------------------------------------------------------------------------------------------
# The plan


@transaction.atomic
def plan_create(
    *,
    actor: Viewer,
    association: Association,
    year: SchoolYear,
    theme: str = "",
    goal: str = "",
    directions: Iterable[str] | str = (),
    tasks: Iterable[str] | str = (),
    reflects_school_theme: bool = False,
    reflects_instructions: Iterable[DistrictInstruction] = (),
) -> WorkPlan:
    """The head (or the school's leadership) starts the MA's plan for a year (DOC-6, DOC-7)."""
    require(actor, "manage_association", association)
    if year.school_id != association.school_id:
        raise ValidationError({"year": _("This school year belongs to another school.")})
    if WorkPlan.objects.filter(association=association, year=year).exists():
        raise ValidationError(
            {
                "year": _("%(association)s already has a work plan for %(year)s.")
                % {"association": association.name, "year": year.key}
            }
        )
    _check_plan_texts(theme=theme, goal=goal, directions=directions, tasks=tasks)
    instructions = list(reflects_instructions)
    errors = _check_reflects(association, year, reflects_school_theme, instructions)
    if errors:
        raise ValidationError(errors)
    plan = WorkPlan(
        association=association,
        year=year,
        theme=theme.strip(),
        goal=goal.strip(),
        directions=_lines(directions),
        tasks=_lines(tasks),
        reflects_school_theme=reflects_school_theme,
    )
    try:
        with transaction.atomic():
            save_with_history(plan, actor)
    except IntegrityError:
        # Two people pressed "start the plan" at once; the first one made it.
        raise ValidationError(
            {
                "year": _("%(association)s already has a work plan for %(year)s.")
                % {"association": association.name, "year": year.key}
            }
        ) from None
    plan.reflects_instructions.set(instructions)
    _event(plan, actor, PlanEventKind.CREATED)
    return plan


@transaction.atomic
def plan_update(
    *,
    actor: Viewer,
    plan: WorkPlan,
    revision: int,
    theme: str,
    goal: str,
    directions: Iterable[str] | str,
    tasks: Iterable[str] | str,
    reflects_school_theme: bool,
    reflects_instructions: Iterable[DistrictInstruction],
) -> WorkPlan:
    """Change the plan's theme, goal, directions, tasks and what it reflects (FUNC-1, DOC-6)."""
    require(actor, "write_plan", plan)
    plan = _locked(plan)
    _check_revision(plan, revision)
    _require_editable(plan)
    _check_plan_texts(theme=theme, goal=goal, directions=directions, tasks=tasks)
    instructions = list(reflects_instructions)
    errors = _check_reflects(plan.association, plan.year, reflects_school_theme, instructions)
    if errors:
        raise ValidationError(errors)
    new = {
        "theme": theme.strip(),
        "goal": goal.strip(),
        "directions": _lines(directions),
        "tasks": _lines(tasks),
        "reflects_school_theme": bool(reflects_school_theme),
    }
    changed = [name for name, value in new.items() if getattr(plan, name) != value]
    old_instructions = set(plan.reflects_instructions.values_list("pk", flat=True))
    if old_instructions != {i.pk for i in instructions}:
        changed.append("reflects_instructions")
    if not changed:
        return plan
    for name, value in new.items():
        setattr(plan, name, value)
    plan.revision += 1
    save_with_history(plan, actor, [*new, "revision"])
    plan.reflects_instructions.set(instructions)
    _event(plan, actor, PlanEventKind.EDITED, fields=changed)
    return plan


@transaction.atomic
def plan_submit(*, actor: Viewer, plan: WorkPlan, revision: int) -> WorkPlan:
    """Draft or returned → submitted for the deputy director's approval (ORG-2)."""
    require(actor, "write_plan", plan)
    plan = _locked(plan)
    # The status first: a second press of "submit" is told the plan is already submitted.
    if plan.status == PlanStatus.SUBMITTED:
        raise ValidationError(
            _("The plan has already been submitted and is waiting for approval."),
            code="already_submitted",
        )
    if plan.status == PlanStatus.APPROVED:
        raise ValidationError(
            _("The plan is already approved; to change it, start a new version."),
            code="already_approved",
        )
    _check_revision(plan, revision)
    errors = {}
    if not plan.theme.strip():
        errors["theme"] = _("Write the MA's methodological theme before submitting (DOC-6).")
    if not plan.goal.strip():
        errors["goal"] = _("Write the goal of the year before submitting (DOC-6).")
    if not plan.items.exclude(status=PlanItemStatus.CANCELLED).exists():
        errors["items"] = _("Add at least one item to the plan before submitting it (DOC-8).")
    if errors:
        raise ValidationError(errors)
    plan.status = PlanStatus.SUBMITTED
    plan.revision += 1
    save_with_history(plan, actor, ["status", "revision"])
    _event(plan, actor, PlanEventKind.SUBMITTED)
    # ORG-2: the deputies it is addressed to hear of it once, however often it was submitted.
    notifications_settle(kind="plan_submitted", url=_plan_url(plan))
    _notify("plan_submitted", plan, actor, _deputies_of(plan, actor.today))
    return plan


@transaction.atomic
def plan_return(*, actor: Viewer, plan: WorkPlan, revision: int, comment: str) -> WorkPlan:
    """The deputy director sends a submitted plan back, saying what to change (ORG-2)."""
    require(actor, "approve_plan", plan)
    plan = _locked(plan)
    if plan.status != PlanStatus.SUBMITTED:
        raise ValidationError(
            _("Only a submitted plan can be returned; this one is %(status)s.")
            % {"status": plan.get_status_display()},
            code="not_submitted",
        )
    _check_revision(plan, revision)
    comment = (comment or "").strip()
    if not comment:
        raise ValidationError({"comment": _("Write a comment: say what to change in the plan.")})
    text_limits.require_within(
        "comment", _("What to change (comment for the head)"), comment, text_limits.PARAGRAPH
    )
    plan.status = PlanStatus.RETURNED
    plan.revision += 1
    save_with_history(plan, actor, ["status", "revision"])
    _event(plan, actor, PlanEventKind.RETURNED, comment=comment)
    notifications_settle(kind="plan_submitted", url=_plan_url(plan))
    _notify("plan_returned", plan, actor, _author_side(plan, actor.today), comment=comment)
    return plan


def plan_snapshot(plan: WorkPlan) -> dict:
    """The plan as plain values, people by key and name, for a frozen version (ORG-2)."""
    items = plan.items.select_related("responsible").prefetch_related("participants")
    return {
        "theme": plan.theme,
        "goal": plan.goal,
        "directions": list(plan.directions),
        "tasks": list(plan.tasks),
        "reflects": {
            "school_theme": plan.reflects_school_theme,
            "instructions": [
                {"key": i.key, "number": i.number, "title": i.title}
                for i in plan.reflects_instructions.order_by("date", "key")
            ],
        },
        "items": [
            {
                "month": item.month,
                "date": item.date.isoformat() if item.date else None,
                "kind": item.kind,
                "title": item.title,
                "responsible": (
                    {"key": item.responsible.key, "name": item.responsible.short_name}
                    if item.responsible
                    else None
                ),
                "expected_result": item.expected_result,
                "audience": item.audience,
                "participants": [p.short_name for p in item.participants.all()],
                "status": item.status,
            }
            for item in items
        ],
    }


@transaction.atomic
def plan_approve(*, actor: Viewer, plan: WorkPlan, revision: int) -> WorkPlan:
    """ORG-2: a deputy director of the school approves the submitted plan — never their own.

    "Their own" is a plan they submitted, or the plan of an MA they head: approval is the
    deputy's check on the MA's work (GEN-9), which nobody performs on themselves.
    """
    if actor.is_deputy and owns_plan(actor, plan):
        # The policy's rule (approve_plan refuses it), said in words to the deputy who could
        # approve any other plan of the school.
        raise ValidationError(
            _(
                "You cannot approve a plan you submitted or the plan of an MA you head; "
                "another deputy director approves it (ORG-2)."
            ),
            code="own_plan",
        )
    require(actor, "approve_plan", plan)
    plan = _locked(plan)
    if plan.status == PlanStatus.APPROVED:
        raise ValidationError(
            _("This version of the plan is already approved."), code="already_approved"
        )
    if plan.status != PlanStatus.SUBMITTED:
        raise ValidationError(
            _("Only a submitted plan can be approved; this one is %(status)s.")
            % {"status": plan.get_status_display()},
            code="not_submitted",
        )
    _check_revision(plan, revision)
    plan.status = PlanStatus.APPROVED
    plan.approved_by = actor.staff
    plan.approved_at = actor.today
    plan.revision += 1
    save_with_history(plan, actor, ["status", "approved_by", "approved_at", "revision"])
    version = PlanVersion(
        plan=plan,
        number=plan.version,
        approved_by=plan.approved_by,
        approved_at=plan.approved_at,
        content=plan_snapshot(plan),
    )
    save_with_history(version, actor)
    _event(plan, actor, PlanEventKind.APPROVED)
    notifications_settle(kind="plan_submitted", url=_plan_url(plan))
    # The head no longer needs the return notice of a plan that has since been approved.
    notifications_settle(kind="plan_returned", url=_plan_url(plan))
    _notify("plan_approved", plan, actor, _author_side(plan, actor.today))
    return plan


@transaction.atomic
def plan_revise(*, actor: Viewer, plan: WorkPlan, revision: int) -> WorkPlan:
    """Start a new version of an approved plan (ORG-2): the approved one stays readable as it
    was; the new one is a draft that needs approval again."""
    require(actor, "manage_association", plan)
    plan = _locked(plan)
    if plan.status != PlanStatus.APPROVED:
        raise ValidationError(
            _("Only an approved plan needs a new version; this one can be changed as it is."),
            code="not_approved",
        )
    _check_revision(plan, revision)
    # A plan approved elsewhere (imported from a bundle) has no snapshot yet: freeze it now,
    # before anything changes, so that its approved version stays readable.
    if not plan.versions.filter(number=plan.version).exists():
        frozen = PlanVersion(
            plan=plan,
            number=plan.version,
            approved_by=plan.approved_by,
            approved_at=plan.approved_at,
            content=plan_snapshot(plan),
        )
        save_with_history(frozen, actor)
    plan.version += 1
    plan.status = PlanStatus.DRAFT
    plan.approved_by = None
    plan.approved_at = None
    plan.revision += 1
    save_with_history(plan, actor, ["version", "status", "approved_by", "approved_at", "revision"])
    _event(plan, actor, PlanEventKind.REVISED)
    return plan


# ---------------------------------------------------------------------------------------------
# Plan items


def _bump(plan: WorkPlan, actor: Viewer) -> None:
    """An item changed, so the plan as a whole did: its revision moves on (a deputy approving
    an older view of it is refused)."""
    plan.revision += 1
    save_with_history(plan, actor, ["revision"])


@transaction.atomic
def plan_item_add(
    *,
    actor: Viewer,
    plan: WorkPlan,
    kind: str,
    title: str,
    month: str = "",
    date: dt.date | None = None,
    responsible: Staff | None = None,
    expected_result: str = "",
    audience: str = "",
) -> PlanItem:
    """Add an item to the monthly grid (DOC-8): a meeting, open lesson, seminar, training,
    extracurricular event (FUNC-2…4), control work, observation or other work."""
    require(actor, "write_plan", plan)
    plan = _locked(plan)
    _require_editable(plan)
    _check_item_texts(title=title, expected_result=expected_result, audience=audience)
    month, errors = _check_item(
        plan, month=month, date=date, kind=kind, title=title, responsible=responsible
    )
    if errors:
        raise ValidationError(errors)
    item = PlanItem(
        plan=plan,
        month=month,
        date=date,
        kind=kind,
        title=title.strip(),
        responsible=responsible,
        expected_result=expected_result.strip(),
        audience=audience.strip(),
        position=plan.items.count(),
    )
    save_with_history(item, actor)
    _bump(plan, actor)
    _event(plan, actor, PlanEventKind.ITEM_ADDED, title=item.title, item=str(item.uuid))
    return item


def _locked_item(item: PlanItem) -> PlanItem:
    return (
        PlanItem.objects.select_for_update()
        .select_related("plan__association__school", "plan__year")
        .get(pk=item.pk)
    )


@transaction.atomic
def plan_item_update(
    *,
    actor: Viewer,
    item: PlanItem,
    revision: int,
    kind: str,
    title: str,
    month: str = "",
    date: dt.date | None = None,
    responsible: Staff | None = None,
    expected_result: str = "",
    audience: str = "",
) -> PlanItem:
    """Change what an item plans; only while the plan is a draft or returned (ORG-2)."""
    require(actor, "write_plan", item.plan)
    plan = _locked(item.plan)
    _require_editable(plan)
    item = _locked_item(item)
    _check_item_revision(item, revision)
    _check_item_texts(title=title, expected_result=expected_result, audience=audience)
    month, errors = _check_item(
        plan, month=month, date=date, kind=kind, title=title, responsible=responsible
    )
    if errors:
        raise ValidationError(errors)
    new = {
        "month": month,
        "date": date,
        "kind": kind,
        "title": title.strip(),
        "responsible": responsible,
        "expected_result": expected_result.strip(),
        "audience": audience.strip(),
    }
    changed = [name for name, value in new.items() if getattr(item, name) != value]
    if not changed:
        return item
    for name, value in new.items():
        setattr(item, name, value)
    item.revision += 1
    save_with_history(item, actor, [*new, "revision"])
    _bump(plan, actor)
    _event(plan, actor, PlanEventKind.ITEM_CHANGED, title=item.title, fields=changed)
    return item


@transaction.atomic
def plan_item_remove(*, actor: Viewer, item: PlanItem, revision: int) -> None:
    """Remove an item from a draft or returned plan (a typo, a duplicate). An item of an
    approved plan is cancelled instead, so the approved version keeps it."""
    require(actor, "write_plan", item.plan)
    plan = _locked(item.plan)
    _require_editable(plan)
    item = _locked_item(item)
    _check_item_revision(item, revision)
    title = item.title
    delete_with_history(item, actor)
    _bump(plan, actor)
    _event(plan, actor, PlanEventKind.ITEM_REMOVED, title=title)


@transaction.atomic
def plan_item_set_status(
    *,
    actor: Viewer,
    item: PlanItem,
    revision: int | None,
    status: str,
    result_note: str | None = "",
    participants: Iterable[Staff] | None = None,
    audience: str | None = None,
    happened_on: dt.date | None = None,
) -> PlanItem:
    """Record how a planned item went: done or cancelled, a short result, and for seminars,
    trainings and extracurricular work who took part (FUNC-3, FUNC-4).

    This records the plan's execution, not a change of the plan, so it is allowed on an
    approved plan and does not start a new version.

    Another service that carries out the item — holding its meeting (ORG-4) or its open lesson
    (ORG-3) — calls this inside its own transaction with ``revision=None`` (it acts on the item
    as stored, not on what an editor saw), ``result_note=None`` (the note stays as written) and
    ``happened_on``, the day the event took place: an item is done from its planned day on, or
    from the day it actually happened if that came first.
    """
    require(actor, "record_plan_item", item)
    item = _locked_item(item)
    _check_item_revision(item, revision)
    errors = {}
    if status not in PlanItemStatus.values:
        errors["status"] = _("Choose the status: planned, done or cancelled.")
    elif status == PlanItemStatus.DONE:
        first_day = item.date or dt.date(int(item.month[:4]), int(item.month[5:7]), 1)
        if happened_on is not None:
            first_day = min(first_day, happened_on)
        if first_day > actor.today:
            errors["status"] = _(
                "The item is planned for %(date)s; it can be marked done from that day on."
            ) % {"date": format_date(item.date) if item.date else item.month}
    people = None if participants is None else list(participants)
    if people is not None and any(p.school_id != item.plan.association.school_id for p in people):
        errors["participants"] = _("Participants must work at this school.")
    if errors:
        raise ValidationError(errors)
    new = {"status": status}
    if result_note is not None:
        new["result_note"] = result_note.strip()
    if audience is not None:
        new["audience"] = audience.strip()
    changed = [name for name, value in new.items() if getattr(item, name) != value]
    if people is not None:
        old = set(item.participants.values_list("pk", flat=True))
        if old != {p.pk for p in people}:
            changed.append("participants")
    if not changed:
        return item
    for name, value in new.items():
        setattr(item, name, value)
    item.revision += 1
    save_with_history(item, actor, [*new, "revision"])
    if people is not None:
        item.participants.set(people)
    _event(item.plan, actor, PlanEventKind.ITEM_RECORDED, title=item.title, fields=changed)
    return item


def plan_item_carried_out(
    *, actor: Viewer, item: PlanItem, happened_on: dt.date, as_of: dt.date
) -> None:
    """The meeting or open lesson that carries out ``item`` took place on ``happened_on``: the
    item is done (FUNC-1; ORG-3, ORG-4). Called by ``meeting_hold`` and ``open_lesson_hold``
    inside their transaction, so nothing is held without its item, nor the other way round.
    The policy is asked again here (record_plan_item), with the actor's roles at ``as_of``."""
    if actor.today != as_of:
        actor = viewer_for(actor.user, as_of)
    plan_item_set_status(
        actor=actor,
        item=item,
        revision=None,
        status=PlanItemStatus.DONE,
        result_note=None,
        happened_on=happened_on,
    )


@transaction.atomic
def plan_item_add_material(
    *, actor: Viewer, item: PlanItem, title: str, file=None, link: str = ""
) -> PlanItemMaterial:
    """Attach a seminar's or event's material: a file, a link, or a described hand-out
    (FUNC-3, FUNC-4; the bank of methodological materials, SVC-T2)."""
    require(actor, "record_plan_item", item)
    errors: dict[str, list[str]] = {}
    if not (title or "").strip():
        errors["title"] = [_("Write the title of the material.")]
    checked = None
    if file is not None:
        # Any of the five accepted kinds, recognised by content (usul.lib.uploads).
        try:
            checked = uploads.check(file, field="file")
        except ValidationError as refused:
            errors.update(refused.message_dict)
    if errors:
        raise ValidationError(errors)
    material = PlanItemMaterial(
        item=item,
        title=title.strip(),
        link=(link or "").strip(),
        added_by=actor.staff,
    )
    if checked is not None:
        material.file = uploads.store(checked, folder="plan-materials")
        material.file_name = checked.name
    save_with_history(material, actor)
    _event(item.plan, actor, PlanEventKind.ITEM_RECORDED, title=item.title, material=material.title)
    return material


@transaction.atomic
def plan_item_remove_material(*, actor: Viewer, material: PlanItemMaterial) -> None:
    """Take a material off an item. Its file stays in storage: the history still names it."""
    require(actor, "record_plan_item", material.item)
    delete_with_history(material, actor)
