"""The proposal journey on a phone (360 px): a teacher sends a proposal from the menu, the deputy
director finds it on her home page and answers, the teacher reads the answer (RIGHT-1)."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from usul.conftest import browser_login
from usul.people.models import Role
from usul.rights.models import Appeal
from usul.testing import factories as f


@pytest.fixture
def live_school(transactional_db):
    today = timezone.localdate()
    school = f.make_school(key="sch-17", district=f.make_district(key="osh-city"))
    f.make_year(
        school, key="live", start=today - dt.timedelta(days=60), end=today + dt.timedelta(days=120)
    )
    deputy = f.make_staff(
        school, key="t-deputy", roles=(Role.DEPUTY_ACADEMIC,), last_name="Осмонова"
    )
    teacher = f.make_staff(school, key="t-asanova", last_name="Асанова", first_name="Айгүл")
    ma = f.make_association(school, key="ma-stem", created_on=today - dt.timedelta(days=400))
    f.add_member(ma, teacher, start=today - dt.timedelta(days=90))
    f.make_user(deputy, username="deputy")
    f.make_user(teacher, username="asanova")
    return school


@pytest.mark.browser
def test_a_teacher_proposes_the_deputy_answers_the_teacher_reads(page, live_school):
    browser_login(page, "asanova")
    page.click("nav.main a[href='/proposals/']")
    page.wait_for_url("**/proposals/sch-17/")
    form = page.locator("#new form")
    form.locator("input[name=title]").fill("Ийримдерди кеңейтүү")
    form.locator("textarea[name=text]").fill("Ар бир параллелге өз ийрими керек.")
    form.locator("button[type=submit]").click()
    expect(page.locator(".messages")).to_contain_text("Жөнөтүлдү")
    assert page.evaluate("document.documentElement.scrollWidth") <= 360

    page.context.clear_cookies()
    browser_login(page, "deputy")
    item = page.locator("ul.attention li", has_text="Ийримдерди кеңейтүү")
    expect(item).to_contain_text("Асанова А.")
    item.locator("a").click()
    page.locator("select[name=status]").select_option("accepted")
    page.locator("textarea[name=answer]").fill("Кийинки окуу жылынан баштайбыз.")
    page.locator("form[action$='/answer/'] button[type=submit]").click()
    expect(page.locator(".messages")).to_contain_text("Жооп сакталды")
    assert page.evaluate("document.documentElement.scrollWidth") <= 360

    page.context.clear_cookies()
    browser_login(page, "asanova")
    item = page.locator("ul.attention li", has_text="Ийримдерди кеңейтүү")
    expect(item).to_contain_text("кабыл алынды")
    item.locator("a").click()
    expect(page.locator("#answer")).to_contain_text("Кийинки окуу жылынан баштайбыз.")
    assert Appeal.objects.get().status == "accepted"
