"""meeting_schedule: numbering per MA and year, keys, the year's dates, plan items (ORG-4)."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from usul.meetings.models import Meeting
from usul.meetings.services import meeting_schedule
from usul.notifications.models import Notification
from usul.planning.models import PlanItem, PlanItemKind, WorkPlan
from usul.testing import factories as f

D = dt.date


def test_it_numbers_meetings_per_ma_and_year_and_gives_bundle_style_keys(ma):
    first = meeting_schedule(
        actor=ma.head_viewer,
        association=ma.association,
        year=ma.year,
        date=D(2025, 8, 29),
        agenda="Иш планын бекитүү\n\n  Жетекчини шайлоо  ",
    )
    second = meeting_schedule(
        actor=ma.head_viewer, association=ma.association, year=ma.year, date=D(2025, 11, 5)
    )
    other_ma = f.make_association(ma.school, key="ma-lang")
    f.add_member(other_ma, ma.asanova)
    elsewhere = meeting_schedule(
        actor=ma.deputy_viewer, association=other_ma, year=ma.year, date=D(2025, 11, 5)
    )

    assert (first.number, second.number, elsewhere.number) == (1, 2, 1)
    assert (first.key, second.key, elsewhere.key) == (
        "m-stem-2025-1",
        "m-stem-2025-2",
        "m-lang-2025-1",
    )
    assert first.agenda == ["Иш планын бекитүү", "Жетекчини шайлоо"]
    assert first.history.first().history_user == ma.head_user


@pytest.mark.parametrize(
    ("day", "accepted"),
    [
        (D(2025, 7, 31), False),  # two months before the start: refused
        (D(2025, 8, 1), True),  # the month before the start: the August meeting
        (D(2026, 5, 31), True),  # the year's last day
        (D(2026, 6, 1), False),  # the day after the year
    ],
)
def test_it_refuses_dates_outside_the_school_year(ma, day, accepted):
    if accepted:
        meeting = meeting_schedule(
            actor=ma.head_viewer, association=ma.association, year=ma.year, date=day
        )
        assert meeting.date == day
        return
    with pytest.raises(ValidationError) as refused:
        meeting_schedule(actor=ma.head_viewer, association=ma.association, year=ma.year, date=day)
    assert "date" in refused.value.message_dict
    assert "2025-2026" in refused.value.message_dict["date"][0]
    assert not Meeting.objects.exists()
    assert not Notification.objects.exists()


def test_it_schedules_from_a_plan_item_of_kind_meeting_once(ma):
    plan = WorkPlan.objects.create(association=ma.association, year=ma.year)
    item = PlanItem.objects.create(
        plan=plan,
        month="2025-10",
        date=D(2025, 10, 14),
        kind=PlanItemKind.MEETING,
        title="Олимпиадага даярдык",
    )
    seminar = PlanItem.objects.create(
        plan=plan, month="2025-10", kind=PlanItemKind.SEMINAR, title="Семинар"
    )

    meeting = meeting_schedule(
        actor=ma.head_viewer, association=ma.association, year=ma.year, plan_item=item
    )

    assert (meeting.date, meeting.agenda, meeting.plan_item) == (
        D(2025, 10, 14),
        ["Олимпиадага даярдык"],
        item,
    )
    with pytest.raises(ValidationError) as twice:
        meeting_schedule(
            actor=ma.head_viewer, association=ma.association, year=ma.year, plan_item=item
        )
    assert "plan_item" in twice.value.message_dict
    with pytest.raises(ValidationError) as wrong_kind:
        meeting_schedule(
            actor=ma.head_viewer,
            association=ma.association,
            year=ma.year,
            plan_item=seminar,
            date=D(2025, 10, 20),
        )
    assert "plan_item" in wrong_kind.value.message_dict
    assert Meeting.objects.count() == 1


def test_it_tells_the_members_and_the_head(ma):
    meeting = meeting_schedule(
        actor=ma.deputy_viewer, association=ma.association, year=ma.year, date=D(2025, 10, 14)
    )
    told = set(
        Notification.objects.filter(kind="meeting_scheduled").values_list(
            "recipient__key", flat=True
        )
    )
    # The member who left the day before is not told.
    assert told == {"t-head", "t-asanova", "t-bekova"}
    assert Notification.objects.first().url == f"/meetings/sch-17/m/{meeting.key}/"


def test_it_refuses_a_year_of_another_school(ma, outsider_school):
    from usul.schools.models import SchoolYear

    foreign = SchoolYear.objects.get(school=outsider_school)
    with pytest.raises(ValidationError) as refused:
        meeting_schedule(
            actor=ma.head_viewer, association=ma.association, year=foreign, date=D(2025, 10, 1)
        )
    assert "year" in refused.value.message_dict


def test_the_one_who_schedules_is_not_told_about_it(ma):
    meeting_schedule(
        actor=ma.head_viewer, association=ma.association, year=ma.year, date=D(2025, 10, 14)
    )
    told = set(Notification.objects.values_list("recipient__key", flat=True))
    assert told == {"t-asanova", "t-bekova"}
