"""A deputy director in a real browser on a 360 px phone: log in, Russian and back, an MA."""

from __future__ import annotations

import pytest

from usul.conftest import browser_login
from usul.people.models import Role
from usul.testing import factories as f
from usul.testing.scene import build_scene


@pytest.mark.browser
def test_a_deputy_switches_language_and_opens_an_ma(transactional_db, page):
    school = f.make_school(key="sch-17", district=f.make_district(key="osh-city"))
    f.make_year(school)
    outsider = f.make_school(key="sch-99", district=f.make_district(key="naryn"))
    f.make_year(outsider)
    build_scene(
        school,
        f.make_staff(school, roles=(Role.DIRECTOR,), last_name="Токтогулов", first_name="Бакыт"),
        f.make_staff(
            school, roles=(Role.DEPUTY_ACADEMIC,), last_name="Осмонова", first_name="Гүлнара"
        ),
        outsider,
    )
    browser_login(page, "deputy")
    heading = page.locator("h1")
    assert heading.inner_text() == "Саламатсызбы, Гүлнара!"
    assert page.locator("html").get_attribute("lang") == "ky"

    page.click("form.lang button[data-lang=ru]")
    page.wait_for_load_state("networkidle")
    assert page.locator("html").get_attribute("lang") == "ru"
    assert heading.inner_text() == "Здравствуйте, Гүлнара!"
    assert page.get_by_role("button", name="Выйти").is_visible()

    page.click("form.lang button[data-lang=ky]")
    page.wait_for_load_state("networkidle")
    assert heading.inner_text() == "Саламатсызбы, Гүлнара!"

    page.get_by_role("link", name="Усулдук бирикмелер").first.click()
    page.wait_for_load_state("networkidle")
    assert heading.inner_text() == "Усулдук бирикмелер"
    page.get_by_role("link", name="Табигый-математикалык цикл").first.click()
    page.wait_for_load_state("networkidle")
    assert heading.inner_text() == "Табигый-математикалык цикл"
    assert page.get_by_text("Бекова Жаңыл").first.is_visible()
    # Nothing sticks out of a 360 px screen.
    assert page.evaluate("document.documentElement.scrollWidth") <= 360

    # The staff search updates the table in place (htmx), capitals of ө/ү included.
    page.get_by_role("link", name="Кызматкерлер").first.click()
    page.wait_for_load_state("networkidle")
    page.fill("#id_q", "ӨМҮР")
    page.wait_for_url("**q=*")
    rows = page.locator("#staff-table tbody tr")
    rows.first.wait_for()
    page.wait_for_function("document.querySelectorAll('#staff-table tbody tr').length === 1")
    assert "Өмүрбеков Үсөн" in rows.first.inner_text()

    # Every page of the foundation fits a 360 px phone, and prints without menus or forms.
    for path in (
        "/",
        "/school/sch-17/",
        "/ma/sch-17/",
        "/ma/sch-17/ma-stem/",
        "/ma/sch-17/new/",
        "/ma/sch-17/ma-stem/edit/",
        "/ma/sch-17/ma-stem/members/",
        "/ma/sch-17/ma-stem/head/",
        "/staff/sch-17/",
        "/staff/sch-17/t-head/",
        "/staff/sch-17/t-head/edit/",
        "/staff/sch-17/new/",
    ):
        page.goto(page.base_url + path)
        assert page.evaluate("document.documentElement.scrollWidth") <= 360, path
    page.goto(page.base_url + "/ma/sch-17/ma-stem/")
    page.emulate_media(media="print")
    assert page.locator("header.top").is_hidden()
    assert page.locator(".actions").first.is_hidden()
    assert heading.is_visible()
