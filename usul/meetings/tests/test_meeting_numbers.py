"""Meeting numbers follow dates within the MA's year; a held meeting's number never changes.

ORG-4, DOC-12: the minutes of each meeting are printed with its number and signed, so the
numbers must read in date order, and a number already printed stays as it was.
"""

from __future__ import annotations

import datetime as dt

from django.urls import reverse

from usul.meetings.models import Meeting, MeetingStatus
from usul.meetings.services import meeting_cancel, meeting_hold, meeting_schedule, meeting_update
from usul.testing import factories as f

D = dt.date


def schedule(ma, day):
    return meeting_schedule(
        actor=ma.head_viewer, association=ma.association, year=ma.year, date=day
    )


def numbers(ma) -> list[tuple[dt.date, int, str]]:
    return [
        (m.date, m.number, m.status)
        for m in Meeting.objects.filter(association=ma.association).order_by("date", "pk")
    ]


def test_a_meeting_scheduled_before_others_takes_its_place_in_date_order(ma):
    # The defect: a meeting dated 02.12 was numbered No. 6 while No. 3 was dated 13.01.
    schedule(ma, D(2025, 9, 10))
    schedule(ma, D(2025, 10, 15))
    january = schedule(ma, D(2026, 1, 13))
    december = schedule(ma, D(2025, 12, 2))
    assert december.number == 3
    january.refresh_from_db()
    assert january.number == 4
    assert [n for _, n, _ in numbers(ma)] == [1, 2, 3, 4]
    # The move is in the meeting's history, with who caused it.
    assert january.history.first().number == 4
    assert january.history.first().history_user == ma.head_user


def test_a_held_meeting_keeps_its_number_when_one_is_scheduled_the_day_before_it(ma):
    first = schedule(ma, D(2025, 9, 10))
    october = schedule(ma, D(2025, 10, 14))
    meeting_hold(actor=ma.head_viewer, meeting=first, as_of=D(2025, 10, 14))
    meeting_hold(actor=ma.head_viewer, meeting=october, as_of=D(2025, 10, 14))
    late = schedule(ma, D(2025, 11, 20))
    assert late.number == 3

    # Dated the day before the held No. 2: it cannot take No. 2, it takes the next free one.
    before = schedule(ma, D(2025, 10, 13))
    assert before.number == 3
    assert numbers(ma) == [
        (D(2025, 9, 10), 1, MeetingStatus.HELD),
        (D(2025, 10, 13), 3, MeetingStatus.SCHEDULED),
        (D(2025, 10, 14), 2, MeetingStatus.HELD),
        (D(2025, 11, 20), 4, MeetingStatus.SCHEDULED),
    ]


def test_a_meeting_scheduled_the_day_after_a_held_one_follows_it(ma):
    first = schedule(ma, D(2025, 9, 10))
    meeting_hold(actor=ma.head_viewer, meeting=first, as_of=D(2025, 10, 14))
    later = schedule(ma, D(2025, 12, 1))
    after = schedule(ma, D(2025, 9, 11))
    assert after.number == 2
    later.refresh_from_db()
    assert later.number == 3
    # The same day as the held one: after it too, the held one keeps No. 1.
    same_day = schedule(ma, D(2025, 9, 10))
    assert same_day.number == 2
    first.refresh_from_db()
    assert first.number == 1


def test_moving_a_scheduled_meeting_renumbers_and_a_held_one_stays(ma):
    first = schedule(ma, D(2025, 9, 10))
    second = schedule(ma, D(2025, 10, 14))
    third = schedule(ma, D(2025, 11, 18))
    meeting_hold(actor=ma.head_viewer, meeting=second, as_of=D(2025, 10, 14))
    first.refresh_from_db()
    moved = meeting_update(
        actor=ma.head_viewer, meeting=first, revision=first.revision, date=D(2025, 12, 2)
    )
    # Both scheduled meetings now come after the held No. 2: they follow it in date order,
    # and No. 1 stays unused rather than be given to a meeting dated after No. 2.
    assert moved.number == 4
    third.refresh_from_db()
    assert third.number == 3
    second.refresh_from_db()
    assert second.number == 2


def test_cancelling_gives_the_number_up_to_the_meetings_after_it(ma):
    first = schedule(ma, D(2025, 9, 10))
    meeting_hold(actor=ma.head_viewer, meeting=first, as_of=D(2025, 10, 14))
    doomed = schedule(ma, D(2025, 10, 14))
    last = schedule(ma, D(2025, 11, 18))
    meeting_cancel(actor=ma.head_viewer, meeting=doomed)
    last.refresh_from_db()
    assert last.number == 2  # the minutes will read No. 1, No. 2: no gap for a meeting not held
    doomed.refresh_from_db()
    assert (doomed.number, doomed.status) == (2, MeetingStatus.CANCELLED)  # its history stays
    assert schedule(ma, D(2025, 12, 2)).number == 3


def test_other_mas_and_other_years_are_numbered_on_their_own(ma):
    other = f.make_association(ma.school, key="ma-lang")
    f.add_member(other, ma.asanova)
    meeting_schedule(actor=ma.deputy_viewer, association=other, year=ma.year, date=D(2025, 9, 1))
    next_year = f.make_year(ma.school, key="2026-2027", start=D(2026, 9, 1), end=D(2027, 5, 31))
    meeting_schedule(
        actor=ma.head_viewer, association=ma.association, year=next_year, date=D(2026, 9, 1)
    )
    assert schedule(ma, D(2025, 12, 2)).number == 1


def test_the_pages_say_how_meetings_are_numbered_and_why_one_is_out_of_order(client, ma):
    held = schedule(ma, D(2025, 10, 14))
    meeting_hold(actor=ma.head_viewer, meeting=held, as_of=D(2025, 10, 14))
    client.force_login(ma.head_user)
    page = client.get(reverse("meetings:list", args=["sch-17", "ma-stem"])).content.decode()
    # Kyrgyz by default: the form explains the rule before anyone schedules.
    assert 'id="numbering"' in page
    assert "протоколу басылып чыгып, кол коюлат" in page

    response = client.post(
        reverse("meetings:schedule", args=["sch-17", "ma-stem"]),
        {"year": "2025-2026", "date": "2025-10-01", "agenda": "Олимпиада", "once": "a1"},
        follow=True,
    )
    page = response.content.decode()
    assert "№2" in page
    assert 'data-flag="out-of-date-order"' in page
    assert "14.10.2025" in page  # names the held meeting that keeps No. 1

    # A meeting in date order carries no such note.
    client.get(reverse("meetings:detail", args=["sch-17", held.key]))
    page = client.get(reverse("meetings:detail", args=["sch-17", held.key])).content.decode()
    assert 'data-flag="out-of-date-order"' not in page
