"""On a phone (360 px), without a second thought lost: the deputy ends a membership only after
the confirmation page says what ends, and reopens it from the members page."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from usul.conftest import browser_login


@pytest.mark.browser
def test_the_deputy_ends_a_membership_after_being_asked_and_reopens_it(
    page, transactional_db, scene
):
    browser_login(page, "deputy")
    page.goto(f"{page.base_url}/ma/sch-17/ma-stem/members/")
    row = page.locator("tr", has_text="Өмүрбеков Үсөн")
    row.locator("a", has_text="Мүчөлүктү бүтүрүү…").click()
    page.wait_for_url("**/members/t-omur/end/")
    expect(page.locator("h1")).to_contain_text("Өмүрбеков Үсөн")
    expect(page.locator("ul.ends")).to_contain_text("28.08.2025")

    page.click("text=Жок, калтыруу")  # the first time, she keeps it
    page.wait_for_url("**/ma-stem/members/")
    assert scene.stem.members.get(staff=scene.colleague).end is None

    page.locator("tr", has_text="Өмүрбеков Үсөн").locator("a").last.click()
    page.fill("input[name=end]", "2026-05-31")
    page.click("button.danger")
    page.wait_for_url("**/ma-stem/members/")
    row = page.locator("tr", has_text="Өмүрбеков Үсөн")
    expect(row).to_contain_text("31.05.2026")
    assert page.evaluate("document.documentElement.scrollWidth") <= 360  # nothing off-screen

    row.locator("button", has_text="Мүчөлүктү кайра ачуу").click()
    page.wait_for_url("**/ma-stem/members/")
    expect(page.locator(".messages")).to_contain_text("Өмүрбеков Үсөн")
    assert scene.stem.members.get(staff=scene.colleague).end is None
