"""BUNDLE.md, associations → meetings: the MA's meetings (ORG-4), each with its attendance
(DUTY-2) and its resolutions (DOC-12), and the extensions ``minutes`` and ``plan_item``."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from typing import TYPE_CHECKING

from usul.bundle.services.associations import ma_sources
from usul.bundle.services.plans import plan_item
from usul.bundle.services.reconciler import Row
from usul.bundle.services.values import _date, _given, _grouped, _iso, _key, _nonempty, _text
from usul.meetings.models import Attendance, Meeting, Resolution

if TYPE_CHECKING:
    from usul.bundle.services.importing import BundleImport


# -- import


def import_meetings(run: BundleImport) -> None:
    """The meetings by key, then their attendance (once per person) and resolutions. Leaves
    ``run.meetings`` for the head terms elected at one (ORG-1) and the analyses presented."""
    school = run.school
    mas = ma_sources(run)
    run.meetings = run.keyed(
        "associations.meetings",
        Meeting,
        [
            row
            for i, a, ma in mas
            for row in run.records(
                ["associations", i, "meetings"],
                a["meetings"],
                lambda m: {
                    "year_id": run.years[m["year"]].pk,
                    "number": m["number"],
                    "date": _date(m["date"]),
                    "status": m["status"],
                    "agenda": m["agenda"],
                    **_given(m, {"minutes": ("minutes", _text)}),
                },
                association_id=ma.pk,
            )
        ],
        existing=Meeting.objects.filter(school=school),
    )
    meetings = [
        (["associations", i, "meetings", n], m, run.meetings[m["key"]])
        for i, a, _ma in mas
        for n, m in enumerate(a["meetings"])
    ]
    owners = {meeting.pk: m["key"] for _at, m, meeting in meetings}
    scope = {"meeting__school": school}
    run.rows(
        "associations.meetings.attendance",
        Attendance,
        "meeting_id",
        scope,
        [
            Row(
                [*at, "attendance", r],
                m["key"],
                meeting.pk,
                {"staff_id": run.staff[row["staff"]].pk, "status": row["status"]},
                identity=run.staff[row["staff"]].pk,
            )
            for at, m, meeting in meetings
            for r, row in enumerate(m["attendance"])
        ],
        owners,
        identity=lambda obj: obj.staff_id,
    )
    run.rows(
        "associations.meetings.resolutions",
        Resolution,
        "meeting_id",
        scope,
        [
            Row(
                [*at, "resolutions", r],
                m["key"],
                meeting.pk,
                {
                    "number": row["number"],
                    "text": row["text"],
                    "responsible_id": run.pk(run.staff, row["responsible"]),
                    "due": _date(row["due"]),
                    "status": row["status"],
                },
            )
            for at, m, meeting in meetings
            for r, row in enumerate(m["resolutions"])
        ],
        owners,
    )


def link_meeting_plan_items(run: BundleImport) -> None:
    """Where a meeting was scheduled from (extension ``plan_item``), once the plans are
    written: meetings come before the plans because head terms need them."""
    run.link(
        "associations.meetings",
        Meeting,
        run.meetings,
        [
            (m["key"], "plan_item_id", plan_item(run, ma, m["year"], m["plan_item"]))
            for _i, a, ma in ma_sources(run)
            for m in a["meetings"]
            if "plan_item" in m
        ],
    )


# -- export


def write_meetings(
    school,
    meetings: list[Meeting],
    year: dict,
    person: dict,
    place: Callable[[Meeting], int | None],
) -> dict[int, list[dict]]:
    """Each MA's ``meetings`` by the MA's pk; ``year`` and ``person`` give keys by pk,
    ``place`` a meeting's plan item."""
    attendance = _grouped(Attendance.objects.filter(meeting__school=school), "meeting_id")
    resolutions = _grouped(Resolution.objects.filter(meeting__school=school), "meeting_id")
    written: dict[int, list[dict]] = defaultdict(list)
    for m in meetings:
        written[m.association_id].append(
            {
                "key": m.key,
                "year": year[m.year_id],
                "number": m.number,
                "date": _iso(m.date),
                "status": m.status,
                "agenda": m.agenda,
                **_nonempty(minutes=m.minutes, plan_item=place(m)),
                "attendance": [
                    {"staff": person[r.staff_id], "status": r.status} for r in attendance[m.pk]
                ],
                "resolutions": [
                    {
                        "number": r.number,
                        "text": r.text,
                        "responsible": _key(person, r.responsible_id),
                        "due": _iso(r.due),
                        "status": r.status,
                    }
                    for r in resolutions[m.pk]
                ],
            }
        )
    return written
