"""The meeting journey on a phone (360 px): the head records a meeting with attendance and two
resolutions, and the responsible teacher finds them on her home page."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from usul.conftest import browser_login
from usul.meetings.models import Meeting
from usul.testing import factories as f


@pytest.fixture
def live_ma(transactional_db):
    """A school whose year is in progress today (the live server runs on the real date)."""
    today = timezone.localdate()
    school = f.make_school(key="sch-17", district=f.make_district(key="osh-city"))
    year = f.make_year(
        school, key="live", start=today - dt.timedelta(days=60), end=today + dt.timedelta(days=120)
    )
    head = f.make_staff(school, key="t-head", last_name="Жумабаева", first_name="Нургүл")
    asanova = f.make_staff(school, key="t-asanova", last_name="Асанова", first_name="Айгүл")
    bekova = f.make_staff(school, key="t-bekova", last_name="Бекова", first_name="Үмүт")
    ma = f.make_association(
        school,
        key="ma-stem",
        name="Табигый-математикалык цикл",
        created_on=today - dt.timedelta(days=400),
    )
    since = today - dt.timedelta(days=90)
    for staff in (head, asanova, bekova):
        f.add_member(ma, staff, start=since)
    f.add_head(ma, head, start=since)
    f.make_user(head, username="head")
    f.make_user(asanova, username="asanova")
    return today, year


@pytest.mark.browser
def test_the_head_records_a_meeting_and_the_responsible_teacher_sees_it_at_home(page, live_ma):
    today, _year = live_ma
    meeting_day = today - dt.timedelta(days=2)

    browser_login(page, "head")
    page.click("nav.main a[href='/meetings/']")
    page.click("a[href^='/meetings/sch-17/ma-stem/']")
    page.fill("input[name=date]", f"{meeting_day:%Y-%m-%d}")
    page.fill("textarea[name=agenda]", "Биринчи чейректин жыйынтыгы\nОлимпиадага даярдык")
    page.click("form[action$='/new/'] button[type=submit]")
    page.wait_for_url("**/meetings/sch-17/m/*/")
    meeting = Meeting.objects.get()
    assert meeting.number == 1 and meeting.date == meeting_day

    # Attendance with one tap per member; htmx swaps only the row.
    asanova = page.locator("li[data-staff='t-asanova']")
    asanova.locator("button[value=present]").click()
    expect(asanova.locator("button[value=present]")).to_have_attribute("aria-pressed", "true")
    bekova = page.locator("li[data-staff='t-bekova']")
    bekova.locator("button[value=excused]").click()
    expect(bekova.locator("button[value=excused]")).to_have_attribute("aria-pressed", "true")
    box = asanova.locator("button[value=present]").bounding_box()
    assert box["height"] >= 44  # a thumb's tap target
    page.click("form[action$='/attendance/all-present/'] button")
    expect(page.locator("li[data-staff='t-head'] button[value=present]")).to_have_attribute(
        "aria-pressed", "true"
    )

    page.fill("textarea[name=minutes]", "Асанова А. биринчи чейректин жыйынтыгын айтты.")
    page.click("form[action$='/minutes/'] button[type=submit]")

    for text, due in [
        ("Олимпиадага катышуучулардын тизмесин түзүү", today - dt.timedelta(days=1)),
        ("Ачык сабактын планын даярдоо", today + dt.timedelta(days=3)),
    ]:
        page.fill("#resolution-form textarea[name=text]", text)
        page.select_option("#resolution-form select[name=responsible]", "t-asanova")
        page.fill("#resolution-form input[name=due]", f"{due:%Y-%m-%d}")
        page.click("#resolution-form button[type=submit]")
        expect(page.locator("tr[data-resolution]").last).to_contain_text(text)
    assert page.locator("tr[data-resolution]").count() == 2

    page.click("form[action$='/hold/'] button")
    expect(page.locator("[data-status]")).to_have_attribute("data-status", "held")
    assert page.locator("[data-flag='no-resolutions']").count() == 0
    assert page.evaluate("document.documentElement.scrollWidth") <= 360  # nothing sideways

    # The responsible teacher logs in: both resolutions wait on her home page.
    page.context.clear_cookies()
    browser_login(page, "asanova")
    # (The notifications app lists the assignments too; these are the resolutions' own items.)
    attention = page.locator("ul.attention")
    expect(attention).to_contain_text("Олимпиадага катышуучулардын тизмесин түзүү")
    expect(attention).to_contain_text("Ачык сабактын планын даярдоо")
    overdue = attention.locator("li.warning:has(a[href$='#resolutions'])")
    expect(overdue).to_contain_text("мөөнөтү өтүп кетти")
    expect(overdue).to_contain_text("Олимпиадага катышуучулардын тизмесин түзүү")
    due_soon = attention.locator("li.info:has(a[href$='#resolutions'])")
    expect(due_soon).to_contain_text("Мөөнөтү")
    overdue.locator("a").first.click()
    page.wait_for_url("**/meetings/sch-17/m/*/#resolutions")
    expect(page.locator("tr[data-resolution='1']")).to_contain_text("Асанова А.")
