"""Qualification upgrading and certification (HEAD-D3, SVC-D2, DUTY-1) as users meet them: the
teacher records her courses, the leadership her categories with their order; bad input named by
field; reminders at both sides of their boundaries on the home pages of the person, her MA head
and the deputy; the summary; nobody else reads any of it."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django.utils import timezone

from usul.accounts.policy import viewer_for
from usul.lib.dates import add_months, add_years
from usul.people import services
from usul.people.models import Course
from usul.people.selectors import growth_due
from usul.people.services import Row
from usul.testing import factories as f

D = dt.date
TODAY = D(2026, 3, 10)


def _course(scene, actor="teacher", **values):
    values = {"title": "Санариптик сабат", "start": D(2025, 11, 3), "end": D(2025, 11, 7)} | values
    viewer = viewer_for(scene.users[actor], today=TODAY)
    return services.course_add(actor=viewer, staff=scene.teacher, **values)


def _refused(field, call):
    with pytest.raises(ValidationError) as refused:
        call()
    assert field in refused.value.message_dict, refused.value.message_dict
    return refused.value.message_dict[field][0]


def test_a_course_ending_before_it_starts_is_refused_on_its_end(scene):
    message = _refused("end", lambda: _course(scene, start=D(2025, 11, 7), end=D(2025, 11, 6)))
    assert "07.11.2025" in message
    assert _course(scene, start=D(2025, 11, 7), end=D(2025, 11, 7)).pk  # one day is a course


def test_a_course_begun_today_is_recorded_one_beginning_tomorrow_is_not(scene):
    assert _course(scene, start=TODAY, end=TODAY + dt.timedelta(4)).pk
    _refused(
        "start", lambda: _course(scene, start=TODAY + dt.timedelta(1), end=TODAY + dt.timedelta(4))
    )


def test_a_certificate_number_appears_once_among_the_persons_courses(scene):
    _course(scene, certificate="КР-0451")
    message = _refused("certificate", lambda: _course(scene, title="Башка", certificate="кр-0451"))
    assert "КР-0451" in message or "кр-0451" in message
    # Another person may hold the same number (another provider's series).
    viewer = viewer_for(scene.users["colleague"], today=TODAY)
    services.course_add(
        actor=viewer,
        staff=scene.colleague,
        title="Курс",
        start=D(2025, 1, 1),
        end=D(2025, 1, 2),
        certificate="КР-0451",
    )


def test_only_the_person_and_the_leadership_record_courses(scene):
    for role in ("colleague", "head", "district"):
        with pytest.raises(PermissionDenied):
            _course(scene, actor=role)
    assert _course(scene, actor="deputy").staff == scene.teacher


def test_a_category_is_never_awarded_in_the_future_and_keeps_its_order(scene):
    deputy = viewer_for(scene.users["deputy"])
    today = timezone.localdate()
    row = {"category": "first", "awarded": today + dt.timedelta(1), "valid_until": None}
    with pytest.raises(ValidationError) as refused:
        services.staff_update(actor=deputy, staff=scene.teacher, values={}, categories=[Row(row)])
    assert "categories[0].awarded" in refused.value.message_dict
    row = row | {"awarded": today, "order": "№ 45, 12.03.2024"}
    services.staff_update(actor=deputy, staff=scene.teacher, values={}, categories=[Row(row)])
    assert scene.teacher.categories.get(awarded=today).order == "№ 45, 12.03.2024"


@pytest.mark.parametrize(
    ("valid_until", "due"),
    [(add_months(TODAY, 6), True), (add_months(TODAY, 6) + dt.timedelta(1), False)],
)
def test_a_category_is_reminded_of_six_months_ahead(scene, valid_until, due):
    f.make_category(scene.teacher, awarded=D(2023, 4, 10), valid_until=valid_until)
    _course(scene)
    row = growth_due(scene.school, scene.teacher, TODAY)
    assert (row.category is not None) is due


def test_the_months_ahead_are_the_schools_setting(scene):
    f.make_category(scene.teacher, awarded=D(2023, 4, 10), valid_until=add_months(TODAY, 4))
    assert growth_due(scene.school, scene.teacher, TODAY).category is not None
    scene.school.category_reminder_months = 3
    assert growth_due(scene.school, scene.teacher, TODAY).category is None


@pytest.mark.parametrize(
    ("ended", "due"),
    [(add_years(TODAY, -5), False), (add_years(TODAY, -5) - dt.timedelta(1), True)],
)
def test_a_course_is_due_after_five_years_without_one(scene, ended, due):
    _course(scene, start=ended - dt.timedelta(5), end=ended)
    assert growth_due(scene.school, scene.teacher, TODAY).course_due is due


def test_no_course_at_all_is_due(scene):
    row = growth_due(scene.school, scene.teacher, TODAY)
    assert row.course_due and row.last_course is None


def test_reminders_on_the_home_pages_of_the_person_her_head_and_the_deputy(as_user, scene):
    today = timezone.localdate()
    f.make_category(scene.teacher, awarded=add_years(today, -1), valid_until=add_months(today, 2))
    home = as_user("teacher").get(reverse("home:home")).content.decode()
    assert "Квалификациялык категорияңыз" in home
    assert reverse("qualification:person", args=[scene.school.key, scene.teacher.key]) in home
    summary = reverse("qualification:summary", args=[scene.school.key])
    for role in ("head", "deputy"):
        home = as_user(role).get(reverse("home:home")).content.decode()
        assert f'href="{summary}"' in home, role
    page = as_user("deputy").get(summary).content.decode()
    assert 'data-staff="t-bekova"' in page
    # A colleague is told nothing of her, and cannot open her page.
    colleague = as_user("class_teacher")
    assert f'href="{summary}"' not in colleague.get(reverse("home:home")).content.decode()
    assert 'data-staff="t-bekova"' not in colleague.get(summary).content.decode()
    person = reverse("qualification:person", args=[scene.school.key, scene.teacher.key])
    assert colleague.get(person).status_code == 404


def test_the_teacher_records_a_course_on_her_page_once(as_user, scene):
    client = as_user("teacher")
    url = reverse("qualification:course_add", args=[scene.school.key, scene.teacher.key])
    bad = client.post(
        url, {"once": "a", "title": "Курс", "start": "2025-11-07", "end": "2025-11-01"}
    )
    assert bad.status_code == 400 and "07.11.2025" in bad.content.decode()
    assert client.get(url).status_code == 200  # a reload of the refused form
    form = {
        "once": "b",
        "title": "Инклюзивдик билим берүү",
        "provider": "КББА",
        "hours": "72",
        "start": "2025-11-01",
        "end": "2025-11-07",
        "certificate": "№ 1187",
    }
    first, second = client.post(url, form), client.post(url, form)
    assert first.status_code == second.status_code == 302
    assert Course.objects.filter(staff=scene.teacher).count() == 1
    page = client.get(first["Location"]).content.decode()
    assert "Инклюзивдик билим берүү" in page and "№ 1187" in page
