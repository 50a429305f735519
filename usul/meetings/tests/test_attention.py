"""Home-page items about resolutions: overdue for the responsible person and the head, due
soon for the responsible person; one query whatever the number."""

from __future__ import annotations

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation

from usul.accounts.policy import viewer_for
from usul.meetings.attention import for_viewer
from usul.meetings.services import (
    meeting_cancel,
    meeting_schedule,
    resolution_add,
    resolution_set_status,
)
from usul.testing import factories as f

D = dt.date


@pytest.fixture
def meeting(ma):
    return meeting_schedule(
        actor=ma.head_viewer, association=ma.association, year=ma.year, date=D(2025, 10, 14)
    )


def texts(user, day):
    with translation.override("en"):
        return [item.text for item in for_viewer(viewer_for(user, day))]


def test_an_open_resolution_is_overdue_the_day_after_its_due_date_not_on_it(ma, meeting):
    resolution_add(
        actor=ma.head_viewer,
        meeting=meeting,
        text="Олимпиадага даярдоо",
        responsible=ma.asanova,
        due=D(2025, 11, 1),
    )
    on_due_day = texts(ma.asanova_user, D(2025, 11, 1))
    assert len(on_due_day) == 1 and on_due_day[0].startswith("Due 01.11.2025")

    day_after = texts(ma.asanova_user, D(2025, 11, 2))
    assert len(day_after) == 1 and day_after[0].startswith("Overdue since 01.11.2025")
    # The head sees it too, with the name of who is late; a colleague does not.
    head = texts(ma.head_user, D(2025, 11, 2))
    assert len(head) == 1 and "Асанова А." in head[0]
    assert texts(f.make_user(ma.bekova), D(2025, 11, 2)) == []


def test_due_soon_means_within_seven_days(ma, meeting):
    resolution_add(
        actor=ma.head_viewer,
        meeting=meeting,
        text="x",
        responsible=ma.asanova,
        due=D(2025, 11, 8),
    )
    assert texts(ma.asanova_user, D(2025, 11, 1)) != []  # seven days ahead
    assert texts(ma.asanova_user, D(2025, 10, 31)) == []  # eight days ahead
    # The head is told only once a resolution is late.
    assert texts(ma.head_user, D(2025, 11, 1)) == []


def test_done_resolutions_and_cancelled_meetings_say_nothing(ma, meeting):
    done = resolution_add(
        actor=ma.head_viewer, meeting=meeting, text="x", responsible=ma.asanova, due=D(2025, 11, 1)
    )
    resolution_set_status(actor=ma.head_viewer, resolution=done, status="done")
    other = meeting_schedule(
        actor=ma.head_viewer, association=ma.association, year=ma.year, date=D(2025, 10, 20)
    )
    resolution_add(
        actor=ma.head_viewer, meeting=other, text="y", responsible=ma.asanova, due=D(2025, 11, 1)
    )
    meeting_cancel(actor=ma.head_viewer, meeting=other)
    assert texts(ma.asanova_user, D(2025, 12, 1)) == []


def test_it_costs_one_query_for_any_number_of_resolutions(ma, meeting):
    for i in range(30):
        resolution_add(
            actor=ma.head_viewer,
            meeting=meeting,
            text=f"т{i}",
            responsible=ma.asanova,
            due=D(2025, 10, 20),
        )
    viewer = viewer_for(ma.head_user, D(2025, 12, 1))
    with CaptureQueriesContext(connection) as queries:
        items = for_viewer(viewer)
    assert len(items) == 30
    assert len(queries) == 1
    assert viewer_for(None, D(2025, 12, 1)) and for_viewer(viewer_for(None, D(2025, 12, 1))) == []
