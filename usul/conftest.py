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
