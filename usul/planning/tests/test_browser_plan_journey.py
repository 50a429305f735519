"""The plan journey, in headless Chromium on a 360 px phone screen, in Kyrgyz:
the head drafts and submits the plan → the deputy returns it with a comment → the head fixes
it and resubmits → the deputy approves (ORG-2)."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import timezone

from usul.conftest import browser_login
from usul.planning.models import PlanStatus, WorkPlan
from usul.schools.models import SchoolYear
from usul.testing import factories as f


def log_out(page):
    page.click("header form[action$='/logout/'] button[type=submit]")
    page.wait_for_load_state("networkidle")


@pytest.mark.browser
def test_the_plan_goes_from_draft_to_approved_through_a_return(
    page, transactional_db, school, deputy
):
    # The live server runs on the real calendar: the school year is the one around today.
    today = timezone.localdate()
    start = dt.date(today.year if today.month >= 9 else today.year - 1, 9, 1)
    year = SchoolYear.objects.create(
        school=school,
        key=f"{start.year}-{start.year + 1}",
        start=start,
        end=dt.date(start.year + 1, 5, 31),
        theme="Функционалдык сабаттуулук",
    )
    ma = f.make_association(school, key="ma-stem", name="Табигый-математикалык цикл")
    head = f.make_staff(school, key="t-bekova", last_name="Бекова", first_name="Нургүл")
    f.add_member(ma, head, start=dt.date(2020, 9, 1))
    f.add_head(ma, head, start=dt.date(2020, 9, 1))
    f.add_supervisor(ma, deputy, start=dt.date(2020, 9, 1))
    f.make_user(head, username="bekova")
    f.make_user(deputy, username="osmonova")
    plan_path = f"/plans/{school.key}/{ma.key}/{year.key}/"

    # The head finds the plan through the menu and the school's grid, and starts it.
    browser_login(page, "bekova")
    page.click("nav.main a[href='/plans/']")
    page.click(f"a[href='{plan_path}']")
    page.click("form[action$='/start/'] button")
    page.fill("textarea[name=theme]", "Математикалык сабаттуулук")
    page.fill("textarea[name=goal]", "Окуучулардын маселе чыгаруу көндүмүн өстүрүү")
    page.fill("textarea[name=tasks]", "Ачык сабактар\nОлимпиадага даярдоо")
    page.check("input[name=reflects_school_theme]")
    page.click("form.card button[type=submit]")
    assert page.url.endswith(plan_path)

    first_month = f"{start.year}-10"
    page.click(f"a[href$='items/new/?month={first_month}']")
    page.select_option("select[name=kind]", "seminar")
    page.fill("input[name=date]", f"{start.year}-10-15")
    page.fill("textarea[name=title]", "Семинар: функционалдык сабаттуулук")
    page.click("form.card button[type=submit] >> nth=0")
    assert "Семинар: функционалдык сабаттуулук" in page.inner_text(f"#m-{first_month}")

    page.click("form[action$='/workflow/submit/'] button")
    assert page.get_attribute(".plan-status .badge", "data-status") == "submitted"
    log_out(page)

    # The deputy is told on the home page, opens the plan and returns it with a comment.
    browser_login(page, "osmonova")
    page.click(f".attention a[href='{plan_path}'] >> nth=0")
    page.fill("textarea[name=comment]", "Ачык сабактардын графигин кошуңуз (DOC-7)")
    page.click("form[action$='/workflow/return/'] button")
    assert page.get_attribute(".plan-status .badge", "data-status") == "returned"
    log_out(page)

    # The head reads the comment, adds the open lesson and resubmits.
    browser_login(page, "bekova")
    assert "Ачык сабактардын графигин кошуңуз" in page.inner_text(".attention")
    page.click(f".attention a[href='{plan_path}'] >> nth=0")
    assert "Ачык сабактардын графигин кошуңуз (DOC-7)" in page.inner_text("#return-comment")
    page.click(f"a[href$='items/new/?month={start.year}-11']")
    page.select_option("select[name=kind]", "open_lesson")
    page.fill("textarea[name=title]", "Ачык сабак: бөлчөктөр, 6-класс")
    page.click("form.card button[type=submit] >> nth=0")
    page.click("form[action$='/workflow/submit/'] button")
    assert page.get_attribute(".plan-status .badge", "data-status") == "submitted"
    log_out(page)

    # The deputy approves.
    browser_login(page, "osmonova")
    page.goto(page.base_url + plan_path)
    page.click("form[action$='/workflow/approve/'] button")
    assert page.get_attribute(".plan-status .badge", "data-status") == "approved"
    assert "Осмонова Г." in page.inner_text(".plan-status")

    plan = WorkPlan.objects.get(association=ma, year=year)
    assert (plan.status, plan.approved_by, plan.approved_at) == (PlanStatus.APPROVED, deputy, today)
    assert plan.items.count() == 2
