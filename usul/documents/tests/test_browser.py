"""The head of an MA makes the year's minutes on a phone and finds them in the register."""

import pytest

from usul.conftest import browser_login


@pytest.mark.browser
def test_the_head_generates_the_minutes_on_a_phone_and_sees_the_version(
    transactional_db, page, documented
):
    page.set_default_timeout(60_000)  # a page of twelve forms on a busy machine
    browser_login(page, "head")
    page.goto(page.base_url + "/documents/sch-17/ma-stem/2025-2026/")
    card = page.locator("li#DOC-12")
    assert card.get_attribute("data-status") == "missing"
    card.locator("summary", has_text="Түзүү").click()
    card.locator("select[name=language]").select_option("ru")
    card.locator("form button[type=submit]").first.click()
    page.wait_for_load_state("networkidle")
    card = page.locator("li#DOC-12")
    assert card.get_attribute("data-status") == "generated"
    assert "DOC-12: 1-версия түзүлдү." in page.inner_text(".messages")
    assert "v1" in card.inner_text() and "Орусча" in card.inner_text()
    # The other documents wait for their turn; the page fits a 360 px phone.
    assert page.locator("li#DOC-3").get_attribute("data-status") == "missing"
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    page.screenshot(path="/tmp/documents-phone.png", full_page=True)
