"""An MA with a head, two members and a supervising deputy, and a way to act as any of them."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import translation

from usul.accounts.models import User
from usul.accounts.policy import viewer_for
from usul.people.models import Role
from usul.schools.models import SchoolYear
from usul.testing import factories as f

D = dt.date


@pytest.fixture(autouse=True)
def english():
    """Services speak the active language; tests read their messages in English. Pages choose
    their own language per request (Kyrgyz unless the user chose another)."""
    with translation.override("en"):
        yield


@pytest.fixture
def year(school):
    return SchoolYear.objects.get(school=school)


@pytest.fixture
def math(school):
    return f.make_subject(school, key="math")


@pytest.fixture
def ma(school, deputy, math):
    association = f.make_association(
        school, key="ma-stem", name="Табигый-математикалык цикл", subjects=[math]
    )
    f.add_supervisor(association, deputy)
    return association


@pytest.fixture
def head(school, ma):
    staff = f.make_staff(school, key="t-bekova", last_name="Бекова", first_name="Нургүл")
    f.add_member(ma, staff)
    f.add_head(ma, staff)
    return staff


@pytest.fixture
def teacher(school, ma):
    staff = f.make_staff(school, key="t-ormonov", last_name="Өмүрбеков", first_name="Үсөн")
    f.add_member(ma, staff)
    return staff


def act(staff, day: dt.date = D(2025, 10, 1)):
    """The viewer of ``staff`` on ``day``: who acts, with their roles that day."""
    try:
        user = staff.user
    except User.DoesNotExist:  # no log-in yet: make one
        user = f.make_user(staff, username=staff.key)
    return viewer_for(user, day)


@pytest.fixture
def second_deputy(school):
    return f.make_staff(
        school,
        key="t-deputy2",
        roles=(Role.DEPUTY_METHODICAL,),
        last_name="Жумабаева",
        first_name="Айпери",
    )
