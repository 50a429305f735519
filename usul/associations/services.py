"""Writes to MAs: creating and editing them, their supervisor, members and heads.

Every function is one transaction and asks the policy first (GEN-8, GEN-9, ORG-1: MAs, their
members, heads and supervisors are the school leadership's to record — ``manage_school``). It
checks the regulation's rules before writing and leaves who did it in the change history.
Nothing here deletes: a membership or a head term ends by its end date, so the past stays
readable (RULES.md "member at D", "head at D").
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from usul.accounts.policy import Viewer, require
from usul.associations.models import Association, HeadTerm, Membership, Supervision
from usul.associations.selectors import liquidation_order
from usul.lib.dates import covers, format_date
from usul.lib.history import history_user, save_with_history
from usul.meetings.models import Meeting, MeetingStatus
from usul.orders.models import Order, OrderKind
from usul.orders.services import order_create, order_remove, order_update
from usul.people.models import DEPUTY_ROLES, Staff
from usul.people.selectors import roles_at
from usul.schools.models import School, Subject
from usul.schools.services import unique_key
from usul.schools.validation import check_interval, check_key, given, prefixed, required

DAY = dt.timedelta(days=1)


def _check_subjects(school: School, subjects: Iterable[Subject]) -> list[Subject]:
    subjects = list(subjects)
    if any(s.school_id != school.pk for s in subjects):
        raise ValidationError({"subjects": _("A subject of another school was chosen.")})
    return subjects


def _check_same_school(school: School, staff: Staff | None, field: str) -> None:
    if staff is not None and staff.school_id != school.pk:
        raise ValidationError({field: _("This person is not on the staff of this school.")})


def _has_order_input(number: str, date, proposed_by, signed_by) -> bool:
    return bool((number or "").strip() or date or proposed_by or signed_by)


@transaction.atomic
def association_create(
    *,
    actor: Viewer,
    school: School,
    name: str,
    kind: str,
    subjects: Iterable[Subject] = (),
    key: str = "",
    order_number: str = "",
    order_date: dt.date | None = None,
    order_proposed_by: Staff | None = None,
    order_signed_by: Staff | None = None,
    supervisor: Staff | None = None,
    supervisor_from: dt.date | None = None,
) -> Association:
    """A new MA with its creating order (GEN-8, DOC-1) and supervisor (GEN-9).

    The order may be left out (it may not be signed yet); MA-ORDER then reports it.
    """
    require(actor, "manage_school", school)
    required((name or "").strip(), field="name", label=_("Name"))
    if key:
        check_key(key)
        if Association.objects.filter(school=school, key=key).exists():
            raise ValidationError(
                {"key": _("An MA with the key “%(key)s” already exists.") % {"key": key}}
            )
    else:
        key = unique_key(Association, school, "ma")
    subjects = _check_subjects(school, subjects)
    association = Association(school=school, key=key, name=name.strip(), kind=kind)
    save_with_history(association, actor)
    association.subjects.set(subjects)
    if _has_order_input(order_number, order_date, order_proposed_by, order_signed_by):
        try:
            order = order_create(
                actor=actor,
                school=school,
                kind=OrderKind.MA_CREATE,
                date=order_date,
                number=order_number,
                association=association,
                proposed_by=order_proposed_by,
                signed_by=order_signed_by,
            )
        except ValidationError as exc:
            raise prefixed(exc, "order_") from None
        association.created_by = order
        save_with_history(association, actor, ["created_by"])
    if supervisor is not None:
        supervisor_assign(
            actor=actor,
            association=association,
            staff=supervisor,
            start=supervisor_from or order_date,
        )
    return association


@transaction.atomic
def association_update(
    *,
    actor: Viewer,
    association: Association,
    name: str,
    kind: str,
    subjects: Iterable[Subject],
    order_number: str = "",
    order_date: dt.date | None = None,
    order_proposed_by: Staff | None = None,
    order_signed_by: Staff | None = None,
) -> Association:
    """Edits the MA and its creating order (or records the order if it had none)."""
    require(actor, "manage_school", association)
    required((name or "").strip(), field="name", label=_("Name"))
    school = association.school
    subjects = _check_subjects(school, subjects)
    changed = []
    for field, value in (("name", name.strip()), ("kind", kind)):
        if getattr(association, field) != value:
            setattr(association, field, value)
            changed.append(field)
    order = association.created_by
    try:
        if order is not None and order.kind == OrderKind.MA_CREATE:
            order_update(
                actor=actor,
                order=order,
                date=order_date,
                number=order_number,
                proposed_by=order_proposed_by,
                signed_by=order_signed_by,
            )
        elif _has_order_input(order_number, order_date, order_proposed_by, order_signed_by):
            association.created_by = order_create(
                actor=actor,
                school=school,
                kind=OrderKind.MA_CREATE,
                date=order_date,
                number=order_number,
                association=association,
                proposed_by=order_proposed_by,
                signed_by=order_signed_by,
            )
            changed.append("created_by")
    except ValidationError as exc:
        raise prefixed(exc, "order_") from None
    if changed:
        save_with_history(association, actor, changed)
    if {s.pk for s in association.subjects.all()} != {s.pk for s in subjects}:
        # The history records the subjects too (``m2m_fields``), with who changed them.
        association._history_user = history_user(actor)  # type: ignore[attr-defined]
        association.subjects.set(subjects)
    return association


@transaction.atomic
def association_liquidate(
    *,
    actor: Viewer,
    association: Association,
    order_date: dt.date | None,
    order_number: str = "",
    order_proposed_by: Staff | None = None,
    order_signed_by: Staff | None = None,
) -> Order:
    """GEN-8: the director's order liquidates the MA. Memberships and head terms are kept as
    they are: an MA is active only before its liquidation order's date (RULES.md)."""
    require(actor, "manage_school", association)
    if liquidation_order(association) is not None:
        raise ValidationError({"order_date": _("This MA has already been liquidated.")})
    created = association.created_by
    if order_date and created is not None and order_date < created.date:
        raise ValidationError(
            {
                "order_date": _("The MA cannot be liquidated before it was created (%(date)s).")
                % {"date": format_date(created.date)}
            }
        )
    try:
        order = order_create(
            actor=actor,
            school=association.school,
            kind=OrderKind.MA_LIQUIDATE,
            date=order_date,
            number=order_number,
            association=association,
            proposed_by=order_proposed_by,
            signed_by=order_signed_by,
        )
    except ValidationError as exc:
        raise prefixed(exc, "order_") from None
    association.liquidated_by = order
    save_with_history(association, actor, ["liquidated_by"])
    return order


@transaction.atomic
def association_reopen(*, actor: Viewer, association: Association) -> Association:
    """Undo a liquidation recorded by mistake: whoever may liquidate the MA may reopen it
    (GEN-8). The MA is active again; its liquidating order is taken back, and the change
    history keeps both. Memberships and head terms were never ended by the liquidation, so
    they run on as they were."""
    require(actor, "manage_school", association)
    association = Association.objects.select_for_update().get(pk=association.pk)
    order = liquidation_order(association)
    if order is None:
        raise ValidationError({"order_date": _("This MA is not liquidated.")})
    association.liquidated_by = None
    save_with_history(association, actor, ["liquidated_by"])
    order_remove(actor=actor, order=order)
    return association


def _check_open_on(association: Association, day: dt.date, field: str) -> None:
    liquidation = liquidation_order(association)
    if liquidation is not None and liquidation.date <= day:
        raise ValidationError(
            {
                field: _("The MA was liquidated on %(date)s.")
                % {"date": format_date(liquidation.date)}
            }
        )


@transaction.atomic
def supervisor_assign(
    *, actor: Viewer, association: Association, staff: Staff, start: dt.date | None
) -> Supervision:
    """GEN-9: the MA is subordinate to a deputy director. The previous supervision ends the
    day before the new one starts."""
    require(actor, "manage_school", association)
    start = given(start, field="supervisor_from", label=_("Supervisor from"))
    _check_same_school(association.school, staff, "supervisor")
    if not roles_at(staff, start) & DEPUTY_ROLES:
        raise ValidationError(
            {
                "supervisor": _(
                    "“Supervisor”: %(name)s is not a deputy director on %(date)s (GEN-9)."
                )
                % {"name": staff, "date": format_date(start)}
            }
        )
    _end_running(
        Supervision.objects.filter(association=association),
        start,
        actor,
        field="supervisor_from",
        message=_("%(name)s already supervises this MA from %(date)s; choose a later date."),
    )
    supervision = Supervision(association=association, staff=staff, start=start)
    save_with_history(supervision, actor)
    return supervision


def _end_running(queryset, start: dt.date, actor: Viewer, *, field: str, message: str) -> None:
    """End every term still running on ``start`` the day before it (both ends included, so
    the old and the new term never share a day). A term that begins on or after ``start``
    cannot be cut that way: refused."""
    for term in queryset.select_for_update().select_related("staff"):
        if term.end is not None and term.end < start:
            continue
        if term.start >= start:
            raise ValidationError(
                {field: message % {"name": term.staff, "date": format_date(term.start)}}
            )
        term.end = start - DAY
        save_with_history(term, actor, ["end"])


@transaction.atomic
def membership_add(
    *, actor: Viewer, association: Association, staff: Staff, start: dt.date | None
) -> Membership:
    """The person belongs to the MA from ``start`` (included) until the membership is ended."""
    require(actor, "manage_school", association)
    start = given(start, field="start", label=_("From"))
    _check_same_school(association.school, staff, "staff")
    _check_open_on(association, start, "start")
    running = (
        Membership.objects.filter(association=association, staff=staff)
        .exclude(end__lt=start)
        .order_by("start")
        .first()
    )
    if running is not None:
        raise ValidationError(
            {
                "staff": _("%(name)s is already a member of this MA from %(date)s.")
                % {"name": staff, "date": format_date(running.start)}
            }
        )
    membership = Membership(association=association, staff=staff, start=start)
    save_with_history(membership, actor)
    return membership


@transaction.atomic
def membership_end(*, actor: Viewer, membership: Membership, end: dt.date | None) -> Membership:
    """``end`` is the last day the person is a member (RULES.md: both ends included)."""
    require(actor, "manage_school", membership)
    end = given(end, field="end", label=_("Last day"))
    membership = (
        Membership.objects.select_for_update().select_related("staff").get(pk=membership.pk)
    )
    if membership.end is not None:
        raise ValidationError(
            {
                "end": _("This membership already ended on %(date)s.")
                % {"date": format_date(membership.end)}
            }
        )
    check_interval(
        membership.start, end, field="end", start_label=_("From"), end_label=_("Last day")
    )
    membership.end = end
    save_with_history(membership, actor, ["end"])
    return membership


@transaction.atomic
def membership_reopen(*, actor: Viewer, membership: Membership) -> Membership:
    """Undo the end of a membership: the person is a member again with no last day. Refused
    when they joined the MA again after it ended — that later membership runs already."""
    require(actor, "manage_school", membership)
    membership = (
        Membership.objects.select_for_update().select_related("staff").get(pk=membership.pk)
    )
    if membership.end is None:
        raise ValidationError({"end": _("This membership has not ended.")})
    later = (
        Membership.objects.filter(
            association_id=membership.association_id,
            staff_id=membership.staff_id,
            start__gt=membership.start,
        )
        .order_by("start")
        .first()
    )
    if later is not None:
        raise ValidationError(
            {
                "end": _("%(name)s joined this MA again on %(date)s: that membership runs already.")
                % {"name": membership.staff, "date": format_date(later.start)}
            }
        )
    membership.end = None
    save_with_history(membership, actor, ["end"])
    return membership


@transaction.atomic
def head_elect(
    *,
    actor: Viewer,
    association: Association,
    staff: Staff,
    start: dt.date | None,
    elected_at: Meeting | None = None,
    order_number: str = "",
    order_date: dt.date | None = None,
    order_signed_by: Staff | None = None,
) -> HeadTerm:
    """ORG-1: the members elect the head at a held meeting of this MA, or the director's
    order confirms the head (DOC-2); at least one of the two is recorded. The previous head's
    term ends the day before the new one starts.

    A candidate who fails GEN-3 or HEAD-1 is still recorded: the page warns first
    (``head_candidate_problems``) and the compliance check reports it afterwards.
    """
    require(actor, "manage_school", association)
    start = given(start, field="start", label=_("Head from"))
    school = association.school
    _check_same_school(school, staff, "staff")
    _check_open_on(association, start, "start")
    has_order = _has_order_input(order_number, order_date, None, order_signed_by)
    if elected_at is None and not has_order:
        raise ValidationError(
            {
                "elected_at": _(
                    "ORG-1: choose the held meeting of this MA that elected the head, "
                    "or give the director's order that confirms the head."
                )
            }
        )
    if elected_at is not None:
        if elected_at.association_id != association.pk:
            raise ValidationError({"elected_at": _("The meeting is not a meeting of this MA.")})
        if elected_at.status != MeetingStatus.HELD:
            raise ValidationError(
                {
                    "elected_at": _(
                        "Choose a meeting that has been held: the MA elects its head at a "
                        "held meeting (ORG-1)."
                    )
                }
            )
        if elected_at.date > start:
            raise ValidationError(
                {
                    "start": _(
                        "The term cannot start before the meeting that elected the head (%(date)s)."
                    )
                    % {"date": format_date(elected_at.date)}
                }
            )
    _end_running(
        HeadTerm.objects.filter(association=association),
        start,
        actor,
        field="start",
        message=_("%(name)s already heads this MA from %(date)s; the new term must start later."),
    )
    order = None
    if has_order:
        try:
            order = order_create(
                actor=actor,
                school=school,
                kind=OrderKind.HEAD_CONFIRM,
                date=order_date,
                number=order_number,
                association=association,
                signed_by=order_signed_by,
            )
        except ValidationError as exc:
            raise prefixed(exc, "order_") from None
    term = HeadTerm(
        association=association, staff=staff, start=start, elected_at=elected_at, order=order
    )
    save_with_history(term, actor)
    return term


def held_meetings(association: Association):
    """The meetings at which a head may have been elected (ORG-1), latest first."""
    return Meeting.objects.filter(association=association, status=MeetingStatus.HELD).order_by(
        "-date", "-number"
    )


def running_on(terms, day: dt.date):
    return [t for t in terms if covers(t.start, t.end, day)]
