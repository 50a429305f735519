"""check_revision: a save started from an older revision is refused, saying who and what."""

from __future__ import annotations

import pytest
from django.utils import translation

from usul.lib.history import save_with_history
from usul.lib.locking import StaleEdit, check_revision
from usul.testing import factories as f

FIELDS = {"agenda": "agenda", "minutes": "minutes"}


@pytest.fixture
def meeting(school):
    return f.make_meeting(f.make_association(school), status="scheduled")


def _saved_by(meeting, user, **changes):
    for name, value in changes.items():
        setattr(meeting, name, value)
    meeting.revision += 1
    save_with_history(meeting, user, [*changes, "revision"])


def test_the_current_revision_passes(meeting):
    check_revision(meeting, meeting.revision, fields=FIELDS)


def test_no_revision_sent_is_never_refused(meeting, deputy):
    _saved_by(meeting, f.make_user(deputy), minutes="Протокол")
    check_revision(meeting, None, fields=FIELDS)


def test_an_older_revision_is_refused_naming_who_and_which_fields(meeting, deputy):
    user = f.make_user(deputy)
    _saved_by(meeting, user, agenda=["Жылдык план"])  # the page the editor opened
    seen = meeting.revision
    _saved_by(meeting, user, minutes="Башка протокол")
    with translation.override("en"), pytest.raises(StaleEdit) as refused:
        check_revision(meeting, seen, fields=FIELDS)
    assert refused.value.changed == ["minutes"]
    assert refused.value.by == deputy.short_name
    message = refused.value.messages[0]
    assert deputy.short_name in message and "minutes" in message and "agenda" not in message


def test_the_refusal_reads_in_kyrgyz(meeting, deputy):
    seen = meeting.revision
    _saved_by(meeting, f.make_user(deputy), agenda=["Жаңы маселе"])
    with translation.override("ky"), pytest.raises(StaleEdit) as refused:
        check_revision(meeting, seen, fields=FIELDS)
    assert refused.value.messages[0].startswith("Сакталган жок")
