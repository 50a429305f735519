"""Reads of the year-end analysis (ORG-5, DOC-5): the year's figures it starts from, the
draft Usul offers, last year's analysis for next year's plan.

``year_summary`` takes the viewer: the members' courses and certifications are personal data
(GEN-3), listed only for a viewer who sees them (``sees_personal_data``); anybody else gets the
counts of meetings, items and lessons and the number of members, never a colleague's records.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field

from django.db.models import Count, Prefetch

from usul.accounts.policy import Viewer, visible
from usul.analysis.models import YearAnalysis
from usul.associations.models import Association
from usul.associations.selectors import members_at
from usul.lessons.models import OpenLesson, OpenLessonStatus
from usul.meetings.models import AttendanceStatus, Meeting, MeetingStatus, ResolutionStatus
from usul.people.models import Category, Course, Staff
from usul.planning.models import PlanItem, PlanItemKind, PlanItemStatus
from usul.planning.selectors import previous_year
from usul.schools.models import SchoolYear


def analysis_last_day(year: SchoolYear) -> dt.date:
    """The last day an analysis of ``year`` may carry (ORG-5: written at the year's end).

    The analysis is presented at the MA's last meeting, which often falls in June, after the
    year's last lesson day; the summer still belongs to the closing year. So: the day before
    the next school year of the school starts, or 31 August after the year's end when no next
    year is recorded yet.
    """
    following = (
        SchoolYear.objects.filter(school_id=year.school_id, start__gt=year.end)
        .order_by("start")
        .first()
    )
    if following is not None:
        return following.start - dt.timedelta(days=1)
    august = dt.date(year.end.year, 8, 31)
    return august if august >= year.end else year.end


def last_year_analysis(association: Association, year: SchoolYear) -> YearAnalysis | None:
    """ORG-5: last year's analysis of this MA, whose proposals its next plan should take up."""
    before = previous_year(year)
    if before is None:
        return None
    return (
        YearAnalysis.objects.filter(association=association, year=before)
        .select_related("year")
        .order_by("-date", "-id")
        .first()
    )


# ---------------------------------------------------------------------------------------------
# The year's figures for the analysis (ORG-5, DOC-5)


@dataclass
class YearSummary:
    """What the MA did in the year, counted from Usul's own records as of a date."""

    as_of: dt.date
    meetings_held: int = 0
    meetings_planned: int = 0
    resolutions: int = 0
    resolutions_done: int = 0
    resolutions_open: int = 0
    resolutions_overdue: int = 0
    items: int = 0
    items_done: int = 0
    items_cancelled: int = 0
    items_done_by_kind: dict[str, int] = field(default_factory=dict)
    lessons_held: int = 0
    lessons_planned: int = 0
    lessons_observed: int = 0
    observations: int = 0
    members: list[Staff] = field(default_factory=list)
    courses: list = field(default_factory=list)  # (staff, course)
    certifications: list = field(default_factory=list)  # (staff, category)
    present: int = 0
    absent: int = 0
    excused: int = 0
    last_meeting: Meeting | None = None

    @property
    def attendance_rate(self) -> int | None:
        """Share of present marks among all recorded marks, in whole per cent."""
        total = self.present + self.absent + self.excused
        return round(100 * self.present / total) if total else None


def year_summary(
    viewer: Viewer, association: Association, year: SchoolYear, as_of: dt.date
) -> YearSummary:
    """The figures the deputy's analysis starts from (ORG-5): meetings held and resolutions
    done or overdue (ORG-4, DOC-12), plan items done (DOC-8), open lessons held and observed
    (ORG-3), members' courses and certifications (DUTY-1, GEN-3), attendance (DUTY-2).

    "Held" follows RULES.md: status ``held`` and date ≤ ``as_of``. A resolution is overdue when
    it is open and its due date is before ``as_of``. Members are those at ``as_of`` or, after
    the year's end, at its last day. Courses count when they ended (or, without an end, began)
    within the year; certifications when the category was awarded within the year.

    Courses and categories are personal data (GEN-3): only those the ``viewer`` may read are
    fetched at all (``visible`` applies the policy's personal-data rule), so a plain teacher
    gets their own and never a colleague's, while the head and the deputies get the MA's.
    """
    summary = YearSummary(as_of=as_of)
    meetings = list(
        Meeting.objects.filter(association=association, year=year)
        .prefetch_related("resolutions", "attendance")
        .order_by("date", "number")
    )
    for meeting in meetings:
        if meeting.status != MeetingStatus.CANCELLED:
            summary.meetings_planned += 1
            summary.last_meeting = meeting
        held = meeting.status == MeetingStatus.HELD and meeting.date <= as_of
        if not held:
            continue
        summary.meetings_held += 1
        for resolution in meeting.resolutions.all():
            if resolution.status == ResolutionStatus.CANCELLED:
                continue
            summary.resolutions += 1
            if resolution.status == ResolutionStatus.DONE:
                summary.resolutions_done += 1
            else:
                summary.resolutions_open += 1
                if resolution.due and resolution.due < as_of:
                    summary.resolutions_overdue += 1
        for mark in meeting.attendance.all():
            if mark.status == AttendanceStatus.PRESENT:
                summary.present += 1
            elif mark.status == AttendanceStatus.ABSENT:
                summary.absent += 1
            else:
                summary.excused += 1

    done_by_kind: dict[str, int] = defaultdict(int)
    for item in PlanItem.objects.filter(plan__association=association, plan__year=year):
        if item.status == PlanItemStatus.CANCELLED:
            summary.items_cancelled += 1
            continue
        summary.items += 1
        if item.status == PlanItemStatus.DONE:
            summary.items_done += 1
            done_by_kind[item.kind] += 1
    summary.items_done_by_kind = {
        kind: done_by_kind[kind] for kind in PlanItemKind.values if done_by_kind.get(kind)
    }

    lessons = OpenLesson.objects.filter(association=association, year=year).annotate(
        observation_count=Count("observations")
    )
    for lesson in lessons:
        if lesson.status == OpenLessonStatus.CANCELLED:
            continue
        summary.lessons_planned += 1
        if lesson.status == OpenLessonStatus.HELD and lesson.date <= as_of:
            summary.lessons_held += 1
            if lesson.observation_count:
                summary.lessons_observed += 1
                summary.observations += lesson.observation_count

    day = min(as_of, year.end)
    people = Association.objects.filter(pk=association.pk).prefetch_related(
        Prefetch("members__staff__courses", queryset=visible(viewer, Course.objects.all())),
        Prefetch("members__staff__categories", queryset=visible(viewer, Category.objects.all())),
    )
    association_with_people = people.get()
    summary.members = sorted(
        members_at(association_with_people, day), key=lambda s: (s.last_name, s.first_name)
    )
    for staff in summary.members:
        for course in staff.courses.all():
            when = course.end or course.start
            if when and year.start <= when <= min(year.end, as_of):
                summary.courses.append((staff, course))
        for category in staff.categories.all():
            if year.start <= category.awarded <= min(year.end, as_of):
                summary.certifications.append((staff, category))
    return summary


def draft_analysis(summary: YearSummary, year: SchoolYear) -> tuple[str, list[str]]:
    """The text and proposals Usul offers as a start, in the active language (ORG-5).

    The deputy edits both before saving; nothing here is saved on its own.
    """
    from django.utils.translation import gettext as _
    from django.utils.translation import ngettext

    lines = [
        _(
            "In %(year)s the MA held %(held)s of %(planned)s planned meetings "
            "(at least four are required, ORG-4)."
        )
        % {"year": year.key, "held": summary.meetings_held, "planned": summary.meetings_planned},
        _(
            "The meetings adopted %(total)s resolutions: %(done)s done, %(open)s open, "
            "%(overdue)s of them overdue."
        )
        % {
            "total": summary.resolutions,
            "done": summary.resolutions_done,
            "open": summary.resolutions_open,
            "overdue": summary.resolutions_overdue,
        },
        _("Of %(total)s plan items %(done)s were done and %(cancelled)s cancelled.")
        % {
            "total": summary.items,
            "done": summary.items_done,
            "cancelled": summary.items_cancelled,
        },
        _("%(held)s of %(planned)s open lessons were held; %(observed)s of them were observed.")
        % {
            "held": summary.lessons_held,
            "planned": summary.lessons_planned,
            "observed": summary.lessons_observed,
        },
        ngettext(
            "Members completed %(count)s qualification course",
            "Members completed %(count)s qualification courses",
            len(summary.courses),
        )
        % {"count": len(summary.courses)}
        + "; "
        + ngettext(
            "%(count)s certification took place.",
            "%(count)s certifications took place.",
            len(summary.certifications),
        )
        % {"count": len(summary.certifications)},
    ]
    if summary.attendance_rate is not None:
        lines.append(
            _(
                "Attendance at meetings: %(rate)s%% present "
                "(%(absent)s absent, %(excused)s excused)."
            )
            % {
                "rate": summary.attendance_rate,
                "absent": summary.absent,
                "excused": summary.excused,
            }
        )
    else:
        lines.append(_("Attendance at meetings was not recorded."))

    proposals = []
    if summary.meetings_held < 4:
        proposals.append(_("Hold at least four MA meetings in the year (ORG-4)."))
    if summary.resolutions_overdue:
        proposals.append(_("Close the overdue resolutions or set them new due dates."))
    if summary.lessons_held == 0:
        proposals.append(_("Plan and hold a cycle of open lessons (ORG-3)."))
    elif summary.lessons_observed < summary.lessons_held:
        proposals.append(_("Observe and analyse every open lesson (HEAD-D1)."))
    if not summary.courses:
        proposals.append(_("Send members to qualification upgrading courses (DUTY-1)."))
    if summary.absent:
        proposals.append(_("Raise attendance at MA meetings (DUTY-2)."))
    return " ".join(lines), proposals
