"""A meeting scheduled from the work plan carries out its item (FUNC-1, ORG-4): holding the
meeting marks the item done in the same transaction; cancelling it leaves the item planned."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from usul.meetings.services import meeting_cancel, meeting_hold, meeting_schedule, meeting_update
from usul.planning.models import PlanEventKind, PlanItem, PlanItemKind, WorkPlan

D = dt.date


@pytest.fixture
def item(ma):
    plan = WorkPlan.objects.create(association=ma.association, year=ma.year)
    return PlanItem.objects.create(
        plan=plan,
        month="2025-10",
        date=D(2025, 10, 14),
        kind=PlanItemKind.MEETING,
        title="№2 отурум: олимпиадага даярдык",
        result_note="Күн тартиби даяр",
    )


def from_plan(ma, item):
    return meeting_schedule(
        actor=ma.head_viewer, association=ma.association, year=ma.year, plan_item=item
    )


def test_holding_the_meeting_on_its_day_marks_its_plan_item_done(ma, item):
    meeting, seen = from_plan(ma, item), item.revision
    with pytest.raises(ValidationError):
        meeting_hold(actor=ma.head_viewer, meeting=meeting, as_of=D(2025, 10, 13))
    item.refresh_from_db()
    assert item.status == "planned"  # the day before: neither the meeting nor the item

    meeting_hold(actor=ma.head_viewer, meeting=meeting, as_of=D(2025, 10, 14))

    item.refresh_from_db()
    # The note stays as written; an editor who opened the item before is now stale.
    assert (item.status, item.result_note, item.revision) == ("done", "Күн тартиби даяр", seen + 1)
    assert item.history.first().history_user == ma.head_user
    event = item.plan.events.get(kind=PlanEventKind.ITEM_RECORDED)
    assert (event.actor, event.detail["fields"]) == (ma.head_user, ["status"])


def test_cancelling_the_meeting_leaves_its_plan_item_planned(ma, item):
    seen = item.revision
    meeting_cancel(actor=ma.head_viewer, meeting=from_plan(ma, item))
    item.refresh_from_db()
    assert (item.status, item.revision) == ("planned", seen)
    assert not item.plan.events.exists()


def test_a_meeting_moved_before_the_planned_day_marks_the_item_done_the_day_it_is_held(ma, item):
    item.date, item.month = D(2025, 11, 20), "2025-11"
    item.save()
    meeting = from_plan(ma, item)
    moved = meeting_update(
        actor=ma.head_viewer, meeting=meeting, revision=meeting.revision, date=D(2025, 10, 28)
    )

    meeting_hold(actor=ma.head_viewer, meeting=moved, as_of=D(2025, 10, 28))

    item.refresh_from_db()
    assert item.status == "done"


def test_a_hold_the_plan_refuses_saves_neither_the_meeting_nor_the_item(ma, item):
    meeting = from_plan(ma, item)
    # A member who does not run the MA may not record its plan: the whole hold is undone.
    with pytest.raises(PermissionDenied):
        meeting_hold(actor=ma.asanova_viewer, meeting=meeting, as_of=D(2025, 10, 14))
    meeting.refresh_from_db()
    item.refresh_from_db()
    assert (meeting.status, item.status) == ("scheduled", "planned")
