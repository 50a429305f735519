"""The deputy saves a staff card on a phone (360 px): unchanged, with one new category row,
and with a half-filled row that says which field is missing."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from playwright.sync_api import expect

from usul.conftest import browser_login
from usul.people.models import Role
from usul.testing import factories as f


@pytest.fixture
def live_card(transactional_db):
    """A school whose year runs today (the live server runs on the real date), its deputy
    for teaching and upbringing, and a teacher's full card."""
    today = timezone.localdate()
    school = f.make_school(key="sch-17", district=f.make_district(key="osh-city"))
    year = f.make_year(
        school, key="live", start=today - dt.timedelta(days=60), end=today + dt.timedelta(days=120)
    )
    deputy = f.make_staff(
        school, key="t-deputy", roles=(Role.DEPUTY_ACADEMIC,), last_name="Эңлиева"
    )
    f.make_user(deputy, username="zam-uvr")
    teacher = f.make_staff(school, key="t-asanova", birth_date=dt.date(1985, 3, 12))
    f.make_employment(teacher, start=dt.date(2008, 9, 1), organization="№5 мектеп")
    f.make_category(teacher, category="second", awarded=dt.date(2020, 4, 10))
    math = f.make_subject(school, key="math")
    teacher.teaching.create(year=year, subject=math, grades=[5, 6], hours_per_week=18)
    return teacher


def rows(page, section: str):
    return page.locator(f"fieldset:has(input[name='{section}-TOTAL_FORMS']) .row-form")


@pytest.mark.browser
def test_the_deputy_saves_a_card_adds_a_category_and_is_told_what_a_half_row_lacks(page, live_card):
    edit = f"{page.base_url}/staff/sch-17/t-asanova/edit/"
    detail = f"{page.base_url}/staff/sch-17/t-asanova/"
    browser_login(page, "zam-uvr")

    # Unchanged: the blank "new row" lines are no rows at all.
    page.goto(edit)
    page.click("form[novalidate] > button[type=submit]")
    page.wait_for_url(detail)
    with translation.override("ky"):
        expect(page.locator("ul.messages")).to_contain_text(_("The card is saved."))
    assert page.locator(".errorlist").count() == 0
    assert live_card.categories.count() == 1

    # One new category row.
    page.goto(edit)
    new_row = rows(page, "categories").last
    new_row.locator("select[name$='-category']").select_option("first")
    new_row.locator("input[name$='-awarded']").fill("2025-04-10")
    page.click("form[novalidate] > button[type=submit]")
    page.wait_for_url(detail)
    assert sorted(live_card.categories.values_list("category", flat=True)) == ["first", "second"]

    # A half-filled row: the category without its date stays on the page with the message.
    page.goto(edit)
    new_row = rows(page, "categories").last
    new_row.locator("select[name$='-category']").select_option("highest")
    page.click("form[novalidate] > button[type=submit]")
    assert page.url == edit
    number = rows(page, "categories").count()
    with translation.override("ky"):
        expected = _("Row %(number)s: fill in %(fields)s or clear the row.") % {
            "number": number,
            "fields": f"“{_('Awarded')}”",
        }
    message = rows(page, "categories").last.locator("ul.errorlist.nonfield")
    expect(message).to_have_text(expected)
    assert live_card.categories.count() == 2
    assert page.viewport_size["width"] == 360
    # Nothing runs off the side of the phone.
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
