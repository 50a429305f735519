"""meeting_update: two people editing the same minutes never overwrite each other."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from usul.lib.locking import StaleEdit
from usul.meetings.services import (
    meeting_cancel,
    meeting_hold,
    meeting_schedule,
    meeting_update,
)

D = dt.date


@pytest.fixture
def meeting(ma):
    return meeting_schedule(
        actor=ma.head_viewer,
        association=ma.association,
        year=ma.year,
        date=D(2025, 10, 14),
        agenda=["Биринчи чейрек"],
    )


def test_the_second_save_of_stale_minutes_is_refused_and_says_what_changed(ma, meeting):
    opened_by_both = meeting.revision
    meeting_update(
        actor=ma.head_viewer,
        meeting=meeting,
        revision=opened_by_both,
        minutes="Асанова А. биринчи чейректин жыйынтыгын айтты.",
    )

    with pytest.raises(StaleEdit) as stale:
        meeting_update(
            actor=ma.deputy_viewer,
            meeting=meeting,
            revision=opened_by_both,
            minutes="Башка текст",
            agenda=["Биринчи чейрек"],
        )

    meeting.refresh_from_db()
    assert meeting.minutes == "Асанова А. биринчи чейректин жыйынтыгын айтты."
    assert meeting.revision == opened_by_both + 1
    assert stale.value.changed == ["minutes"]
    assert stale.value.by == ma.head.short_name
    assert "Жумабаева" in stale.value.messages[0]
    # The refused editor's next save, based on the fresh revision, goes through.
    meeting_update(
        actor=ma.deputy_viewer, meeting=meeting, revision=meeting.revision, minutes="Бириктирилди"
    )
    meeting.refresh_from_db()
    assert meeting.minutes == "Бириктирилди"
    assert meeting.history.first().history_user == ma.deputy_user


def test_holding_the_meeting_makes_an_open_editor_stale_too(ma, meeting):
    opened = meeting.revision
    meeting_hold(actor=ma.head_viewer, meeting=meeting, as_of=D(2025, 10, 14))
    with pytest.raises(StaleEdit) as stale:
        meeting_update(actor=ma.deputy_viewer, meeting=meeting, revision=opened, minutes="x")
    assert stale.value.changed == ["status"]


def test_the_date_moves_only_within_the_year_and_only_while_scheduled(ma, meeting):
    with pytest.raises(ValidationError) as outside:
        meeting_update(
            actor=ma.head_viewer, meeting=meeting, revision=meeting.revision, date=D(2026, 6, 1)
        )
    assert "date" in outside.value.message_dict
    moved = meeting_update(
        actor=ma.head_viewer, meeting=meeting, revision=meeting.revision, date=D(2026, 5, 31)
    )
    assert moved.date == D(2026, 5, 31)

    meeting_hold(actor=ma.head_viewer, meeting=moved, as_of=D(2026, 5, 31))
    moved.refresh_from_db()
    with pytest.raises(ValidationError) as held:
        meeting_update(
            actor=ma.head_viewer, meeting=moved, revision=moved.revision, date=D(2026, 5, 30)
        )
    assert "date" in held.value.message_dict


def test_a_cancelled_meeting_cannot_be_edited_or_held(ma, meeting):
    meeting_cancel(actor=ma.head_viewer, meeting=meeting)
    meeting.refresh_from_db()
    with pytest.raises(ValidationError) as edit:
        meeting_update(
            actor=ma.head_viewer, meeting=meeting, revision=meeting.revision, minutes="x"
        )
    assert "status" in edit.value.message_dict
    with pytest.raises(ValidationError):
        meeting_hold(actor=ma.head_viewer, meeting=meeting, as_of=D(2025, 12, 1))


def test_a_meeting_is_held_on_its_day_not_the_day_before_and_only_once(ma, meeting):
    with pytest.raises(ValidationError) as early:
        meeting_hold(actor=ma.head_viewer, meeting=meeting, as_of=D(2025, 10, 13))
    assert "date" in early.value.message_dict
    held = meeting_hold(actor=ma.head_viewer, meeting=meeting, as_of=D(2025, 10, 14))
    assert held.status == "held"
    with pytest.raises(ValidationError) as twice:
        meeting_hold(actor=ma.head_viewer, meeting=meeting, as_of=D(2025, 10, 15))
    assert "status" in twice.value.message_dict
    with pytest.raises(ValidationError):
        meeting_cancel(actor=ma.head_viewer, meeting=meeting)


def test_the_date_cannot_move_to_before_the_ma_was_created(ma):
    from usul.testing import factories as f

    young = f.make_association(ma.school, key="ma-young", created_on=D(2025, 10, 1))
    meeting = meeting_schedule(
        actor=ma.deputy_viewer, association=young, year=ma.year, date=D(2025, 10, 1)
    )
    with pytest.raises(ValidationError) as refused:
        meeting_update(
            actor=ma.deputy_viewer, meeting=meeting, revision=meeting.revision, date=D(2025, 9, 30)
        )
    assert "date" in refused.value.message_dict
