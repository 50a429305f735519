"""Reads of the calendars app: one person's events between two dates, and a month to show them.

Everything is read through the permission policy (``visible``), as the person themselves: a
feed read without a log-in still shows only what its owner may see. Each read costs a fixed
number of queries whatever the number of events (three lists, one prefetch).
"""

from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass, field

from django.db.models import Exists, OuterRef, Q
from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from usul.accounts.policy import Viewer, visible
from usul.associations.models import HeadTerm, Membership
from usul.associations.selectors import head_term_at
from usul.calendars.links import meeting_url, open_lesson_url
from usul.lessons.models import OpenLesson, OpenLessonStatus, OpenLessonVisitor
from usul.meetings.models import Meeting, MeetingStatus, Resolution, ResolutionStatus


class EventKind:
    MEETING = "meeting"
    OPEN_LESSON = "open_lesson"
    RESOLUTION = "resolution"


@dataclass(frozen=True)
class CalendarEvent:
    uid: str  # stable across reads, so a phone updates an event instead of duplicating it
    day: dt.date
    kind: str
    title: str  # in the active language
    association: str
    url: str
    note: str = ""  # the person's part: "I teach", "I attend", "responsible"…
    cancelled: bool = False
    done: bool = False
    overdue: bool = False
    changed: dt.datetime | None = None

    @property
    def status(self) -> str:
        """The event's state in words, or nothing while it is simply ahead.

        Short words like "done" carry a context: other apps translate them for other things
        (a course "done"), and the first app's translation would win."""
        if self.cancelled:
            return pgettext("calendar event", "cancelled")
        if self.done:
            return (
                pgettext("calendar event", "done")
                if self.kind == EventKind.RESOLUTION
                else pgettext("calendar event", "held")
            )
        if self.overdue:
            return pgettext("calendar event", "overdue")
        return ""


def calendar_events(viewer: Viewer, start: dt.date, end: dt.date) -> list[CalendarEvent]:
    """The viewer's own events from ``start`` to ``end`` (both included), by date.

    ``viewer.today`` decides what is overdue; it is the date the page or feed is read.
    """
    staff = viewer.staff
    if staff is None:
        return []
    events = [
        *_meetings(viewer, staff, start, end),
        *_open_lessons(viewer, staff, start, end),
        *_resolutions(viewer, staff, start, end),
    ]
    order = {EventKind.MEETING: 0, EventKind.OPEN_LESSON: 1, EventKind.RESOLUTION: 2}
    events.sort(key=lambda e: (e.day, order[e.kind], e.title, e.uid))
    return events


def _covering(model, staff):
    """Rows of ``model`` (membership or head term) of ``staff`` running on the meeting's date."""
    return model.objects.filter(
        association=OuterRef("association"), staff=staff, start__lte=OuterRef("date")
    ).filter(Q(end__isnull=True) | Q(end__gte=OuterRef("date")))


def _meetings(viewer, staff, start, end):
    # DUTY-2: members attend the MA's meetings; the head leads them. Membership or headship
    # is taken at the meeting's date (RULES.md "Member at D", "Head at D").
    meetings = (
        visible(viewer, Meeting.objects.filter(date__gte=start, date__lte=end))
        .annotate(
            is_member=Exists(_covering(Membership, staff)),
            has_head_term=Exists(_covering(HeadTerm, staff)),
        )
        .filter(Q(is_member=True) | Q(has_head_term=True))
        .select_related("school", "association")
        .prefetch_related("association__heads")
    )
    for meeting in meetings:
        association = meeting.association
        # Of overlapping head terms only the latest counts (RULES.md "Head at D").
        term = head_term_at(association, meeting.date) if meeting.has_head_term else None
        is_head = term is not None and term.staff_id == staff.pk
        if not (meeting.is_member or is_head):
            continue
        yield CalendarEvent(
            uid=f"meeting-{meeting.school.key}-{meeting.key}@usul",
            day=meeting.date,
            kind=EventKind.MEETING,
            title=_("MA meeting No. %(number)s") % {"number": meeting.number},
            association=association.name,
            url=meeting_url(meeting.school.key, meeting.key, association.key),
            note=pgettext("my part in an event", "I lead it")
            if is_head
            else pgettext("my part in an event", "member"),
            cancelled=meeting.status == MeetingStatus.CANCELLED,
            done=meeting.status == MeetingStatus.HELD,
            changed=meeting.updated_at,
        )


def _open_lessons(viewer, staff, start, end):
    # ORG-3, HEAD-D1: the teacher gives the open lesson, colleagues sign up and attend it.
    visiting = OpenLessonVisitor.objects.filter(open_lesson=OuterRef("pk"), staff=staff)
    lessons = (
        visible(viewer, OpenLesson.objects.filter(date__gte=start, date__lte=end))
        .annotate(visiting=Exists(visiting))
        .filter(Q(teacher=staff) | Q(visiting=True))
        .select_related("school", "association")
    )
    for lesson in lessons:
        where = " ".join(
            part for part in (str(lesson.grade or ""), lesson.class_label) if part
        ).strip()
        title = _("Open lesson: %(topic)s") % {"topic": lesson.topic}
        if where:
            title = _("%(title)s (class %(class)s)") % {"title": title, "class": where}
        yield CalendarEvent(
            uid=f"open-lesson-{lesson.school.key}-{lesson.key}@usul",
            day=lesson.date,
            kind=EventKind.OPEN_LESSON,
            title=title,
            association=lesson.association.name,
            url=open_lesson_url(lesson.school.key, lesson.key, lesson.association.key),
            note=pgettext("my part in an event", "I teach")
            if lesson.teacher_id == staff.pk
            else pgettext("my part in an event", "I attend"),
            cancelled=lesson.status == OpenLessonStatus.CANCELLED,
            done=lesson.status == OpenLessonStatus.HELD,
            changed=lesson.updated_at,
        )


def _resolutions(viewer, staff, start, end):
    # DOC-12: a resolution names who carries it out and by when. A cancelled one is due no more.
    resolutions = (
        visible(
            viewer,
            Resolution.objects.filter(responsible=staff, due__gte=start, due__lte=end),
        )
        .exclude(status=ResolutionStatus.CANCELLED)
        .select_related("meeting__school", "meeting__association")
    )
    for resolution in resolutions:
        meeting = resolution.meeting
        done = resolution.status == ResolutionStatus.DONE
        yield CalendarEvent(
            # Resolutions have no key of their own: the meeting's key and the number name it.
            uid=f"resolution-{meeting.school.key}-{meeting.key}-{resolution.number}@usul",
            day=resolution.due,
            kind=EventKind.RESOLUTION,
            title=_("Resolution due: %(text)s") % {"text": resolution.text},
            association=meeting.association.name,
            url=meeting_url(meeting.school.key, meeting.key, meeting.association.key),
            note=pgettext("my part in an event", "responsible"),
            done=done,
            overdue=not done and resolution.due < viewer.today,
            changed=resolution.updated_at,
        )


# --- The month page -------------------------------------------------------------------------


@dataclass
class Day:
    date: dt.date | None  # None: a blank cell before the 1st, to align the weekdays
    events: list[CalendarEvent] = field(default_factory=list)
    is_today: bool = False


@dataclass
class Month:
    first: dt.date
    last: dt.date
    previous: dt.date
    next: dt.date
    days: list[Day]

    @property
    def key(self) -> str:
        return f"{self.first:%Y-%m}"


def last_day(first: dt.date) -> dt.date:
    return first.replace(day=calendar.monthrange(first.year, first.month)[1])


def month_of(first: dt.date, events: list[CalendarEvent], today: dt.date) -> Month:
    """The month starting at ``first`` as cells from Monday, with each day's events."""
    last = last_day(first)
    by_day: dict[dt.date, list[CalendarEvent]] = {}
    for event in events:
        by_day.setdefault(event.day, []).append(event)
    days = [Day(date=None) for _ in range(first.weekday())]
    day = first
    while day <= last:
        days.append(Day(date=day, events=by_day.get(day, []), is_today=day == today))
        day += dt.timedelta(days=1)
    previous = (first - dt.timedelta(days=1)).replace(day=1)
    return Month(
        first=first, last=last, previous=previous, next=last + dt.timedelta(days=1), days=days
    )


def parse_month(raw: str) -> dt.date:
    """``YYYY-MM`` → the first day of that month; ValueError on anything else."""
    if len(raw) != 7 or raw[4] != "-":
        raise ValueError(raw)
    first = dt.date(int(raw[:4]), int(raw[5:]), 1)
    if not 2000 <= first.year <= 2100:
        raise ValueError(raw)
    return first
