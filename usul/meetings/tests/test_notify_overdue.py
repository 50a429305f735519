"""usul notify_overdue: open resolutions past their due date, reported once (DOC-12, ORG-4)."""

from __future__ import annotations

import datetime as dt
from io import StringIO

import pytest
from django.core import mail
from django.core.management import CommandError, call_command

from usul.meetings.models import Meeting, Resolution, ResolutionStatus
from usul.notifications.models import Notification, NotificationKind
from usul.testing import factories as f

TODAY = dt.date(2025, 11, 10)


@pytest.fixture
def meeting(school):
    ma = f.make_association(school, name="Тил жана адабият", key="ma-lang")
    return Meeting.objects.create(
        school=school,
        association=ma,
        key="m-3",
        year=school.years.get(),
        number=3,
        date=dt.date(2025, 10, 14),
    )


@pytest.fixture
def people(school, meeting):
    ma = meeting.association
    former_head = f.make_staff(school, last_name="Мурзаева", first_name="Гүлзат")
    head = f.make_staff(school, last_name="Жумабаева", first_name="Нургүл")
    teacher = f.make_staff(school, last_name="Асанов", first_name="Таалай")
    for person in (former_head, head, teacher):
        f.add_member(ma, person)
    # The head at the run's date is told, not the one who chaired the meeting.
    f.add_head(ma, former_head, start=dt.date(2025, 8, 29), end=dt.date(2025, 10, 31))
    f.add_head(ma, head, start=dt.date(2025, 11, 1))
    f.make_user(teacher, email="taalai@school17.kg")
    f.make_user(head, email="nurgul@school17.kg", language="ru")
    return head, teacher, former_head


def resolution(meeting, *, due, responsible, number, status=ResolutionStatus.OPEN):
    return Resolution.objects.create(
        meeting=meeting,
        number=number,
        text=f"Токтом №{number}",
        responsible=responsible,
        due=due,
        status=status,
    )


def run(today=TODAY) -> str:
    out = StringIO()
    call_command("notify_overdue", "--today", today.isoformat(), stdout=out)
    return out.getvalue()


def test_it_tells_the_responsible_and_the_head_once_of_what_was_due_yesterday(
    meeting, people, django_capture_on_commit_callbacks
):
    head, teacher, former_head = people
    late = resolution(meeting, due=TODAY - dt.timedelta(days=1), responsible=teacher, number=1)
    resolution(meeting, due=TODAY, responsible=teacher, number=2)  # due today: not late yet
    resolution(
        meeting,
        due=TODAY - dt.timedelta(days=5),
        responsible=teacher,
        number=3,
        status=ResolutionStatus.DONE,
    )
    resolution(
        meeting,
        due=TODAY - dt.timedelta(days=5),
        responsible=teacher,
        number=4,
        status=ResolutionStatus.CANCELLED,
    )
    resolution(meeting, due=None, responsible=teacher, number=5)

    with django_capture_on_commit_callbacks(execute=True):
        output = run()

    assert output.strip().endswith(": 1")  # one resolution reported
    told = Notification.objects.filter(kind=NotificationKind.RESOLUTION_OVERDUE)
    assert sorted(n.recipient_id for n in told.all()) == sorted([teacher.pk, head.pk])
    assert all("Токтом №1" in str(n) and "09.11.2025" in str(n) for n in told.all())
    assert {m.to[0] for m in mail.outbox} == {"taalai@school17.kg", "nurgul@school17.kg"}
    russian = next(m for m in mail.outbox if m.to == ["nurgul@school17.kg"])
    assert "Срок решения МО «Тил жана адабият» истёк 09.11.2025" in russian.body

    # Run again the same day and the next: nobody is told twice.
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        run()
    assert told.count() == 2 and mail.outbox == []

    # The next day the resolution due "today" above is late in its turn, and only it.
    with django_capture_on_commit_callbacks(execute=True):
        run(TODAY + dt.timedelta(days=1))
    assert told.count() == 4
    assert [m.subject for m in mail.outbox] and all("Токтом №2" in m.body for m in mail.outbox)

    # The MA moves the late one's due date; when that passes too, it is reported again.
    late.due = TODAY + dt.timedelta(days=3)
    late.save(update_fields=["due"])
    run(TODAY + dt.timedelta(days=3))
    assert told.count() == 4
    run(TODAY + dt.timedelta(days=4))
    assert told.count() == 6


def test_without_a_responsible_person_the_head_alone_is_told(meeting, people):
    head, _teacher, _former = people
    resolution(meeting, due=TODAY - dt.timedelta(days=1), responsible=None, number=1)
    run()
    assert [n.recipient for n in Notification.objects.all()] == [head]


def test_it_sees_no_overdue_resolution_of_another_schools_as_ours(meeting, people, outsider_school):
    head, teacher, _ = people
    other_ma = f.make_association(outsider_school, key="ma-x")
    other_teacher = f.make_staff(outsider_school)
    other_meeting = Meeting.objects.create(
        school=outsider_school,
        association=other_ma,
        key="m-3",
        year=outsider_school.years.get(),
        number=3,
        date=dt.date(2025, 10, 14),
    )
    resolution(other_meeting, due=TODAY - dt.timedelta(days=1), responsible=other_teacher, number=1)
    run()
    # Each school's own person is told, and only of their own school's resolution.
    assert [(n.recipient, n.school) for n in Notification.objects.all()] == [
        (other_teacher, outsider_school)
    ]
    assert "sch-17" not in Notification.objects.get().url


def test_a_bad_date_is_refused_naming_the_option(db):
    with pytest.raises(CommandError, match="--today"):
        call_command("notify_overdue", "--today", "10.11.2025")
    assert not Notification.objects.exists()
