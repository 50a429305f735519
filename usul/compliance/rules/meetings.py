"""Rules on the MA's meetings of the year (ORG-4, DOC-12, DUTY-2).

A meeting belongs to the year by its ``year`` key, whatever its date (the first is often in
late August). **Held** means status ``held`` and a date on or before D; **planned** means any
meeting of the year that is not cancelled (RULES.md definitions).
"""

from __future__ import annotations

from usul.compliance.context import Context
from usul.compliance.findings import ASSOCIATION, MEETING, VIOLATION, WARNING, Finding
from usul.compliance.registry import implements
from usul.lib.dates import format_date
from usul.meetings.models import MeetingStatus, ResolutionStatus

MIN_MEETINGS = 4  # ORG-4


def held_meetings(ctx: Context, ma) -> list:
    return [m for m in ma.year_meetings if m.status == MeetingStatus.HELD and m.date <= ctx.as_of]


def planned_meetings(ma) -> list:
    return [m for m in ma.year_meetings if m.status != MeetingStatus.CANCELLED]


@implements("MEET-COUNT")
def count(ctx: Context, ma) -> list[Finding]:
    # ORG-4: at least four meetings a year. Before the year ends, four must at least be
    # planned (a warning); once it has ended, four must have been held (a violation).
    held = len(held_meetings(ctx, ma))
    planned = len(planned_meetings(ma))
    detail = {"held": held, "planned": planned}
    params = {"association": ma.name, "held": held, "planned": planned}
    if ctx.year_end_passed:
        if held >= MIN_MEETINGS:
            return []
        return [
            ctx.finding(
                "MEET-COUNT",
                severity=VIOLATION,
                subject=(ASSOCIATION, ma.key),
                detail=detail,
                **params,
            )
        ]
    if planned >= MIN_MEETINGS:
        return []
    return [
        ctx.finding(
            "MEET-COUNT",
            severity=WARNING,
            subject=(ASSOCIATION, ma.key),
            detail=detail,
            variant="planned",
            **params,
        )
    ]


def _meeting_finding(ctx: Context, rule_id: str, ma, meeting) -> Finding:
    return ctx.finding(
        rule_id,
        subject=(MEETING, meeting.key),
        associations=[ma],
        association=ma.name,
        number=meeting.number,
        date=format_date(meeting.date),
    )


@implements("MEET-RESOLUTIONS")
def resolutions(ctx: Context, ma) -> list[Finding]:
    # ORG-4, DOC-12: meetings adopt resolutions; a cancelled resolution is not one.
    return [
        _meeting_finding(ctx, "MEET-RESOLUTIONS", ma, meeting)
        for meeting in held_meetings(ctx, ma)
        if not any(r.status != ResolutionStatus.CANCELLED for r in meeting.resolutions.all())
    ]


@implements("MEET-ATTENDANCE")
def attendance(ctx: Context, ma) -> list[Finding]:
    # DUTY-2: members attend; an empty attendance list means it was not recorded.
    return [
        _meeting_finding(ctx, "MEET-ATTENDANCE", ma, meeting)
        for meeting in held_meetings(ctx, ma)
        if not meeting.attendance.all()
    ]
