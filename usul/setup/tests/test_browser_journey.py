"""The whole journey in Chromium on a phone (360 px), in Kyrgyz, with two-factor log-in
required: an empty installation → the set-up (one step refused, then reloaded) → the
administrator enrols a phone → the staff roster from Excel → log-in slips → a teacher logs in
with her slip, chooses her own password and sees her home page. The content security policy
refuses nothing on the way."""

from __future__ import annotations

import datetime as dt

import pytest
from playwright.sync_api import expect

from usul.accounts.tests.test_browser_accounts import phone_code
from usul.conftest import browser_login
from usul.roster.workbook import write_roster
from usul.schools.models import School
from usul.setup import state

NEXT = "form.stack button[type=submit]"


def _fill(page, values: dict) -> None:
    for name, value in values.items():
        page.fill(f"[name={name}]", value)


@pytest.mark.browser
def test_from_an_empty_installation_to_a_teachers_home_page(
    transactional_db, page, settings, tmp_path
):
    settings.USUL_FIRST_RUN = True
    settings.USUL_REQUIRE_2FA = True
    settings.USUL_HOME = tmp_path
    state.forget()
    refused = []
    page.on("console", lambda m: refused.append(m.text) if "Content Security" in m.text else 0)

    # Any page of the empty installation opens the set-up, in Kyrgyz.
    page.goto(f"{page.base_url}/")
    assert page.url.endswith("/setup/school/")
    assert page.locator("html").get_attribute("lang") == "ky"
    _fill(
        page,
        {
            "district_name": "Ош шаардык усулдук бөлмөсү",
            "district_key": "osh-city",
            "school_name": "№17 орто мектеби",
        },
    )
    page.click(NEXT)
    page.wait_for_load_state("networkidle")
    expect(page.locator("ul.errorlist")).to_contain_text("Мектептин ачкычы")
    page.goto(f"{page.base_url}/setup/school/")  # the refused step's address, reloaded
    _fill(
        page,
        {
            "district_name": "Ош шаардык усулдук бөлмөсү",
            "district_key": "osh-city",
            "school_name": "№17 орто мектеби",
            "school_key": "sch-17",
        },
    )
    page.click(NEXT)
    page.wait_for_url("**/setup/year/")
    page.fill("[name=year_theme]", "Окуучулардын функционалдык сабаттуулугун өнүктүрүү")
    page.click(NEXT)
    page.wait_for_url("**/setup/subjects/")
    assert page.locator("fieldset legend").count() == 5
    page.click(NEXT)
    page.wait_for_url("**/setup/account/")
    _fill(
        page,
        {
            "account_last_name": "Осмонова",
            "account_first_name": "Гүлнара",
            "account_username": "admin",
            "account_password": "жашыл тоо 2025",
            "account_password_again": "жашыл тоо 2025",
        },
    )
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    page.click(NEXT)
    page.wait_for_load_state("networkidle")

    # Logged in as the administrator, who enrols a phone before any page opens.
    assert page.url.endswith("/account/two-factor/")
    page.fill("#id_code", phone_code("admin"))
    page.get_by_role("button", name="Каттоо").click()
    page.wait_for_load_state("networkidle")
    page.get_by_role("link", name="Даяр").click()
    page.wait_for_load_state("networkidle")
    assert School.objects.get().key == "sch-17"

    # The staff roster from Excel, written by the roster's own template writer.
    roster = tmp_path / "roster.xlsx"
    roster.write_bytes(
        write_roster(
            language="ky",
            rows=[
                {
                    "last_name": "Бекова",
                    "first_name": "Айжан",
                    "birth_date": dt.date(1990, 4, 2),
                    "position": "teacher",
                    "position_from": dt.date(2015, 9, 1),
                    "subjects": "math",
                }
            ],
        )
    )
    page.goto(f"{page.base_url}/roster/sch-17/")
    page.set_input_files("input[name=roster]", str(roster))
    page.get_by_role("button", name="Тизмени текшерүү").click()
    expect(page.get_by_role("heading", name="Эмне өзгөрөт")).to_be_visible()
    page.get_by_role("button", name="Импортту ырастоо").click()
    page.wait_for_url("**/staff/sch-17/")
    expect(page.locator("main")).to_contain_text("Бекова")

    # Log-in slips for everyone without a log-in.
    page.goto(f"{page.base_url}/accounts/sch-17/")
    page.get_by_role("button", name="Кирүүсү жоктордун баарына кирүү түзүү").click()
    page.wait_for_load_state("networkidle")
    slip = page.locator("article.slip")
    assert slip.count() == 1
    username = slip.locator(".slip-username").inner_text()
    password = slip.locator(".slip-password").inner_text()
    page.get_by_role("button", name="Чыгуу").click()
    page.wait_for_load_state("networkidle")

    # The teacher with her slip: her own password first, then her home page.
    browser_login(page, username, password)
    assert page.url.endswith("/account/")
    page.fill("#id_old_password", password)
    page.fill("#id_new_password1", "менин өз сырсөзүм")
    page.fill("#id_new_password2", "менин өз сырсөзүм")
    page.get_by_role("button", name="Сырсөздү сактоо").click()
    page.wait_for_load_state("networkidle")
    assert page.locator("h1").inner_text() == "Саламатсызбы, Айжан!"
    assert refused == []
    state.forget()
