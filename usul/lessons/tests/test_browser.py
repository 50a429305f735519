"""The open-lesson journey on a phone (360 px): a colleague records an observation of an open
lesson, and the teacher reads it."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from usul.accounts.policy import viewer_for
from usul.conftest import browser_login
from usul.lessons.models import Observation
from usul.lessons.services import open_lesson_schedule
from usul.testing import factories as f


@pytest.fixture
def live_lesson(transactional_db):
    """A school whose year is in progress today, and an open lesson given yesterday."""
    today = timezone.localdate()
    school = f.make_school(key="sch-17", district=f.make_district(key="osh-city"))
    year = f.make_year(
        school, key="live", start=today - dt.timedelta(days=60), end=today + dt.timedelta(days=120)
    )
    head = f.make_staff(school, key="t-head", last_name="Жумабаева", first_name="Нургүл")
    teacher = f.make_staff(school, key="t-asanova", last_name="Асанова", first_name="Айгүл")
    colleague = f.make_staff(school, key="t-bekova", last_name="Бекова", first_name="Үмүт")
    ma = f.make_association(
        school,
        key="ma-stem",
        name="Табигый-математикалык цикл",
        created_on=today - dt.timedelta(days=400),
    )
    since = today - dt.timedelta(days=90)
    for staff in (head, teacher, colleague):
        f.add_member(ma, staff, start=since)
    f.add_head(ma, head, start=since)
    head_user = f.make_user(head, username="head")
    f.make_user(teacher, username="asanova")
    f.make_user(colleague, username="bekova")
    return open_lesson_schedule(
        actor=viewer_for(head_user, today),
        association=ma,
        year=year,
        teacher=teacher,
        topic="Бөлчөктөрдү кошуу",
        date=today - dt.timedelta(days=1),
        subject=f.make_subject(school, key="math"),
        grade=6,
        class_label="Б",
    )


@pytest.mark.browser
def test_a_colleague_records_an_observation_and_the_teacher_reads_it(page, live_lesson):
    browser_login(page, "bekova")
    page.click("nav.main a[href='/lessons/']")
    page.wait_for_url("**/lessons/sch-17/")
    page.click(f"tr[data-lesson='{live_lesson.key}'] a[href$='/{live_lesson.key}/']")
    form = page.locator("#observation-form")
    for criterion, score in [("goal", 5), ("methods", 4), ("time", 3)]:
        form.locator(f"label:has(input[name=score_{criterion}][value='{score}'])").click()
    label = form.locator("label:has(input[name=score_goal][value='5'])").bounding_box()
    assert label["height"] >= 44 and label["width"] >= 44  # a thumb's tap target
    form.locator("textarea[name=strengths]").fill("Топтук иш жакшы уюштурулду")
    form.locator("textarea[name=recommendations]").fill("Убакытты так бөлүштүрүү")
    form.locator("select[name=judgement]").select_option("good")
    form.locator("button[type=submit]").click()
    expect(page.locator(".messages")).to_contain_text("Талдоо сакталды")
    observation = Observation.objects.get()
    assert observation.scores == {"goal": 5, "methods": 4, "time": 3}
    assert page.evaluate("document.documentElement.scrollWidth") <= 360

    page.context.clear_cookies()
    browser_login(page, "asanova")
    item = page.locator("ul.attention li:has(a[href$='#observations'])")
    expect(item).to_contain_text("Бекова Ү.")
    expect(item).to_contain_text("Бөлчөктөрдү кошуу")
    expect(item).to_contain_text("Жакшы")  # the judgement, read from the home page
    item.locator("a").click()
    page.wait_for_url(f"**/lessons/sch-17/{live_lesson.key}/#observations")
    observation_card = page.locator("article.observation")
    expect(observation_card).to_contain_text("Убакытты так бөлүштүрүү")
    expect(observation_card).to_contain_text("Жакшы")
    expect(observation_card).to_contain_text("Топтук иш жакшы уюштурулду")
    # The teacher's own summary page has the year's averages.
    page.click("a[href='/lessons/sch-17/teachers/t-asanova/']")
    expect(page.locator("#summary")).to_contain_text("5.0")
