"""resolution_add and resolution_set_status (ORG-4, DOC-12)."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from usul.meetings.models import Resolution
from usul.meetings.services import (
    meeting_cancel,
    meeting_schedule,
    resolution_add,
    resolution_set_status,
)
from usul.notifications.models import Notification
from usul.testing import factories as f

D = dt.date


@pytest.fixture
def meeting(ma):
    return meeting_schedule(
        actor=ma.head_viewer, association=ma.association, year=ma.year, date=D(2025, 10, 14)
    )


def test_resolutions_are_numbered_and_the_responsible_person_is_told(ma, meeting):
    first = resolution_add(
        actor=ma.head_viewer,
        meeting=meeting,
        text="Олимпиадага катышуучуларды даярдоо",
        responsible=ma.asanova,
        due=D(2025, 11, 1),
    )
    second = resolution_add(actor=ma.head_viewer, meeting=meeting, text="Ачык сабак өткөрүү")

    assert (first.number, second.number) == (1, 2)
    told = Notification.objects.get(kind="resolution_assigned")
    assert told.recipient == ma.asanova
    assert told.params["due"] == "2025-11-01"
    assert first.history.first().history_user == ma.head_user


def test_a_due_date_the_day_before_the_meeting_is_refused_the_day_of_it_accepted(ma, meeting):
    with pytest.raises(ValidationError) as refused:
        resolution_add(
            actor=ma.head_viewer,
            meeting=meeting,
            text="Эрте",
            responsible=ma.asanova,
            due=D(2025, 10, 13),
        )
    assert "due" in refused.value.message_dict
    assert "14.10.2025" in refused.value.message_dict["due"][0]
    assert not Resolution.objects.exists()
    assert not Notification.objects.filter(kind="resolution_assigned").exists()

    same_day = resolution_add(
        actor=ma.head_viewer, meeting=meeting, text="Ошол күнү", due=D(2025, 10, 14)
    )
    assert same_day.due == D(2025, 10, 14)


def test_a_due_date_after_the_school_year_is_refused(ma, meeting):
    last = resolution_add(actor=ma.head_viewer, meeting=meeting, text="Акыркы", due=D(2026, 5, 31))
    assert last.due == D(2026, 5, 31)
    with pytest.raises(ValidationError) as refused:
        resolution_add(actor=ma.head_viewer, meeting=meeting, text="Жайкы", due=D(2026, 6, 1))
    assert "due" in refused.value.message_dict


def test_the_responsible_person_must_be_staff_of_the_school(ma, meeting, outsider_school):
    foreigner = f.make_staff(outsider_school, key="t-foreign")
    with pytest.raises(ValidationError) as refused:
        resolution_add(actor=ma.head_viewer, meeting=meeting, text="x", responsible=foreigner)
    assert "responsible" in refused.value.message_dict
    # Staff of the school who is not a member may answer for a resolution (e.g. the librarian).
    librarian = f.make_staff(ma.school, key="t-lib", last_name="Китепканачы")
    assert resolution_add(
        actor=ma.head_viewer, meeting=meeting, text="Китептер", responsible=librarian
    )


def test_an_empty_text_is_refused(ma, meeting):
    with pytest.raises(ValidationError) as refused:
        resolution_add(actor=ma.head_viewer, meeting=meeting, text="   ")
    assert "text" in refused.value.message_dict


def test_no_resolution_for_a_cancelled_meeting(ma, meeting):
    meeting_cancel(actor=ma.head_viewer, meeting=meeting)
    with pytest.raises(ValidationError):
        resolution_add(actor=ma.head_viewer, meeting=meeting, text="x")


def test_the_status_moves_between_open_done_and_cancelled(ma, meeting):
    resolution = resolution_add(
        actor=ma.head_viewer, meeting=meeting, text="x", responsible=ma.asanova
    )
    # ORG-4: the person responsible reports their own resolution done.
    resolution_set_status(actor=ma.asanova_viewer, resolution=resolution, status="done")
    resolution.refresh_from_db()
    assert resolution.status == "done"
    assert resolution.history.first().history_user == ma.asanova_user
    with pytest.raises(ValidationError) as refused:
        resolution_set_status(actor=ma.head_viewer, resolution=resolution, status="late")
    assert "status" in refused.value.message_dict
