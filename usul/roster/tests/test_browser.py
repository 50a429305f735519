"""In Chromium on a phone (360 px), in Kyrgyz: a deputy brings the staff roster from Excel —
a file with a mistake is refused with the row and column, the corrected one is previewed and
confirmed, and the new colleague is on the staff list."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from usul.conftest import browser_login
from usul.people.models import Staff
from usul.roster.tests.helpers import xlsx
from usul.testing import factories as f

HEADERS = ["Фамилиясы", "Аты", "Туулган күнү", "Кызматы", "Кызматта качантан бери"]


@pytest.mark.browser
def test_a_deputy_imports_the_roster_on_a_phone(page, transactional_db, settings, tmp_path):
    settings.USUL_HOME = tmp_path
    school = f.make_school(key="sch-17", district=f.make_district(key="osh-city"))
    f.make_year(school)
    deputy = f.make_staff(
        school, roles=("deputy_academic",), last_name="Осмонова", first_name="Гүлнара"
    )
    f.make_user(deputy, username="gulnara")
    wrong = tmp_path / "wrong.xlsx"
    wrong.write_bytes(xlsx(HEADERS, [["Асанова", "Айгүл", "12.03.2099", "мугалим", "01.09.2010"]]))
    right = tmp_path / "right.xlsx"
    right.write_bytes(xlsx(HEADERS, [["Асанова", "Айгүл", "12.03.1980", "мугалим", "01.09.2010"]]))

    browser_login(page, "gulnara")
    page.goto(f"{page.base_url}/staff/sch-17/")
    page.get_by_role("link", name="Excel'ден жүктөө").click()
    page.wait_for_url("**/roster/sch-17/")

    page.set_input_files("input[name=roster]", str(wrong))
    page.get_by_role("button", name="Тизмени текшерүү").click()
    expect(
        page.get_by_role("heading", name="Тизмеде 1 ката бар; эч нерсе жүктөлгөн жок.")
    ).to_be_visible()
    cells = page.locator("table.roster-errors tbody tr td")
    assert cells.all_inner_texts() == ["2-сап\nТуулган күнү", "Туулган күн келечекте боло албайт."]
    assert page.evaluate("document.documentElement.scrollWidth") <= 360  # nothing sideways
    assert not Staff.objects.filter(last_name="Асанова").exists()

    page.set_input_files("input[name=roster]", str(right))
    page.get_by_role("button", name="Тизмени текшерүү").click()
    expect(page.get_by_role("heading", name="Эмне өзгөрөт")).to_be_visible()
    assert "Асанова Айгүл" in page.locator("table.roster-created").inner_text()
    page.get_by_role("button", name="Импортту ырастоо").click()
    page.wait_for_url("**/staff/sch-17/")
    expect(page.locator(".messages")).to_contain_text("sch-17: 1 жаңы, 0 өзгөртүлдү, 0 өзгөрүүсүз")
    expect(page.locator("main")).to_contain_text("Асанова")
    assert Staff.objects.get(last_name="Асанова").birth_date.year == 1980
