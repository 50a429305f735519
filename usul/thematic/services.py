"""Writes of calendar-thematic plans (DOC-11). Each takes the actor and checks the policy: a
teacher keeps their own plans; the school's leadership may keep anyone's (``edit_own_card``)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils.translation import gettext as _
from simple_history.utils import bulk_create_with_history

from usul.accounts.policy import Viewer, require
from usul.lib.history import history_user, save_with_history
from usul.people.models import Staff, ThematicPlan, ThematicPlanItem, ThematicPlanKind
from usul.schools.models import SchoolYear, Subject
from usul.thematic.importing import TOPIC_LIMIT, Lesson


@transaction.atomic
def thematic_plan_create(
    *,
    actor: Viewer,
    staff: Staff,
    year: SchoolYear,
    subject: Subject | None,
    grade: int | None,
    kind: str,
) -> ThematicPlan:
    """One plan per subject, grade and kind in a school year (STAFF-CTP counts them)."""
    require(actor, "edit_own_card", staff)
    errors: dict[str, str] = {}
    if subject is None or subject.school_id != staff.school_id:
        errors["subject"] = _("Subject: choose a subject of the school.")
    if grade is None or not 1 <= grade <= 11:
        errors["grade"] = _("Grade: a number from 1 to 11.")
    if kind not in ThematicPlanKind.values:
        errors["kind"] = _("Kind: choose the kind of plan.")
    if year.school_id != staff.school_id:
        errors["year"] = _("School year: it belongs to another school.")
    if errors or grade is None:
        raise ValidationError(errors)
    if ThematicPlan.objects.filter(
        staff=staff, year=year, subject=subject, grade=grade, kind=kind
    ).exists():
        raise ValidationError(
            {"subject": _("Subject: this plan exists already; open it to add lessons.")}
        )
    plan = ThematicPlan(staff=staff, year=year, subject=subject, grade=grade, kind=kind)
    save_with_history(plan, actor)
    return plan


def _next_number(plan: ThematicPlan) -> int:
    return (plan.items.aggregate(last=Max("n"))["last"] or 0) + 1


@transaction.atomic
def thematic_item_add(
    *,
    actor: Viewer,
    plan: ThematicPlan,
    topic: str,
    hours: Decimal | None = None,
    planned: dt.date | None = None,
) -> ThematicPlanItem:
    """A lesson at the end of the plan."""
    require(actor, "edit_own_card", plan.staff)
    ThematicPlan.objects.select_for_update().filter(pk=plan.pk).first()
    topic = (topic or "").strip()
    if not topic:
        raise ValidationError({"topic": _("Topic: write the lesson's topic.")})
    if len(topic) > TOPIC_LIMIT:
        raise ValidationError(
            {"topic": _("Topic: at most %(limit)s characters.") % {"limit": TOPIC_LIMIT}}
        )
    if hours is not None and not 0 < hours <= 20:
        raise ValidationError({"hours": _("Hours: a number from 0.5 to 20.")})
    item = ThematicPlanItem(
        plan=plan, n=_next_number(plan), topic=topic, hours=hours, planned=planned
    )
    save_with_history(item, actor)
    return item


@transaction.atomic
def thematic_plan_import(
    *, actor: Viewer, plan: ThematicPlan, lessons: list[Lesson], numbered: bool
) -> list[ThematicPlanItem]:
    """The lessons read from a file, added to the plan all together. ``numbered``: the file
    gave the numbers, which must not be taken in the plan already; otherwise the lessons follow
    the plan's last one."""
    require(actor, "edit_own_card", plan.staff)
    ThematicPlan.objects.select_for_update().filter(pk=plan.pk).first()
    taken = set(plan.items.values_list("n", flat=True))
    start = _next_number(plan)
    items = []
    for offset, lesson in enumerate(lessons):
        n = lesson.n if numbered else start + offset
        if n in taken:
            raise ValidationError(
                {
                    "file": _("Lesson №%(n)s is already in the plan; nothing was imported.")
                    % {"n": n}
                }
            )
        items.append(
            ThematicPlanItem(
                plan=plan, n=n, topic=lesson.topic, hours=lesson.hours, planned=lesson.planned
            )
        )
    for item in items:
        item.full_clean()
    # One query for the lessons and one for their history, whatever the file's length.
    bulk_create_with_history(items, ThematicPlanItem, default_user=history_user(actor))
    return items


@transaction.atomic
def thematic_item_mark(*, actor: Viewer, item: ThematicPlanItem, taught: bool) -> ThematicPlanItem:
    """Two taps on a phone: the lesson was taught today (or the mark is taken back)."""
    require(actor, "edit_own_card", item.plan.staff)
    item = ThematicPlanItem.objects.select_for_update().get(pk=item.pk)
    done = actor.today if taught else None
    if item.done != done:  # a second tap on a stale page changes nothing, records nothing
        item.done = done
        save_with_history(item, actor, ["done"])
    return item
