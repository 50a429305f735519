"""Writes about MA meetings: scheduling, minutes, attendance, holding, resolutions.

ORG-4: at least four meetings a year, each adopting resolutions (DOC-12); DUTY-2: members
attend. Every function is one transaction, checks its input with a translated message that
names the field, and records who made the change (``_history_user``).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Exists, Max, OuterRef
from django.urls import reverse
from django.utils.text import Truncator
from django.utils.translation import gettext as _

from usul.accounts.policy import Viewer, require
from usul.associations.models import Association
from usul.associations.selectors import head_at, is_active, members_at
from usul.lib import text_limits
from usul.lib.dates import format_date
from usul.lib.history import save_with_history
from usul.lib.locking import check_revision
from usul.meetings.models import (
    Attendance,
    AttendanceStatus,
    Meeting,
    MeetingStatus,
    Resolution,
    ResolutionReminder,
    ResolutionStatus,
)
from usul.notifications.models import NotificationKind
from usul.notifications.services import notify
from usul.people.models import Staff
from usul.planning.models import PlanItem, PlanItemKind
from usul.planning.services import plan_item_carried_out
from usul.schools.models import SchoolYear


def _notify(*, recipients, actor: Viewer, **kwargs) -> None:
    """Tell the people concerned — not the one who made the change, who knows already."""
    own = actor.staff.pk if actor.staff is not None else None
    others = [staff for staff in recipients if staff.pk != own]
    if others:
        notify(recipients=others, actor=actor.user, **kwargs)


def _clean_agenda(agenda: Iterable[str] | str | None) -> list[str]:
    if agenda is None:
        return []
    if isinstance(agenda, str):
        agenda = agenda.splitlines()
    return [line.strip() for line in agenda if line and line.strip()]


def _check_meeting_date(year: SchoolYear, date: dt.date | None) -> dt.date:
    """The meeting's date, refused when missing or outside the year's window (the first
    meeting is usually held in late August and belongs to the new year, BUNDLE.md)."""
    if date is None:
        raise ValidationError({"date": _("Date: enter the date of the meeting.")})
    first, last = year.window_start, year.end
    if not year.in_window(date):
        raise ValidationError(
            {
                "date": _(
                    "Date: %(date)s is outside the school year %(year)s "
                    "(meetings may be dated %(first)s–%(last)s)."
                )
                % {
                    "date": format_date(date),
                    "year": year.key,
                    "first": format_date(first),
                    "last": format_date(last),
                }
            }
        )
    return date


def _meeting_key(association: Association, year: SchoolYear, number: int) -> str:
    """A key in the bundle's style, "m-stem-2025-1", unique in the school."""
    short = association.key.removeprefix("ma-")
    base = f"m-{short}-{year.start.year}-{number}"
    key, n = base, 1
    while Meeting.objects.filter(school_id=association.school_id, key=key).exists():
        n += 1
        key = f"{base}-{n}"
    return key


def _lock_association(association_id: int) -> None:
    """Lock the MA first, so that two changes of its meetings at once number them one after
    the other (and always take the locks in the same order)."""
    Association.objects.select_for_update().filter(pk=association_id).first()


def _renumber(association_id: int, year: SchoolYear, actor: Viewer) -> None:
    """ORG-4, DOC-12: the meetings of the MA's year are numbered in date order.

    A held meeting keeps its number for good: its minutes are printed and signed. The others
    are numbered by date around the held ones, skipping the numbers those took; so a meeting
    dated before one already held gets the next free number and stands out of date order
    (its page says so). A cancelled meeting leaves the sequence and keeps the number it had
    for its history. The caller holds the MA's lock.
    """
    meetings = list(
        Meeting.objects.filter(association_id=association_id, year=year)
        .exclude(status=MeetingStatus.CANCELLED)
        .order_by("date", "pk")
    )
    taken = {m.number for m in meetings if m.status == MeetingStatus.HELD}
    number = 1
    for meeting in meetings:
        if meeting.status == MeetingStatus.HELD:
            number = max(number, meeting.number + 1)
            continue
        while number in taken:
            number += 1
        if meeting.number != number:
            meeting.number = number
            save_with_history(meeting, actor, ["number"])
        number += 1


def meeting_url(meeting: Meeting) -> str:
    return reverse("meetings:detail", args=[meeting.school.key, meeting.key])


@transaction.atomic
def meeting_schedule(
    *,
    actor: Viewer,
    association: Association,
    year: SchoolYear,
    date: dt.date | None = None,
    agenda: Iterable[str] | str | None = None,
    plan_item: PlanItem | None = None,
) -> Meeting:
    """Schedule a meeting of the MA (FUNC-2, ORG-4), directly or from a plan item of kind
    "meeting"; it takes its number in date order (``_renumber``) and a key."""
    require(actor, "manage_association", association)
    if year.school_id != association.school_id:
        raise ValidationError({"year": _("School year: it belongs to another school.")})
    agenda = _clean_agenda(agenda)
    if plan_item is not None:
        plan = plan_item.plan
        if plan_item.kind != PlanItemKind.MEETING:
            raise ValidationError(
                {"plan_item": _("Plan item: only an item of kind “meeting” can be scheduled.")}
            )
        if plan.association_id != association.id or plan.year_id != year.id:
            raise ValidationError(
                {"plan_item": _("Plan item: it belongs to another MA or another year.")}
            )
        already = (
            plan_item.meetings.exclude(status=MeetingStatus.CANCELLED).order_by("date").first()
        )
        if already is not None:
            raise ValidationError(
                {
                    "plan_item": _(
                        "Plan item: a meeting is already scheduled for it (No. %(number)s, "
                        "%(date)s)."
                    )
                    % {"number": already.number, "date": format_date(already.date)}
                }
            )
        date = date or plan_item.date
        agenda = agenda or [plan_item.title]
    date = _check_meeting_date(year, date)
    if not is_active(association, date, year):
        raise ValidationError(
            {"date": _("Date: the MA is not active on %(date)s.") % {"date": format_date(date)}}
        )
    # Lock the MA so that two heads scheduling at once never get the same number.
    _lock_association(association.pk)
    last = Meeting.objects.filter(association=association, year=year).aggregate(n=Max("number"))
    number = (last["n"] or 0) + 1  # the key's number; the meeting's own follows its date
    meeting = Meeting(
        school_id=association.school_id,
        association=association,
        key=_meeting_key(association, year, number),
        year=year,
        number=number,
        date=date,
        agenda=agenda,
        plan_item=plan_item,
    )
    save_with_history(meeting, actor)
    _renumber(association.pk, year, actor)
    meeting.refresh_from_db(fields=["number"])
    members = members_at(association, date)
    head = head_at(association, date)
    _notify(
        kind="meeting_scheduled",
        recipients=[*members, *([head] if head else [])],
        url=meeting_url(meeting),
        params={"association": association.name, "date": date},
        actor=actor,
    )
    return meeting


def _watched() -> dict[str, str]:
    """The fields of a meeting an editor sees, named in their language (for a stale save)."""
    return {
        "date": _("date"),
        "agenda": _("agenda"),
        "minutes": _("minutes"),
        "status": _("status"),
    }


def _locked(meeting: Meeting) -> Meeting:
    return (
        Meeting.objects.select_for_update(of=("self",))
        .select_related("school", "year", "association__created_by", "association__liquidated_by")
        .get(pk=meeting.pk)
    )


def _refuse_if_cancelled(meeting: Meeting) -> None:
    if meeting.status == MeetingStatus.CANCELLED:
        raise ValidationError(
            {"status": _("Status: the meeting was cancelled; it cannot be changed.")}
        )


@transaction.atomic
def meeting_update(
    *,
    actor: Viewer,
    meeting: Meeting,
    revision: int,
    agenda: Iterable[str] | str | None = None,
    minutes: str | None = None,
    date: dt.date | None = None,
) -> Meeting:
    """Save the agenda, the minutes or (while scheduled) the date. ``revision`` is the one the
    editor started from: if someone saved in between, nothing is written (StaleEdit)."""
    require(actor, "manage_association", meeting)
    _lock_association(meeting.association_id)
    current = _locked(meeting)
    _refuse_if_cancelled(current)
    check_revision(current, revision, fields=_watched())
    fields = []
    if agenda is not None:
        current.agenda = _clean_agenda(agenda)
        fields.append("agenda")
    if minutes is not None:
        text_limits.require_within("minutes", _("Minutes"), minutes.strip(), text_limits.MINUTES)
        current.minutes = minutes.strip()
        fields.append("minutes")
    if date is not None and date != current.date:
        if current.status != MeetingStatus.SCHEDULED:
            raise ValidationError(
                {"date": _("Date: the date of a meeting already held cannot be changed.")}
            )
        _check_meeting_date(current.year, date)
        if not is_active(current.association, date, current.year):
            raise ValidationError(
                {"date": _("Date: the MA is not active on %(date)s.") % {"date": format_date(date)}}
            )
        current.date = date
        fields.append("date")
    if not fields:
        return current
    current.revision += 1
    save_with_history(current, actor, [*fields, "revision"])
    if "date" in fields:
        _renumber(current.association_id, current.year, actor)
        current.refresh_from_db(fields=["number"])
    return current


def _check_member(meeting: Meeting, staff: Staff) -> None:
    # DUTY-2: attendance is recorded for the MA's members on the meeting's date.
    if staff.pk not in {s.pk for s in members_at(meeting.association, meeting.date)}:
        raise ValidationError(
            {
                "staff": _("Member: %(name)s is not a member of the MA on %(date)s.")
                % {"name": staff.short_name, "date": format_date(meeting.date)}
            }
        )


@transaction.atomic
def attendance_record(*, actor: Viewer, meeting: Meeting, staff: Staff, status: str) -> Attendance:
    """Mark one member present, absent or excused (DUTY-2)."""
    require(actor, "manage_association", meeting)
    current = _locked(meeting)
    _refuse_if_cancelled(current)
    if status not in AttendanceStatus.values:
        raise ValidationError({"status": _("Attendance: choose present, absent or excused.")})
    _check_member(current, staff)
    record = Attendance.objects.filter(meeting=current, staff=staff).first()
    if record is None:
        record = Attendance(meeting=current, staff=staff, status=status)
    elif record.status == status:
        return record
    record.status = status
    save_with_history(record, actor, ["status"] if record.pk else None)
    return record


@transaction.atomic
def attendance_mark_rest_present(*, actor: Viewer, meeting: Meeting) -> int:
    """The quick way on a phone: everyone not yet marked is present. Returns how many."""
    require(actor, "manage_association", meeting)
    current = _locked(meeting)
    _refuse_if_cancelled(current)
    marked = set(Attendance.objects.filter(meeting=current).values_list("staff_id", flat=True))
    count = 0
    for staff in members_at(current.association, current.date):
        if staff.pk not in marked:
            record = Attendance(meeting=current, staff=staff, status=AttendanceStatus.PRESENT)
            save_with_history(record, actor)
            count += 1
    return count


@transaction.atomic
def meeting_hold(*, actor: Viewer, meeting: Meeting, as_of: dt.date) -> Meeting:
    """Record that the meeting took place. Without resolutions it is allowed but flagged on
    its page (ORG-4, DOC-12)."""
    require(actor, "manage_association", meeting)
    current = _locked(meeting)
    _refuse_if_cancelled(current)
    if current.status == MeetingStatus.HELD:
        raise ValidationError({"status": _("Status: the meeting is already marked as held.")})
    if current.date > as_of:
        raise ValidationError(
            {
                "date": _("Date: a meeting dated %(date)s cannot be held before that day.")
                % {"date": format_date(current.date)}
            }
        )
    current.status = MeetingStatus.HELD
    current.revision += 1
    save_with_history(current, actor, ["status", "revision"])
    if current.plan_item is not None:
        # FUNC-1, ORG-4: the plan's meeting item is carried out. Recorded in this transaction,
        # so a held meeting never leaves its item "planned" (and a refusal saves neither).
        plan_item_carried_out(
            actor=actor, item=current.plan_item, happened_on=current.date, as_of=as_of
        )
    return current


@transaction.atomic
def meeting_cancel(*, actor: Viewer, meeting: Meeting) -> Meeting:
    """Cancel a scheduled meeting; the later ones move up a number (``_renumber``)."""
    require(actor, "manage_association", meeting)
    _lock_association(meeting.association_id)
    current = _locked(meeting)
    if current.status != MeetingStatus.SCHEDULED:
        raise ValidationError({"status": _("Status: only a scheduled meeting can be cancelled.")})
    current.status = MeetingStatus.CANCELLED
    current.revision += 1
    save_with_history(current, actor, ["status", "revision"])
    _renumber(current.association_id, current.year, actor)
    return current


@transaction.atomic
def meeting_reopen(*, actor: Viewer, meeting: Meeting) -> Meeting:
    """Undo a cancellation: the meeting is scheduled again, with its number, agenda and
    resolutions as they were. Whoever may cancel it may reopen it (ORG-4)."""
    require(actor, "manage_association", meeting)
    current = _locked(meeting)
    if current.status != MeetingStatus.CANCELLED:
        raise ValidationError({"status": _("Status: only a cancelled meeting can be reopened.")})
    current.status = MeetingStatus.SCHEDULED
    current.revision += 1
    save_with_history(current, actor, ["status", "revision"])
    return current


@transaction.atomic
def resolution_add(
    *,
    actor: Viewer,
    meeting: Meeting,
    text: str,
    responsible: Staff | None = None,
    due: dt.date | None = None,
) -> Resolution:
    """Adopt a resolution (ORG-4, DOC-12), numbered within the meeting."""
    require(actor, "manage_association", meeting)
    current = _locked(meeting)
    _refuse_if_cancelled(current)
    text = (text or "").strip()
    if not text:
        raise ValidationError({"text": _("Text: write what the meeting resolved.")})
    text_limits.require_within("text", _("Text"), text, text_limits.RESOLUTION)
    if responsible is not None and responsible.school_id != current.school_id:
        raise ValidationError(
            {"responsible": _("Responsible: choose a staff member of this school.")}
        )
    if due is not None:
        if due < current.date:
            raise ValidationError(
                {
                    "due": _("Due date: it cannot be before the meeting's date (%(date)s).")
                    % {"date": format_date(current.date)}
                }
            )
        if due > current.year.end:
            raise ValidationError(
                {
                    "due": _("Due date: it cannot be after the end of the school year (%(end)s).")
                    % {"end": format_date(current.year.end)}
                }
            )
    last = current.resolutions.aggregate(n=Max("number"))
    resolution = Resolution(
        meeting=current,
        number=(last["n"] or 0) + 1,
        text=text,
        responsible=responsible,
        due=due,
    )
    save_with_history(resolution, actor)
    if responsible is not None:
        _notify(
            kind="resolution_assigned",
            recipients=[responsible],
            url=meeting_url(current),
            params={"association": current.association.name, "resolution": text, "due": due},
            actor=actor,
        )
    return resolution


@transaction.atomic
def resolution_set_status(*, actor: Viewer, resolution: Resolution, status: str) -> Resolution:
    require(actor, "set_resolution_status", resolution)
    if status not in ResolutionStatus.values:
        raise ValidationError({"status": _("Status: choose open, done or cancelled.")})
    if resolution.status == status:
        return resolution
    resolution.status = status
    save_with_history(resolution, actor, ["status"])
    return resolution


def resolutions_notify_overdue(*, today: dt.date) -> int:
    """Tell the responsible person and the MA's head of each open resolution past its due date.

    DOC-12, ORG-4: resolutions are the MA's decisions and must be carried out. A resolution is
    overdue when it is still open and its due date is before ``today`` (due today is not late
    yet). Each resolution is reported once per missed due date: the reminder row, written in
    the same transaction as the notifications, makes a second run send nothing. Returns the
    number of resolutions reported.
    """
    reminded = ResolutionReminder.objects.filter(resolution=OuterRef("pk"), due=OuterRef("due"))
    overdue = (
        Resolution.objects.filter(status=ResolutionStatus.OPEN, due__lt=today)
        .exclude(Exists(reminded))
        .select_related("responsible", "meeting__school", "meeting__association")
        .prefetch_related("meeting__association__heads__staff")
        .order_by("due", "pk")
    )
    reported = 0
    for resolution in overdue:
        meeting = resolution.meeting
        association = meeting.association
        recipients = [s for s in (resolution.responsible, head_at(association, today)) if s]
        with transaction.atomic():
            # A concurrent run may have reported it a moment ago: the unique reminder decides.
            _, created = ResolutionReminder.objects.get_or_create(
                resolution=resolution, due=resolution.due
            )
            if not created:
                continue
            notify(
                kind=NotificationKind.RESOLUTION_OVERDUE,
                recipients=recipients,
                url=meeting_url(meeting),
                params={
                    "association": association.name,
                    "resolution": Truncator(resolution.text).chars(200),
                    "due": resolution.due,
                },
            )
        reported += 1
    return reported
