"""Log-ins in a real browser: a deputy enrols her phone (required), creates a teacher's log-in
from the staff list and prints the slip; the teacher logs in with it on a 360 px phone, chooses
her own password and sees her home page. The content security policy refuses nothing."""

from __future__ import annotations

import time

import pytest
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice

from usul.conftest import browser_login
from usul.people.models import Role
from usul.testing import factories as f


def phone_code(username: str) -> str:
    device = TOTPDevice.objects.get(user__username=username)
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    totp.time = time.time()
    return f"{totp.token():06d}"


@pytest.mark.browser
def test_from_enrolment_to_a_teachers_first_log_in(transactional_db, page, settings):
    settings.USUL_REQUIRE_2FA = True
    settings.USUL_BASE_URL = "https://usul.school17.kg"
    school = f.make_school(key="sch-17", district=f.make_district(key="osh-city"))
    f.make_year(school)
    deputy = f.make_staff(
        school, roles=(Role.DEPUTY_ACADEMIC,), last_name="Осмонова", first_name="Гүлнара"
    )
    f.make_user(deputy, username="deputy")
    f.make_staff(school, last_name="Өмүрова", first_name="Ыңкар")
    refused = []
    page.on("console", lambda m: refused.append(m.text) if "Content Security" in m.text else 0)

    # The deputy: the password, then no page before her phone is enrolled.
    browser_login(page, "deputy")
    assert page.url.endswith("/account/two-factor/")
    assert page.locator(".qr svg").is_visible()
    page.fill("#id_code", phone_code("deputy"))
    page.get_by_role("button", name="Каттоо").click()
    page.wait_for_load_state("networkidle")
    assert page.locator("ol.backup-codes li").count() == 10
    page.get_by_role("link", name="Даяр").click()
    page.wait_for_load_state("networkidle")
    assert page.locator("h1").inner_text() == "Саламатсызбы, Гүлнара!"

    # From the staff list to the log-ins page: tick the teacher, create, a slip per person.
    page.get_by_role("link", name="Кызматкерлер").first.click()
    page.get_by_role("link", name="Кирүүлөр").last.click()
    page.wait_for_load_state("networkidle")
    page.get_by_label("Өмүрова Ыңкар").check()
    page.get_by_role("button", name="Белгиленген кызматкерлерге кирүү түзүү").click()
    page.wait_for_load_state("networkidle")
    slip = page.locator("article.slip")
    assert slip.count() == 1
    assert "https://usul.school17.kg" in slip.inner_text()
    username = slip.locator(".slip-username").inner_text()
    password = slip.locator(".slip-password").inner_text()
    assert username == "yngkar.omurova"
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
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
    assert page.locator("h1").inner_text() == "Саламатсызбы, Ыңкар!"
    assert "Жаңы сырсөзүңүз сакталды." in page.locator(".messages").inner_text()
    assert refused == []
