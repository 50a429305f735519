"""Meetings, the year-end analysis and the KTU (ORG-4, DOC-12, DUTY-2, ORG-5, DOC-5, FUNC-5).

The fixture's year ends on 2026-05-31: that day the year is still running; the next it is over.
"""

import datetime as dt

from usul.analysis.models import YearAnalysis
from usul.compliance.tests.builders import AFTER_YEAR, DURING_YEAR, make_meeting
from usul.compliance.tests.conftest import findings
from usul.meetings.models import Attendance, Resolution
from usul.people.models import Position

D = dt.date
YEAR_END = D(2026, 5, 31)


def test_three_held_meetings_and_a_cancelled_one_break_org_4_after_the_year(world):
    last = world.meetings[3]
    last.status = "cancelled"
    last.save()
    expected = {"held": 3, "planned": 3}
    # Before the end: only three planned — a warning; from the day after the end: a violation.
    assert findings(world, YEAR_END, rules="MEET") == [
        ("MEET-COUNT", "warning", "association", "ma-stem", expected),
    ]
    assert findings(world, AFTER_YEAR, rules="MEET") == [
        ("MEET-COUNT", "violation", "association", "ma-stem", expected),
    ]


def test_four_held_meetings_and_a_cancelled_fifth_comply(world):
    make_meeting(
        world.ma, world.year, number=5, date=D(2026, 3, 4), status="cancelled", resolutions=()
    )
    assert findings(world, YEAR_END) == []
    assert findings(world, AFTER_YEAR) == []


def test_four_planned_but_three_held_is_fine_in_the_year_and_a_violation_after(world):
    last = world.meetings[3]
    last.status = "scheduled"
    last.save()
    assert findings(world, YEAR_END, rules="MEET") == []
    assert findings(world, AFTER_YEAR, rules="MEET") == [
        ("MEET-COUNT", "violation", "association", "ma-stem", {"held": 3, "planned": 4}),
    ]


def test_a_meeting_counts_as_held_only_from_its_date(world):
    # On 1 October only the August meeting has happened; four are planned, so no finding.
    assert findings(world, DURING_YEAR, rules="MEET") == []
    for meeting in world.meetings[1:]:
        meeting.status = "cancelled"
        meeting.save()
    assert findings(world, DURING_YEAR, rules="MEET") == [
        ("MEET-COUNT", "warning", "association", "ma-stem", {"held": 1, "planned": 1}),
    ]


def test_a_meeting_belongs_to_its_year_whatever_its_date(world):
    # The first meeting is held in August, before the year starts, and still counts.
    assert world.meetings[0].date < world.year.start
    assert findings(world, AFTER_YEAR) == []


def test_meet_resolutions_a_cancelled_resolution_is_no_resolution(world):
    meeting = world.meetings[1]
    Resolution.objects.filter(meeting=meeting).update(status="cancelled")
    # Not yet held on 4 November; held from 5 November.
    assert findings(world, D(2025, 11, 4), rules="MEET") == []
    assert findings(world, D(2025, 11, 5), rules="MEET") == [
        ("MEET-RESOLUTIONS", "violation", "meeting", meeting.key, {}),
    ]
    Resolution.objects.create(meeting=meeting, number=2, text="Токтом", status="open")
    assert findings(world, D(2025, 11, 5), rules="MEET") == []


def test_meet_attendance_reports_each_held_meeting_without_attendance(world):
    for meeting in world.meetings[:2]:
        Attendance.objects.filter(meeting=meeting).delete()
    assert findings(world, D(2025, 11, 5)) == [
        ("MEET-ATTENDANCE", "warning", "meeting", world.meetings[0].key, {}),
        ("MEET-ATTENDANCE", "warning", "meeting", world.meetings[1].key, {}),
    ]


def test_year_analysis_is_due_the_day_after_the_year_ends(world):
    YearAnalysis.objects.filter(association=world.ma).delete()
    assert findings(world, YEAR_END) == []
    assert findings(world, AFTER_YEAR) == [
        ("YEAR-ANALYSIS", "violation", "association", "ma-stem", {}),
    ]


def test_year_analysis_written_by_the_director_does_not_count(world):
    # ORG-5: the deputy director writes the analysis.
    YearAnalysis.objects.filter(association=world.ma).update(author=world.director)
    assert findings(world, AFTER_YEAR) == [
        ("YEAR-ANALYSIS", "violation", "association", "ma-stem", {}),
    ]


def test_year_analysis_by_a_former_deputy_or_without_proposals_does_not_count(world):
    Position.objects.filter(staff=world.deputy).update(end=D(2026, 5, 24))
    assert findings(world, AFTER_YEAR, rules="YEAR") == [
        ("YEAR-ANALYSIS", "violation", "association", "ma-stem", {}),
    ]
    Position.objects.filter(staff=world.deputy).update(end=None)
    YearAnalysis.objects.filter(association=world.ma).update(proposals=[])
    assert findings(world, AFTER_YEAR, rules="YEAR") == [
        ("YEAR-ANALYSIS", "violation", "association", "ma-stem", {}),
    ]


def test_ktu_without_a_commission_is_a_warning_in_the_year_and_a_violation_after(world):
    world.ma.ktu.get().commission.clear()
    assert findings(world, YEAR_END) == [
        ("KTU", "warning", "association", "ma-stem", {"missing": []}),
    ]
    assert findings(world, AFTER_YEAR) == [
        ("KTU", "violation", "association", "ma-stem", {"missing": []}),
    ]


def test_ktu_after_the_year_lists_members_at_its_end_without_a_value(world):
    record = world.ma.ktu.get()
    first, second, third = world.teachers
    record.values.filter(staff__in=[second, third]).delete()
    # The third left before the year's end: no value is owed for them.
    world.ma.members.filter(staff=third).update(end=D(2026, 5, 30))
    assert findings(world, YEAR_END, rules="KTU") == []
    assert findings(world, AFTER_YEAR, rules="KTU") == [
        ("KTU", "violation", "association", "ma-stem", {"missing": [second.key]}),
    ]


def test_ktu_is_not_asked_when_the_school_does_not_require_it(world):
    world.ma.ktu.all().delete()
    world.school.ktu_required = False
    world.school.save()
    assert findings(world, AFTER_YEAR) == []


def test_year_analysis_a_blank_proposal_is_no_proposal(world):
    YearAnalysis.objects.filter(association=world.ma).update(proposals=["  "])
    assert findings(world, AFTER_YEAR, rules="YEAR") == [
        ("YEAR-ANALYSIS", "violation", "association", "ma-stem", {}),
    ]


def test_year_analysis_of_the_year_counts_whatever_its_date(world):
    # RULES.md chooses records "of year Y" by their year key, whatever their date: an analysis
    # dated after the as-of day still counts (docs/rules.md).
    YearAnalysis.objects.filter(association=world.ma).update(date=D(2026, 6, 10))
    assert findings(world, AFTER_YEAR, rules="YEAR") == []
