"""The meeting pages: who may see and do what, what they show, and what they cost."""

from __future__ import annotations

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from usul.associations.models import Membership
from usul.meetings.models import Attendance, Meeting, Resolution
from usul.meetings.services import (
    attendance_record,
    meeting_hold,
    meeting_schedule,
    resolution_add,
)
from usul.people.models import Role, Staff
from usul.testing import factories as f

D = dt.date


@pytest.fixture
def meeting(ma):
    return meeting_schedule(
        actor=ma.head_viewer,
        association=ma.association,
        year=ma.year,
        date=D(2025, 10, 14),
        agenda=["Биринчи чейректин жыйынтыгы"],
    )


def speaking(user, language):
    """The user's own language choice, as the language switcher saves it."""
    user.language = language
    user.save(update_fields=["language"])
    return user


def detail_url(meeting, name="meetings:detail", *extra):
    return reverse(name, args=[meeting.school.key, meeting.key, *extra])


def test_the_head_takes_attendance_row_by_row_with_htmx(client, ma, meeting):
    client.force_login(ma.head_user)
    response = client.post(
        detail_url(meeting, "meetings:attendance"),
        {"staff": "t-asanova", "status": "absent"},
        HTTP_HX_REQUEST="true",
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert html.lstrip().startswith("<li")  # just the row, swapped in place
    assert 'value="absent" class="absent" aria-pressed="true"' in html
    assert Attendance.objects.get(staff=ma.asanova).status == "absent"


def test_attendance_for_a_former_member_is_refused_with_a_message(client, ma, meeting):
    client.force_login(speaking(ma.head_user, "en"))
    response = client.post(
        detail_url(meeting, "meetings:attendance"),
        {"staff": "t-left", "status": "present"},
        HTTP_HX_REQUEST="true",
    )
    assert response.status_code == 400
    assert "is not a member of the MA on 14.10.2025" in response.content.decode()
    assert not Attendance.objects.exists()


def test_the_detail_page_shows_agenda_attendance_and_numbered_resolutions(client, ma, meeting):
    attendance_record(actor=ma.head_viewer, meeting=meeting, staff=ma.asanova, status="present")
    resolution_add(
        actor=ma.head_viewer,
        meeting=meeting,
        text="Олимпиадага даярдоо",
        responsible=ma.asanova,
        due=D(2025, 11, 1),
    )
    client.force_login(ma.asanova_user)
    html = client.get(detail_url(meeting)).content.decode()
    assert "Биринчи чейректин жыйынтыгы" in html
    assert 'data-staff="t-asanova"' in html and 'data-staff="t-left"' not in html
    assert 'data-resolution="1"' in html and "Олимпиадага даярдоо" in html
    assert "01.11.2025" in html
    # A member reads but does not edit: no attendance buttons, no minutes form.
    assert 'name="minutes"' not in html and "hx-post" not in html


def test_a_held_meeting_without_resolutions_is_flagged(client, ma, meeting):
    client.force_login(ma.head_user)
    response = client.post(detail_url(meeting, "meetings:hold"))
    assert response.status_code == 302
    html = client.get(detail_url(meeting)).content.decode()
    assert 'data-flag="no-resolutions"' in html
    list_html = client.get(reverse("meetings:list", args=["sch-17", "ma-stem"])).content.decode()
    assert "badge warning" in list_html

    resolution_add(actor=ma.head_viewer, meeting=meeting, text="Токтом")
    assert 'data-flag="no-resolutions"' not in client.get(detail_url(meeting)).content.decode()


def test_stale_minutes_are_refused_on_the_page_and_the_text_is_kept(client, ma, meeting):
    client.force_login(ma.head_user)
    opened = meeting.revision
    first = client.post(
        detail_url(meeting, "meetings:minutes"),
        {
            "revision": opened,
            "date": "2025-10-14",
            "agenda": "Биринчи чейрек",
            "minutes": "Биринчи вариант",
        },
    )
    assert first.status_code == 302
    client.force_login(speaking(ma.deputy_user, "en"))
    second = client.post(
        detail_url(meeting, "meetings:minutes"),
        {
            "revision": opened,
            "date": "2025-10-14",
            "agenda": "Биринчи чейрек",
            "minutes": "Экинчи вариант",
        },
    )
    assert second.status_code == 409
    html = second.content.decode()
    assert 'data-stale="true"' in html
    assert "Жумабаева" in html  # who saved in between
    assert "Экинчи вариант" in html  # the refused text is still there to merge
    meeting.refresh_from_db()
    assert meeting.minutes == "Биринчи вариант"


def test_a_resolution_due_before_the_meeting_is_refused_on_the_form(client, ma, meeting):
    client.force_login(speaking(ma.head_user, "en"))
    response = client.post(
        detail_url(meeting, "meetings:resolution_add"),
        {"text": "Эрте", "responsible": "t-asanova", "due": "2025-10-13"},
    )
    assert response.status_code == 400
    assert "Due date: it cannot be before the meeting" in response.content.decode()
    assert not Resolution.objects.exists()


def test_a_teacher_cannot_edit_the_meeting_of_an_ma_they_do_not_head(client, ma, meeting):
    other_head = f.make_staff(ma.school, key="t-langhead", last_name="Тилчи")
    lang = f.make_association(ma.school, key="ma-lang")
    f.add_member(lang, other_head)
    f.add_head(lang, other_head)
    user = f.make_user(other_head)
    for who in (user, ma.asanova_user):
        client.force_login(who)
        for name, data in [
            ("meetings:minutes", {"revision": meeting.revision, "minutes": "x"}),
            ("meetings:attendance", {"staff": "t-asanova", "status": "present"}),
            ("meetings:resolution_add", {"text": "x"}),
            ("meetings:hold", {}),
            ("meetings:cancel", {}),
        ]:
            assert client.post(detail_url(meeting, name), data).status_code == 403, name
        assert (
            client.post(
                reverse("meetings:schedule", args=["sch-17", "ma-stem"]), {"date": "2025-11-01"}
            ).status_code
            == 403
        )
    meeting.refresh_from_db()
    assert (meeting.minutes, meeting.status) == ("", "scheduled")
    assert not Attendance.objects.exists() and not Resolution.objects.exists()


def test_the_responsible_person_may_close_their_own_resolution_only(client, ma, meeting):
    mine = resolution_add(
        actor=ma.head_viewer, meeting=meeting, text="Меники", responsible=ma.asanova
    )
    theirs = resolution_add(
        actor=ma.head_viewer, meeting=meeting, text="Башканы", responsible=ma.bekova
    )
    client.force_login(ma.asanova_user)
    url = detail_url(meeting, "meetings:resolution_status", mine.number)
    assert client.post(url, {"status": "done"}).status_code == 302
    url = detail_url(meeting, "meetings:resolution_status", theirs.number)
    assert client.post(url, {"status": "done"}).status_code == 403
    assert dict(Resolution.objects.values_list("number", "status")) == {1: "done", 2: "open"}


def test_the_deputy_manages_any_ma_of_the_school(client, ma):
    client.force_login(ma.deputy_user)
    response = client.post(
        reverse("meetings:schedule", args=["sch-17", "ma-stem"]),
        {"date": "2025-11-20", "agenda": "Жарым жылдык"},
    )
    meeting = Meeting.objects.get()
    assert response.status_code == 302
    assert response["Location"] == f"/meetings/sch-17/m/{meeting.key}/"


def test_a_date_outside_the_year_is_refused_on_the_schedule_form(client, ma):
    client.force_login(speaking(ma.head_user, "ru"))
    response = client.post(
        reverse("meetings:schedule", args=["sch-17", "ma-stem"]),
        {"date": "2026-06-01"},
    )
    assert response.status_code == 400
    assert "Дата: 01.06.2026 вне учебного года 2025-2026" in response.content.decode()
    assert not Meeting.objects.exists()


def test_another_school_sees_nothing(client, ma, meeting, outsider_school):
    outsider = f.make_user(
        f.make_staff(outsider_school, roles=(Role.DIRECTOR,), key="t-dir99"), username="dir99"
    )
    client.force_login(outsider)
    assert client.get(detail_url(meeting)).status_code == 404
    assert client.get(detail_url(meeting, "meetings:print")).status_code == 404
    assert client.get(reverse("meetings:list", args=["sch-17", "ma-stem"])).status_code == 404
    assert client.post(detail_url(meeting, "meetings:hold")).status_code == 404
    index = client.get(reverse("meetings:index")).content.decode()
    assert "ma-stem" not in index


def test_the_print_view_lists_present_members_and_resolutions(client, ma, meeting):
    attendance_record(actor=ma.head_viewer, meeting=meeting, staff=ma.asanova, status="present")
    attendance_record(actor=ma.head_viewer, meeting=meeting, staff=ma.bekova, status="excused")
    resolution_add(actor=ma.head_viewer, meeting=meeting, text="Токтом бир", responsible=ma.asanova)
    meeting_hold(actor=ma.head_viewer, meeting=meeting, as_of=D(2025, 10, 14))
    client.force_login(ma.asanova_user)
    html = client.get(detail_url(meeting, "meetings:print")).content.decode()
    assert 'class="protocol"' in html
    assert "Асанова А." in html and "Бекова Ү." in html and "Токтом бир" in html


def _count(client, url) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def _grow_meetings(ma, n):
    """Meetings with attendance and a resolution each, written in bulk: the data is the set-up
    here, not what is tested."""
    start = Meeting.objects.count()
    meetings = Meeting.objects.bulk_create(
        Meeting(
            school=ma.school,
            association=ma.association,
            year=ma.year,
            key=f"m-bulk-{i}",
            number=i + 1,
            date=D(2025, 9, 1) + dt.timedelta(days=i),
            agenda=[f"Маселе {i}"],
            status="held" if i % 2 else "scheduled",
        )
        for i in range(start, n)
    )
    Attendance.objects.bulk_create(
        Attendance(meeting=m, staff=ma.asanova, status="present") for m in meetings
    )
    Resolution.objects.bulk_create(
        Resolution(meeting=m, number=1, text=f"Токтом {m.number}", responsible=ma.bekova)
        for m in meetings
    )


def test_the_list_costs_the_same_for_5_and_50_meetings(client, ma):
    client.force_login(ma.head_user)
    url = reverse("meetings:list", args=["sch-17", "ma-stem"])
    _grow_meetings(ma, 5)
    small = _count(client, url)
    _grow_meetings(ma, 50)
    large = _count(client, url)
    assert small == large
    assert large <= 20
    index_small = _count(client, reverse("meetings:index"))
    assert index_small <= 20


def test_the_detail_costs_the_same_for_5_and_50_members_and_resolutions(client, ma, meeting):
    client.force_login(ma.head_user)
    url = detail_url(meeting)

    def grow(n):
        start = Resolution.objects.count()
        people = Staff.objects.bulk_create(
            Staff(school=ma.school, key=f"t-m{i}", last_name=f"Мүчө{i}", first_name="Ү")
            for i in range(start, n)
        )
        Membership.objects.bulk_create(
            Membership(association=ma.association, staff=p, start=D(2025, 9, 1)) for p in people
        )
        Attendance.objects.bulk_create(
            Attendance(meeting=meeting, staff=p, status="present") for p in people
        )
        Resolution.objects.bulk_create(
            Resolution(meeting=meeting, number=start + i + 1, text=f"Т{i}", responsible=p)
            for i, p in enumerate(people)
        )

    grow(5)
    small = _count(client, url)
    grow(50)
    large = _count(client, url)
    assert small == large
    assert large <= 25


def test_the_head_schedules_a_meeting_from_the_work_plan_once(client, ma):
    from usul.planning.models import PlanItem, PlanItemKind, WorkPlan

    plan = WorkPlan.objects.create(association=ma.association, year=ma.year)
    item = PlanItem.objects.create(
        plan=plan,
        month="2025-11",
        date=D(2025, 11, 11),
        kind=PlanItemKind.MEETING,
        title="Жарым жылдын жыйынтыгы",
    )
    client.force_login(ma.head_user)
    list_url = reverse("meetings:list", args=["sch-17", "ma-stem"])
    assert "Жарым жылдын жыйынтыгы" in client.get(list_url).content.decode()
    response = client.post(
        reverse("meetings:schedule", args=["sch-17", "ma-stem"]), {"plan_item": str(item.uuid)}
    )
    meeting = Meeting.objects.get()
    assert response.status_code == 302
    assert (meeting.date, meeting.agenda, meeting.plan_item) == (
        D(2025, 11, 11),
        ["Жарым жылдын жыйынтыгы"],
        item,
    )
    # Once scheduled, the item is no longer offered.
    assert 'name="plan_item"' not in client.get(list_url).content.decode()
