"""Reads about MA meetings (ORG-4, DUTY-2, DOC-12), each at a fixed number of queries."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.db.models import Count, Q, QuerySet

from usul.associations.models import Association, Membership
from usul.lib.dates import covers
from usul.meetings.models import (
    Attendance,
    AttendanceStatus,
    Meeting,
    MeetingStatus,
    Resolution,
    ResolutionStatus,
)
from usul.people.models import Staff
from usul.schools.models import SchoolYear


def meetings_of(association: Association, year: SchoolYear) -> QuerySet[Meeting]:
    """The MA's meetings of ``year`` with the counts the list shows (one query)."""
    return (
        Meeting.objects.filter(association=association, year=year)
        .annotate(
            attendance_count=Count("attendance", distinct=True),
            present_count=Count(
                "attendance", filter=Q(attendance__status="present"), distinct=True
            ),
            resolution_count=Count(
                "resolutions",
                filter=~Q(resolutions__status=ResolutionStatus.CANCELLED),
                distinct=True,
            ),
        )
        .order_by("date", "number", "key")
    )


def held_earlier_number(meeting: Meeting) -> Meeting | None:
    """The first held meeting dated after ``meeting`` that carries a lower number, or none.

    ORG-4, DOC-12: numbers follow dates, but a held meeting never gives up its number (its
    minutes are signed); a meeting scheduled before one already held therefore takes the next
    free number, and its page says why (one query)."""
    if meeting.status == MeetingStatus.CANCELLED:
        return None
    return (
        Meeting.objects.filter(
            association_id=meeting.association_id,
            year_id=meeting.year_id,
            status=MeetingStatus.HELD,
            date__gt=meeting.date,
            number__lt=meeting.number,
        )
        .order_by("date", "pk")
        .first()
    )


def lacks_resolutions(meeting: Meeting, resolutions: list[Resolution]) -> bool:
    """ORG-4, DOC-12: a held meeting adopts resolutions; holding one without any is allowed but
    flagged (compliance reports it as MEET-RESOLUTIONS)."""
    return meeting.status == MeetingStatus.HELD and not any(
        r.status != ResolutionStatus.CANCELLED for r in resolutions
    )


@dataclass
class AttendanceRow:
    staff: Staff
    status: str  # "" while not recorded
    member: bool  # a member at the meeting's date (DUTY-2 applies to members)

    @property
    def status_label(self) -> str:
        return str(dict(AttendanceStatus.choices).get(self.status, ""))


def attendance_sheet(meeting: Meeting) -> list[AttendanceRow]:
    """Every member at the meeting's date with their recorded attendance (two queries).

    Records of people who are not members at that date (brought in by a bundle, or the date
    was moved) stay listed, marked, so that nothing recorded is hidden.
    """
    memberships = Membership.objects.filter(association_id=meeting.association_id).select_related(
        "staff"
    )
    recorded = {
        a.staff_id: a for a in Attendance.objects.filter(meeting=meeting).select_related("staff")
    }
    rows: dict[int, AttendanceRow] = {}
    for membership in memberships:
        if covers(membership.start, membership.end, meeting.date):
            record = recorded.get(membership.staff_id)
            rows.setdefault(
                membership.staff_id,
                AttendanceRow(membership.staff, record.status if record else "", True),
            )
    for staff_id, record in recorded.items():
        rows.setdefault(staff_id, AttendanceRow(record.staff, record.status, False))
    return sorted(rows.values(), key=lambda r: (not r.member, r.staff.last_name, r.staff.key))


def resolutions_of(meeting: Meeting) -> list[Resolution]:
    """The meeting's resolutions in order (one query); each points back at ``meeting`` itself
    so that permission checks on them cost nothing more."""
    resolutions = list(
        Resolution.objects.filter(meeting=meeting)
        .select_related("responsible")
        .order_by("number", "id")
    )
    for resolution in resolutions:
        resolution.meeting = meeting
    return resolutions


def open_resolutions_for(
    staff: Staff, headed_association_ids, *, due_before: dt.date
) -> list[Resolution]:
    """Open resolutions with a due date before ``due_before`` that ``staff`` answers for, as the
    responsible person or as head of the meeting's MA (one query)."""
    return list(
        Resolution.objects.filter(
            Q(responsible=staff) | Q(meeting__association_id__in=list(headed_association_ids)),
            status=ResolutionStatus.OPEN,
            due__isnull=False,
            due__lt=due_before,
            meeting__school_id=staff.school_id,
        )
        .exclude(meeting__status=MeetingStatus.CANCELLED)
        .select_related("meeting__association", "meeting__school", "responsible")
        .order_by("due", "meeting__date", "number")
    )
