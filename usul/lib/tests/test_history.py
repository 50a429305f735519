"""save_with_history: every service save names its author and writes only what it changed."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError

from usul.accounts.policy import viewer_for
from usul.lib.history import save_with_history
from usul.testing import factories as f


@pytest.fixture
def meeting(school):
    return f.make_meeting(f.make_association(school), status="scheduled")


def test_the_history_names_the_person_behind_a_viewer(meeting, deputy, today):
    user = f.make_user(deputy)
    meeting.agenda = ["Жылдык план"]
    save_with_history(meeting, viewer_for(user, today), ["agenda"])
    assert meeting.history.first().history_user == user


def test_the_history_names_a_user_given_directly(meeting, deputy):
    user = f.make_user(deputy)
    meeting.minutes = "Протокол"
    save_with_history(meeting, user, ["minutes"])
    assert meeting.history.first().history_user == user


def test_only_the_named_fields_are_written(meeting, deputy):
    meeting.minutes = "Жаңы протокол"
    meeting.status = "cancelled"  # changed in memory, not named: must not reach the database
    save_with_history(meeting, f.make_user(deputy), ["minutes"])
    meeting.refresh_from_db()
    assert (meeting.minutes, meeting.status) == ("Жаңы протокол", "scheduled")


def test_an_invalid_record_is_refused_and_nothing_is_written(meeting, deputy):
    before = meeting.history.count()
    meeting.status = "postponed-forever"  # not one of the meeting's statuses
    with pytest.raises(ValidationError):
        save_with_history(meeting, f.make_user(deputy), ["status"])
    assert meeting.history.count() == before
