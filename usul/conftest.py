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


# --- The cast (usul/testing/scene.py): every role of sch-17 and the outsider school sch-99. --


@pytest.fixture
def scene(school, director, deputy, outsider_school):
    from usul.testing.scene import build_scene

    return build_scene(school, director, deputy, outsider_school)


@pytest.fixture
def as_user(client, scene):
    """``as_user("deputy")`` logs the test client in as that member of the cast."""

    def login(role: str):
        client.force_login(scene.users[role])
        return client

    return login


@pytest.fixture(scope="module")
def module_scene(django_db_setup, django_db_blocker):
    """The cast built once for a whole test module, for tests that only read it (each test
    still runs in a savepoint of its own through ``db``, so what one writes is undone)."""
    from django.db import transaction

    from usul.testing.scene import build_scene

    with django_db_blocker.unblock(), transaction.atomic():
        yield build_scene()
        transaction.set_rollback(True)


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
