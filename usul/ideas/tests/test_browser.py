"""The bank's journey on a phone (360 px): a teacher uploads a material from the menu, the head
of her MA marks it ready and publishes it, and a teacher of another MA finds it by a Kyrgyz word
typed in capitals (SVC-T2, HEAD-D9, HEAD-D10)."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from usul.conftest import browser_login
from usul.lib.tests import hostile_files
from usul.testing import factories as f


@pytest.fixture
def live_school(transactional_db, tmp_path):
    today = timezone.localdate()
    school = f.make_school(key="sch-17", district=f.make_district(key="osh-city"))
    f.make_year(
        school, key="live", start=today - dt.timedelta(days=60), end=today + dt.timedelta(days=120)
    )
    since = today - dt.timedelta(days=90)
    teacher = f.make_staff(school, key="t-bekova", last_name="Бекова", first_name="Жаңыл")
    head = f.make_staff(school, key="t-head", last_name="Асанова", first_name="Айгүл")
    other = f.make_staff(school, key="t-other", last_name="Токтосунова", first_name="Нуриза")
    stem = f.make_association(school, key="ma-stem", created_on=today - dt.timedelta(days=400))
    lang = f.make_association(
        school, key="ma-lang", name="Тил цикли", created_on=today - dt.timedelta(days=400)
    )
    for person in (teacher, head):
        f.add_member(stem, person, start=since)
    f.add_head(stem, head, start=since)
    f.add_member(lang, other, start=since)
    for person, username in ((teacher, "bekova"), (head, "head"), (other, "other")):
        f.make_user(person, username=username)
    pdf = tmp_path / "Сабак.pdf"
    pdf.write_bytes(hostile_files.pdf())
    return pdf


@pytest.fixture(autouse=True)
def storage(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "files"


def narrow(page) -> None:
    assert page.evaluate("document.documentElement.scrollWidth") <= 360


@pytest.mark.browser
def test_a_teacher_uploads_the_head_publishes_another_teacher_finds_it(page, live_school):
    browser_login(page, "bekova")
    page.click("nav.main a[href='/ideas/']")
    page.wait_for_url("**/ideas/sch-17/")
    page.click("a[href='/ideas/sch-17/new/']")
    page.fill("input[name=title]", "Бөлчөктөр: сабактын планы")
    page.select_option("select[name=kind]", "lesson_plan")
    page.fill("textarea[name=description]", "Сабактарды оюн аркылуу өтүү, топтук иш.")
    page.set_input_files("input[name=file]", str(live_school))
    page.click("button[name=send][value='1']")
    expect(page.locator(".messages")).to_contain_text("жөнөтүлдү")
    narrow(page)
    address = page.url

    page.context.clear_cookies()
    browser_login(page, "head")
    page.goto(address)
    page.check("input[name=decision][value=ready]")
    page.fill("textarea[name=comment]", "Жакшы иштелген.")
    page.click("form[action$='/evaluate/'] button[type=submit]")
    expect(page.locator(".messages")).to_contain_text("Баа сакталды")
    page.click("form[action$='/publish/'] button[type=submit]")
    expect(page.locator(".messages")).to_contain_text("Жарыяланды")
    narrow(page)

    page.context.clear_cookies()
    browser_login(page, "other")
    page.click("nav.main a[href='/ideas/']")
    page.fill("input[name=q]", "САБАК")
    page.click("form[role=search] button[type=submit]")
    row = page.locator("tbody tr", has_text="Бөлчөктөр")
    expect(row).to_have_count(1)
    # Every word found is marked, in the title and the description alike.
    assert row.locator("mark").all_inner_texts() == ["сабактын", "Сабактарды"]
    narrow(page)
