"""attendance_record: members at the meeting's date only (DUTY-2)."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from usul.meetings.models import Attendance
from usul.meetings.services import (
    attendance_mark_rest_present,
    attendance_record,
    meeting_cancel,
    meeting_schedule,
)
from usul.testing import factories as f

D = dt.date


@pytest.fixture
def meeting(ma):
    return meeting_schedule(
        actor=ma.head_viewer, association=ma.association, year=ma.year, date=D(2025, 10, 14)
    )


def test_it_records_and_changes_a_members_attendance(ma, meeting):
    attendance_record(actor=ma.head_viewer, meeting=meeting, staff=ma.asanova, status="absent")
    attendance_record(actor=ma.head_viewer, meeting=meeting, staff=ma.asanova, status="excused")

    record = Attendance.objects.get(meeting=meeting, staff=ma.asanova)
    assert record.status == "excused"
    assert [h.status for h in record.history.all()] == ["excused", "absent"]
    assert record.history.first().history_user == ma.head_user


def test_a_member_whose_membership_ended_the_day_before_is_refused(ma, meeting):
    with pytest.raises(ValidationError) as refused:
        attendance_record(actor=ma.head_viewer, meeting=meeting, staff=ma.left, status="present")
    assert "staff" in refused.value.message_dict
    assert "14.10.2025" in refused.value.message_dict["staff"][0]
    assert not Attendance.objects.exists()


def test_a_membership_ending_on_the_meeting_day_still_counts(ma, meeting):
    last_day = f.make_staff(ma.school, key="t-lastday", last_name="Сыдыкова")
    f.add_member(ma.association, last_day, end=D(2025, 10, 14))
    attendance_record(actor=ma.head_viewer, meeting=meeting, staff=last_day, status="present")
    assert Attendance.objects.filter(staff=last_day).exists()


def test_someone_who_is_not_a_member_is_refused(ma, meeting):
    stranger = f.make_staff(ma.school, key="t-stranger", last_name="Бөтөн")
    with pytest.raises(ValidationError) as refused:
        attendance_record(actor=ma.head_viewer, meeting=meeting, staff=stranger, status="present")
    assert "staff" in refused.value.message_dict


def test_an_unknown_status_is_refused(ma, meeting):
    with pytest.raises(ValidationError) as refused:
        attendance_record(actor=ma.head_viewer, meeting=meeting, staff=ma.asanova, status="late")
    assert "status" in refused.value.message_dict


def test_everyone_unmarked_can_be_marked_present_at_once(ma, meeting):
    attendance_record(actor=ma.head_viewer, meeting=meeting, staff=ma.bekova, status="absent")
    assert attendance_mark_rest_present(actor=ma.head_viewer, meeting=meeting) == 2
    statuses = dict(Attendance.objects.filter(meeting=meeting).values_list("staff__key", "status"))
    assert statuses == {"t-head": "present", "t-asanova": "present", "t-bekova": "absent"}
    assert attendance_mark_rest_present(actor=ma.head_viewer, meeting=meeting) == 0


def test_no_attendance_for_a_cancelled_meeting(ma, meeting):
    meeting_cancel(actor=ma.head_viewer, meeting=meeting)
    with pytest.raises(ValidationError):
        attendance_record(actor=ma.head_viewer, meeting=meeting, staff=ma.asanova, status="present")
