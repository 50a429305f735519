"""My calendar page: my meetings, open lessons and resolutions, a month at a time."""

from __future__ import annotations

import datetime as dt
import re

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from usul.lessons.models import OpenLessonStatus
from usul.meetings.models import MeetingStatus, ResolutionStatus
from usul.testing import factories as f

D = dt.date
MINE = reverse("calendars:mine")


def uids(html: str) -> set[str]:
    return set(re.findall(r'data-uid="([^"]+)"', html))


def october(client, user) -> str:
    client.force_login(user)
    response = client.get(MINE, {"month": "2025-10"})
    assert response.status_code == 200
    return response.content.decode()


def test_a_member_sees_their_meetings_lessons_and_resolutions_and_nothing_else(
    client, ma_year, outsider_school
):
    y = ma_year
    other_ma = f.make_association(y.school, name="Тил жана адабият")
    f.add_member(other_ma, y.colleague)

    meeting = f.make_meeting(y.ma, date=D(2025, 10, 14), number=2, status=MeetingStatus.SCHEDULED)
    cancelled = f.make_meeting(y.ma, date=D(2025, 10, 28), status=MeetingStatus.CANCELLED)
    not_my_ma = f.make_meeting(other_ma, date=D(2025, 10, 14), status=MeetingStatus.SCHEDULED)
    next_month = f.make_meeting(y.ma, date=D(2025, 11, 11), status=MeetingStatus.SCHEDULED)
    i_teach = f.make_open_lesson(
        y.ma, teacher=y.member, date=D(2025, 10, 21), grade=7, class_label="Б", topic="Бөлчөктөр"
    )
    i_attend = f.make_open_lesson(
        y.ma, teacher=y.colleague, date=D(2025, 10, 22), visitors=[y.member], topic="Фотосинтез"
    )
    not_attending = f.make_open_lesson(y.ma, teacher=y.colleague, date=D(2025, 10, 23))
    mine_due = f.make_resolution(meeting, responsible=y.member, due=D(2025, 10, 30))
    done = f.make_resolution(
        meeting, responsible=y.member, due=D(2025, 10, 16), status=ResolutionStatus.DONE
    )
    dropped = f.make_resolution(
        meeting, responsible=y.member, due=D(2025, 10, 17), status=ResolutionStatus.CANCELLED
    )
    theirs = f.make_resolution(meeting, responsible=y.colleague, due=D(2025, 10, 30))
    outsider_ma = f.make_association(outsider_school)
    outsider_teacher = f.make_staff(outsider_school)
    f.add_member(outsider_ma, outsider_teacher)

    html = october(client, f.make_user(y.member))

    assert uids(html) == {
        f"meeting-sch-17-{meeting.key}@usul",
        f"meeting-sch-17-{cancelled.key}@usul",
        f"open-lesson-sch-17-{i_teach.key}@usul",
        f"open-lesson-sch-17-{i_attend.key}@usul",
        f"resolution-sch-17-{meeting.key}-{mine_due.number}@usul",
        f"resolution-sch-17-{meeting.key}-{done.number}@usul",
    }
    for absent in (not_my_ma, next_month):
        assert absent.key not in html
    assert not_attending.key not in html and f"-{dropped.number}@usul" not in html
    assert f"-{theirs.number}@usul" not in html
    # What a teacher reads on the page, in Kyrgyz by default.
    assert "Усулдук бирикменин №2 отуруму" in html
    assert "Ачык сабак: Бөлчөктөр (7 Б класс)" in html and "Мен өтөм" in html
    assert "Ачык сабак: Фотосинтез" in html and "Мен катышам" in html
    assert "жокко чыгарылды" in html and "аткарылды" in html
    # Days are laid out on their dates.
    day = html.split('data-date="2025-10-22"')[1].split('data-date="2025-10-23"')[0]
    assert "Фотосинтез" in day


def test_membership_and_headship_count_on_the_meeting_date_both_ends_included(client, ma_year):
    y = ma_year
    leaver = f.make_staff(y.school, last_name="Кетти")
    f.add_member(y.ma, leaver, start=D(2025, 10, 6), end=D(2025, 10, 15))
    acting_head = f.make_staff(y.school, last_name="Убактылуу")  # heads without being a member
    f.add_head(y.ma, acting_head, start=D(2025, 10, 20), end=D(2025, 10, 21))
    meetings = {
        day: f.make_meeting(y.ma, date=D(2025, 10, day), status=MeetingStatus.SCHEDULED)
        for day in (5, 6, 15, 16, 19, 20, 21, 22)
    }

    leaver_html = october(client, f.make_user(leaver))
    assert uids(leaver_html) == {f"meeting-sch-17-{meetings[day].key}@usul" for day in (6, 15)}
    head_html = october(client, f.make_user(acting_head))
    assert uids(head_html) == {f"meeting-sch-17-{meetings[day].key}@usul" for day in (20, 21)}
    assert "Мен жетектейм" in head_html


def test_overdue_resolutions_stand_out(client, ma_year):
    y = ma_year
    meeting = f.make_meeting(y.ma, date=D(2025, 9, 10), status=MeetingStatus.SCHEDULED)
    today = timezone.localdate()
    yesterday = f.make_resolution(meeting, responsible=y.member, due=today - dt.timedelta(days=1))
    due_today = f.make_resolution(meeting, responsible=y.member, due=today)
    client.force_login(f.make_user(y.member))
    html = ""
    for month in sorted({f"{yesterday.due:%Y-%m}", f"{due_today.due:%Y-%m}"}):
        html += client.get(MINE, {"month": month}).content.decode()
    overdue = re.findall(r'class="event resolution overdue" data-uid="([^"]+)"', html)
    assert overdue == [f"resolution-sch-17-{meeting.key}-{yesterday.number}@usul"]
    assert f"-{due_today.number}@usul" in html


def test_the_month_moves_back_and_forth_and_a_bad_month_is_explained(client, ma_year):
    client.force_login(f.make_user(ma_year.member))
    html = client.get(MINE, {"month": "2025-12"}).content.decode()
    assert 'href="?month=2025-11"' in html and 'href="?month=2026-01"' in html
    assert html.count('class="pad"') == 0  # 1 December 2025 is a Monday
    assert html.count("data-date=") == 31

    html = client.get(MINE, {"month": "2025-13"}).content.decode()
    assert "Ай: айды ЖЖЖЖ-АА түрүндө жазыңыз" in html and "2025-13" in html
    today = timezone.localdate()
    assert f'data-date="{today:%Y-%m-%d}"' in html  # back on the current month
    assert 'class="day today' in html or 'class="day empty today' in html


def test_without_a_staff_record_the_page_says_so(client, school):
    html = october(client, f.make_user(None, district=school.district))
    assert uids(html) == set() and "кызматкер" in html


def test_a_visitor_who_is_not_logged_in_is_sent_to_log_in(client):
    response = client.get(MINE)
    assert response.status_code == 302 and "/login/" in response["Location"]


def test_the_page_costs_the_same_queries_for_5_and_for_50_events_of_each_kind(
    client, ma_year, django_assert_num_queries
):
    y = ma_year
    user = f.make_user(y.head)

    def add(count: int, start: int) -> None:
        for n in range(start, start + count):
            day = D(2025, 10, n % 31 + 1)
            meeting = f.make_meeting(y.ma, date=day, status=MeetingStatus.SCHEDULED)
            f.make_open_lesson(y.ma, teacher=y.head, date=day, status=OpenLessonStatus.HELD)
            f.make_open_lesson(y.ma, teacher=y.member, date=day, visitors=[y.head])
            f.make_resolution(meeting, responsible=y.head, due=day)

    add(5, 0)
    client.force_login(user)
    with CaptureQueriesContext(connection) as few:
        html = client.get(MINE, {"month": "2025-10"}).content.decode()
    assert len(uids(html)) == 20

    add(45, 5)
    with django_assert_num_queries(len(few.captured_queries)):
        html = client.get(MINE, {"month": "2025-10"}).content.decode()
    assert len(uids(html)) == 200


def test_the_month_picker_offers_the_school_years_months_august_first(client, ma_year):
    client.force_login(f.make_user(ma_year.member))
    html = client.get(MINE, {"month": "2025-08"}).content.decode()
    picker = html[html.index('id="month-pick"') : html.index("</select>", html.index("month-pick"))]
    offered = re.findall(r'value="(\d{4}-\d{2})"', picker)
    assert offered == ma_year.year.months()
    assert offered[0] == "2025-08" and offered[-1] == "2026-05"
    assert 'value="2025-08" selected' in picker
    # July belongs to no school year of the school: no picker, the month is still shown.
    html = client.get(MINE, {"month": "2025-07"}).content.decode()
    assert 'id="month-pick"' not in html
