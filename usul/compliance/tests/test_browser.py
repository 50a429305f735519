"""A deputy director checks the school on a phone: the menu, the checklist, another date."""

import pytest

from usul.compliance.tests.builders import compliant_school
from usul.conftest import browser_login
from usul.documents.models import DocumentEntry
from usul.schools.models import School
from usul.testing import factories as f


@pytest.mark.browser
def test_a_deputy_opens_the_compliance_page_and_picks_another_date(transactional_db, page):
    district = f.make_district(key="osh-city")
    school = f.make_school(key="sch-17", district=district)
    f.make_year(school)
    world = compliant_school(School.objects.get(pk=school.pk))
    DocumentEntry.objects.filter(association=world.ma, type="DOC-8").delete()
    f.make_user(world.deputy, username="zam", language="ky")

    browser_login(page, "zam")
    page.click("nav.main >> text=Жобонун аткарылышы")
    page.fill("input[name=as_of]", "2025-09-15")
    page.click("form.asof button[type=submit]")
    page.wait_for_load_state("networkidle")
    # On the plan deadline a missing document is still a warning.
    assert page.inner_text("[data-count=violations]") == "0"
    assert page.inner_text("[data-count=warnings]") == "1"
    row = page.locator('tr[data-rule="DOCS"]')
    assert row.get_attribute("data-status") == "warning"
    assert "DOC-8" in row.inner_text()
    page.fill("input[name=as_of]", "2025-09-16")
    page.click("form.asof button[type=submit]")
    page.wait_for_load_state("networkidle")
    assert page.inner_text("[data-count=violations]") == "1"
    # The page fits a 360 px phone: nothing wider than the screen but the scrollable tables.
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    page.screenshot(path="/tmp/compliance-phone.png", full_page=True)
