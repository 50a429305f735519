"""Reads of the MA's year: plans with their items, the monthly grid, the year's figures.

Every function takes the school year (and, where a rule depends on it, an explicit as-of
date) and costs a fixed number of queries, whatever the number of items, meetings or members.
Callers narrow what a viewer may see with ``usul.accounts.policy`` before calling.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field

from django.db.models import Count, Prefetch, Q, QuerySet

from usul.associations.models import Association
from usul.associations.selectors import is_active, members_at
from usul.lessons.models import OpenLessonStatus
from usul.lib.dates import months_between
from usul.meetings.models import AttendanceStatus, Meeting, MeetingStatus, ResolutionStatus
from usul.people.models import Staff
from usul.planning.models import (
    PlanEvent,
    PlanEventKind,
    PlanItem,
    PlanItemKind,
    PlanItemStatus,
    PlanStatus,
    WorkPlan,
    YearAnalysis,
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


def year_months(year: SchoolYear) -> list[str]:
    """DOC-8: the months of the grid, "YYYY-MM", from the year's start month to its end month."""
    return months_between(year.start, year.end)


def month_start(month: str) -> dt.date:
    """The first day of a "YYYY-MM" month (raises ValueError on anything else)."""
    if len(month) != 7 or month[4] != "-":
        raise ValueError(month)
    return dt.date(int(month[:4]), int(month[5:]), 1)


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
    months = year_months(plan.year)
    # An imported item of a month outside the year is still shown, at the end, not lost.
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


def year_summary(association: Association, year: SchoolYear, as_of: dt.date) -> YearSummary:
    """The figures the deputy's analysis starts from (ORG-5): meetings held and resolutions
    done or overdue (ORG-4, DOC-12), plan items done (DOC-8), open lessons held and observed
    (ORG-3), members' courses and certifications (DUTY-1, GEN-3), attendance (DUTY-2).

    "Held" follows RULES.md: status ``held`` and date ≤ ``as_of``. A resolution is overdue when
    it is open and its due date is before ``as_of``. Members are those at ``as_of`` or, after
    the year's end, at its last day. Courses count when they ended (or, without an end, began)
    within the year; certifications when the category was awarded within the year.
    """
    from usul.lessons.models import OpenLesson, OpenLessonStatus

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
        "members__staff__courses", "members__staff__categories"
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
