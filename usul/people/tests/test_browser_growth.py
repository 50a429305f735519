"""A teacher on a phone (360 px) writes her self-development topic of the year, adds a
creative report after a refused date, and records a course; her MA head reads both."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from usul.conftest import browser_login
from usul.people.models import Course, CreativeReport
from usul.testing import factories as f


@pytest.fixture
def live_teacher(transactional_db):
    """A school whose year runs today (the live server runs on the real date), a teacher of
    an MA and its head."""
    today = timezone.localdate()
    school = f.make_school(key="sch-17", district=f.make_district(key="osh-city"))
    f.make_year(
        school, key="live", start=today - dt.timedelta(days=60), end=today + dt.timedelta(days=120)
    )
    teacher = f.make_staff(school, key="t-asanova", last_name="Асанова")
    head = f.make_staff(school, key="t-head", last_name="Жетекчиева")
    ma = f.make_association(school, key="ma-stem", name="Табигый цикл")
    for person in (teacher, head):
        f.add_member(ma, person)
    f.add_head(ma, head)
    f.make_user(teacher, username="mugalim")
    f.make_user(head, username="jetekchi")
    return teacher


@pytest.mark.browser
def test_a_teacher_keeps_her_self_development_and_courses_on_a_phone(page, live_teacher):
    today = timezone.localdate()
    browser_login(page, "mugalim")
    page.goto(f"{page.base_url}/staff/sch-17/t-asanova/self-development/")
    page.fill("#id_topic", "Сабакта функционалдык сабаттуулук")
    page.fill("#id_expected_result", "Маселе чыгаруу көндүмү")
    page.click("#topic button[type=submit]")
    expect(page.locator("#history")).to_contain_text("Сабакта функционалдык сабаттуулук")
    page.fill("#id_date", (today + dt.timedelta(days=1)).isoformat())
    page.fill("#id_form", "Ачык сабак")
    page.click("#reports button[type=submit]")
    expect(page.locator("#reports")).to_contain_text("келечектеги күн")
    page.fill("#id_date", today.isoformat())
    page.click("#reports button[type=submit]")
    expect(page.locator("#reports li")).to_contain_text("Ачык сабак")
    assert CreativeReport.objects.count() == 1
    page.goto(f"{page.base_url}/qualification/sch-17/t-asanova/")
    page.fill("#id_title", "Инклюзивдик билим берүү")
    page.fill("#id_start", (today - dt.timedelta(days=10)).isoformat())
    page.fill("#id_end", (today - dt.timedelta(days=12)).isoformat())
    page.click("#courses button[type=submit]")
    expect(page.locator("#courses")).to_contain_text("«Аягы»")
    page.fill("#id_end", (today - dt.timedelta(days=5)).isoformat())
    page.click("#courses button[type=submit]")
    expect(page.locator("#courses table")).to_contain_text("Инклюзивдик билим берүү")
    assert Course.objects.count() == 1
    page.context.clear_cookies()
    browser_login(page, "jetekchi")
    page.goto(f"{page.base_url}/qualification/sch-17/t-asanova/")
    expect(page.locator("#courses table")).to_contain_text("Инклюзивдик билим берүү")
    expect(page.locator("#id_title")).to_have_count(0)
