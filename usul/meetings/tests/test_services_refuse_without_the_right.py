"""Every write of meetings asks the policy itself: called directly — as a page, a command or an
API would — by a plain member of the MA or by a deputy of another school, it is refused and
nothing is written (ORG-4: the MA's head and the leadership keep meetings and resolutions;
DUTY-2: attendance is recorded by them, not by each member)."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied

from usul.accounts.policy import viewer_for
from usul.meetings import services as s
from usul.meetings.models import Attendance, Meeting, Resolution
from usul.people.models import Role
from usul.testing import factories as f
from usul.testing.written import written

D = dt.date
DAY = D(2025, 10, 14)
RECORDS = (Meeting, Attendance, Resolution)


@pytest.fixture
def meeting(ma):
    return s.meeting_schedule(
        actor=ma.head_viewer, association=ma.association, year=ma.year, date=DAY, agenda="План"
    )


@pytest.fixture
def resolution(ma, meeting):
    return s.resolution_add(
        actor=ma.head_viewer, meeting=meeting, text="Ачык сабак өтүү", responsible=ma.bekova
    )


@pytest.fixture
def outsiders(ma, outsider_school):
    foreign_deputy = f.make_staff(outsider_school, key="z-deputy", roles=(Role.DEPUTY_ACADEMIC,))
    return {
        "a plain member of the MA": viewer_for(ma.asanova_user, DAY),
        "a deputy of another school": viewer_for(f.make_user(foreign_deputy), DAY),
    }


def writes(ma, meeting, resolution):
    return {
        "meeting_schedule": lambda a: s.meeting_schedule(
            actor=a, association=ma.association, year=ma.year, date=D(2025, 11, 5)
        ),
        "meeting_update": lambda a: s.meeting_update(
            actor=a, meeting=meeting, revision=meeting.revision, minutes="Башка"
        ),
        "attendance_record": lambda a: s.attendance_record(
            actor=a, meeting=meeting, staff=ma.bekova, status="absent"
        ),
        "attendance_mark_rest_present": lambda a: s.attendance_mark_rest_present(
            actor=a, meeting=meeting
        ),
        "meeting_hold": lambda a: s.meeting_hold(actor=a, meeting=meeting, as_of=DAY),
        "meeting_cancel": lambda a: s.meeting_cancel(actor=a, meeting=meeting),
        "meeting_reopen": lambda a: s.meeting_reopen(actor=a, meeting=meeting),
        "resolution_add": lambda a: s.resolution_add(actor=a, meeting=meeting, text="Дагы"),
        "resolution_set_status": lambda a: s.resolution_set_status(
            actor=a, resolution=resolution, status="cancelled"
        ),
    }


SERVICES = (
    "meeting_schedule",
    "meeting_update",
    "attendance_record",
    "attendance_mark_rest_present",
    "meeting_hold",
    "meeting_cancel",
    "meeting_reopen",
    "resolution_add",
    "resolution_set_status",
)


@pytest.mark.parametrize("service", SERVICES)
@pytest.mark.parametrize("who", ["a plain member of the MA", "a deputy of another school"])
def test_the_service_refuses_and_writes_nothing(ma, meeting, resolution, outsiders, service, who):
    before = written(*RECORDS)
    with pytest.raises(PermissionDenied):
        writes(ma, meeting, resolution)[service](outsiders[who])
    assert written(*RECORDS) == before


@pytest.mark.parametrize("service", [name for name in SERVICES if name != "meeting_reopen"])
def test_the_head_of_the_ma_may(ma, meeting, resolution, service):
    writes(ma, meeting, resolution)[service](ma.head_viewer)


def test_the_person_responsible_reports_their_own_resolution_done(ma, resolution):
    bekova = viewer_for(f.make_user(ma.bekova), DAY)
    s.resolution_set_status(actor=bekova, resolution=resolution, status="done")
    resolution.refresh_from_db()
    assert resolution.status == "done"
