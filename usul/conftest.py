"""Shared test set-up: a school with its people, and an outsider school that must see nothing."""

from __future__ import annotations

import datetime as dt

import pytest

from usul.people.models import Role
from usul.testing import factories as f


@pytest.fixture
def school(db):
    district = f.make_district(key="osh-city")
    school = f.make_school(key="sch-17", district=district)
    f.make_year(school)
    return school


@pytest.fixture
def outsider_school(db):
    """Kolibri's two-facility pattern: a second school whose users must see nothing of ours."""
    other = f.make_school(key="sch-99", name="№99 мектеп", district=f.make_district(key="naryn"))
    f.make_year(other)
    return other


@pytest.fixture
def today():
    return dt.date(2025, 10, 1)


@pytest.fixture
def director(school):
    return f.make_staff(school, roles=(Role.DIRECTOR,), last_name="Токтогулов", first_name="Бакыт")


@pytest.fixture
def deputy(school):
    return f.make_staff(
        school, roles=(Role.DEPUTY_ACADEMIC,), last_name="Осмонова", first_name="Гүлнара"
    )


# --- Browser tests: Debian's Chromium driven by Playwright (no browser download). -----------

CHROMIUM = "/usr/bin/chromium"


@pytest.fixture(scope="session")
def chromium():
    import os

    from playwright.sync_api import sync_playwright

    if not os.path.exists(CHROMIUM):
        pytest.fail(f"{CHROMIUM} is missing: run `make test`, which installs Debian's chromium")
    with sync_playwright() as p:
        browser = p.chromium.launch(
            executable_path=CHROMIUM,
            args=[
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
            ],
        )
        yield browser
        browser.close()


@pytest.fixture
def page(chromium, live_server):
    context = chromium.new_context(viewport={"width": 360, "height": 740}, locale="ky-KG")
    page = context.new_page()
    page.set_default_timeout(10_000)
    page.base_url = live_server.url
    yield page
    context.close()


def browser_login(page, username: str, password: str = "test-pass-123") -> None:
    """Log in through the real form, as a user would."""
    page.goto(f"{page.base_url}/login/")
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", password)
    page.click("form.card button[type=submit]")
    page.wait_for_load_state("networkidle")
