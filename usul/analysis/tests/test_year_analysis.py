"""ORG-5, DOC-5: the deputy's year-end analysis, drafted from the year's records."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from usul.analysis import services as s
from usul.analysis.models import YearAnalysis
from usul.analysis.selectors import draft_analysis, year_summary
from usul.meetings.models import Attendance
from usul.people.models import Course
from usul.planning.tests.conftest import act
from usul.planning.tests.test_plan_page import login
from usul.schools.models import SchoolYear
from usul.testing import factories as f

D = dt.date
AS_OF = D(2026, 5, 20)


def meeting(ma, year, number, day, status="held"):
    return f.make_meeting(
        ma, year=year, number=number, date=day, status=status, key=f"m-{ma.key}-{number}"
    )


@pytest.fixture
def busy_year(school, ma, year, head, teacher):
    """Three meetings held, one scheduled after AS_OF, one cancelled; resolutions; attendance;
    plan items; open lessons; a course and a certification in the year and one outside it."""
    first = meeting(ma, year, 1, D(2025, 8, 29))  # late August still belongs to the year
    second = meeting(ma, year, 2, D(2025, 11, 10))
    meeting(ma, year, 3, D(2026, 1, 15))
    meeting(ma, year, 4, D(2026, 5, 28), status="scheduled")
    meeting(ma, year, 5, D(2026, 3, 1), status="cancelled")
    f.make_resolution(first, text="a", status="done")
    f.make_resolution(first, text="b", due=D(2026, 5, 19))  # overdue
    f.make_resolution(second, text="c", due=AS_OF)  # due today: not yet
    f.make_resolution(second, text="d", status="cancelled")
    for staff, status in ((head, "present"), (teacher, "absent")):
        Attendance.objects.create(meeting=first, staff=staff, status=status)
    Attendance.objects.create(meeting=second, staff=head, status="present")
    Attendance.objects.create(meeting=second, staff=teacher, status="excused")

    plan = f.make_plan(ma, year=year)
    for kind, status in (
        ("seminar", "done"),
        ("training", "done"),
        ("meeting", "planned"),
        ("extracurricular", "cancelled"),
    ):
        f.add_plan_item(plan, month="2025-10", kind=kind, title=kind, status=status)

    def lesson(key, day, status):
        return f.make_open_lesson(
            ma, teacher=teacher, year=year, key=key, topic=key, date=day, status=status
        )

    observed = lesson("ol-1", D(2025, 10, 14), "held")
    lesson("ol-2", D(2026, 2, 3), "held")
    lesson("ol-3", D(2026, 5, 27), "scheduled")
    for observer in (head, teacher):
        f.make_observation(teacher=teacher, observer=observer, open_lesson=observed, summary="")
    Course.objects.create(
        staff=teacher,
        title="Санариптик сабаттуулук",
        hours=72,
        start=D(2025, 11, 3),
        end=D(2025, 11, 14),
    )
    Course.objects.create(staff=teacher, title="Эски курс", start=D(2024, 6, 3), end=D(2024, 6, 14))
    f.make_category(head, category="highest", awarded=D(2026, 4, 10))
    f.make_category(teacher, category="first", awarded=D(2021, 4, 10))
    return plan


def test_the_years_figures_are_counted_as_of_a_date(busy_year, ma, year, head, teacher, deputy):
    summary = year_summary(act(deputy), ma, year, AS_OF)
    assert (summary.meetings_held, summary.meetings_planned) == (3, 4)
    assert (summary.resolutions, summary.resolutions_done) == (3, 1)
    assert (summary.resolutions_open, summary.resolutions_overdue) == (2, 1)
    assert (summary.present, summary.absent, summary.excused) == (2, 1, 1)
    assert summary.attendance_rate == 50
    assert (summary.items, summary.items_done, summary.items_cancelled) == (3, 2, 1)
    assert summary.items_done_by_kind == {"seminar": 1, "training": 1}
    assert (summary.lessons_planned, summary.lessons_held, summary.lessons_observed) == (3, 2, 1)
    assert summary.observations == 2
    assert [c.title for _s, c in summary.courses] == ["Санариптик сабаттуулук"]
    assert [(st, c.category) for st, c in summary.certifications] == [(head, "highest")]
    assert summary.last_meeting.number == 4

    # The day after, the resolution due on AS_OF is overdue too.
    assert (
        year_summary(act(deputy), ma, year, AS_OF + dt.timedelta(days=1)).resolutions_overdue == 2
    )

    text, proposals = draft_analysis(summary, year)
    assert "held 3 of 4 planned meetings" in text and "50% present" in text
    assert any("ORG-4" in p for p in proposals)  # fewer than four meetings held
    assert any("HEAD-D1" in p for p in proposals)  # an open lesson went unobserved


def test_the_analysis_date_runs_from_the_year_start_to_the_summers_end(school, deputy, ma, year):
    def save(day, revision=None):
        return s.analysis_save(
            actor=act(deputy, AS_OF),
            association=ma,
            year=year,
            revision=revision,
            date=day,
            text="Талдоо",
            proposals="Сунуш 1\nСунуш 2",
        )

    for outside in (D(2025, 8, 31), D(2026, 9, 1)):
        with pytest.raises(ValidationError) as refused:
            save(outside)
        assert "date" in refused.value.message_dict
    assert not YearAnalysis.objects.exists()
    analysis = save(D(2025, 9, 1))
    analysis = save(D(2026, 8, 31), revision=analysis.revision)
    assert analysis.proposals == ["Сунуш 1", "Сунуш 2"]
    assert analysis.author == deputy

    # Once the next year is recorded, the summer ends the day before it starts.
    SchoolYear.objects.create(
        school=school, key="2026-2027", start=D(2026, 8, 20), end=D(2027, 5, 31)
    )
    with pytest.raises(ValidationError):
        save(D(2026, 8, 20), revision=analysis.revision)
    assert save(D(2026, 8, 19), revision=analysis.revision).date == D(2026, 8, 19)


def test_the_analysis_needs_text_proposals_and_a_meeting_of_this_ma(school, deputy, head, ma, year):
    other = f.make_association(school, key="ma-other")
    elsewhere = meeting(other, year, 1, D(2026, 5, 25))
    with pytest.raises(ValidationError) as refused:
        s.analysis_save(
            actor=act(deputy),
            association=ma,
            year=year,
            revision=None,
            date=D(2026, 5, 25),
            text=" ",
            proposals=["", "  "],
            presented_at=elsewhere,
        )
    assert set(refused.value.message_dict) == {"text", "proposals", "presented_at"}
    with pytest.raises(PermissionDenied):
        s.analysis_save(
            actor=act(head),
            association=ma,
            year=year,
            revision=None,
            date=D(2026, 5, 25),
            text="Талдоо",
            proposals=["Сунуш"],
        )
    assert not YearAnalysis.objects.exists()


def test_two_deputies_writing_the_same_analysis_the_second_is_refused(
    deputy, second_deputy, ma, year
):
    last = meeting(ma, year, 4, D(2026, 5, 25))
    first = s.analysis_save(
        actor=act(deputy),
        association=ma,
        year=year,
        revision=None,
        date=D(2026, 5, 25),
        text="Биринчи",
        proposals=["Сунуш"],
        presented_at=last,
    )
    # The second deputy opened the page before the first saved: they send no revision.
    with pytest.raises(ValidationError) as stale:
        s.analysis_save(
            actor=act(second_deputy),
            association=ma,
            year=year,
            revision=None,
            date=D(2026, 5, 26),
            text="Экинчи",
            proposals=["Башка"],
        )
    assert "Осмонова Г." in stale.value.messages[0]
    first.refresh_from_db()
    assert (first.text, first.presented_at) == ("Биринчи", last)


def test_the_analysis_page_starts_from_a_draft_at_a_fixed_cost(
    client, busy_year, school, deputy, teacher, ma, year, django_assert_num_queries
):
    url = reverse("analysis:analysis", args=[school.key, ma.key, year.key])
    login(client, deputy)
    client.get(url)
    with CaptureQueriesContext(connection) as small:
        page = client.get(url).content.decode()
    assert "Санариптик сабаттуулук" in page  # the course, among the figures
    assert "ORG-4" in page  # a drafted proposal in the form

    for n in range(6, 16):
        held = meeting(ma, year, n, D(2026, 4, 1))
        f.make_resolution(held, text="x")
        Attendance.objects.create(meeting=held, staff=teacher, status="present")
    with django_assert_num_queries(len(small.captured_queries)):
        client.get(url)

    response = client.post(
        url, {"date": "2026-05-25", "text": "Жыйынтык", "proposals": "Бир", "presented_at": ""}
    )
    assert response.status_code == 302
    login(client, teacher)
    page = client.get(url).content.decode()
    assert "Жыйынтык" in page and "<form" not in page.split("</header>")[1]


def test_a_plain_teacher_reads_no_colleagues_courses_or_categories_on_the_analysis_page(
    client, busy_year, school, ma, year, head, teacher, deputy
):
    # GEN-3: courses and categories are personal data. The page once listed every member's to
    # any teacher of the MA, because the figures were read without the policy.
    colleague = f.make_staff(school, key="t-colleague", last_name="Асанова", first_name="Айжан")
    f.add_member(ma, colleague)
    url = reverse("analysis:analysis", args=[school.key, ma.key, year.key])

    login(client, colleague)
    response = client.get(url)
    assert response.status_code == 200
    assert "Санариптик сабаттуулук" not in response.content.decode()  # the teacher's course
    assert response.context["summary"].courses == []
    assert response.context["summary"].certifications == []  # the head's category

    login(client, teacher)  # their own course, never the head's category
    summary = client.get(url).context["summary"]
    assert [c.title for _s, c in summary.courses] == ["Санариптик сабаттуулук"]
    assert summary.certifications == []

    for reader in (head, deputy):
        login(client, reader)
        response = client.get(url)
        assert "Санариптик сабаттуулук" in response.content.decode()
        assert [(st, c.category) for st, c in response.context["summary"].certifications] == [
            (head, "highest")
        ]


def test_the_analysis_service_holds_the_pages_text_limit(ma, year, deputy):
    save = dict(
        actor=act(deputy, AS_OF), association=ma, year=year, revision=None, date=D(2026, 5, 20)
    )
    with pytest.raises(ValidationError) as refused:
        s.analysis_save(**save, text="т" * 30_001, proposals=["Сунуш"])
    assert list(refused.value.message_dict) == ["text"]
    assert not YearAnalysis.objects.exists()
    s.analysis_save(**save, text="т" * 30_000, proposals=["Сунуш"])
    assert YearAnalysis.objects.count() == 1
