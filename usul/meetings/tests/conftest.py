"""An MA of school sch-17 with a head, members, a member who left, and their log-ins."""

from __future__ import annotations

import datetime as dt
from types import SimpleNamespace

import pytest

from usul.accounts.policy import viewer_for
from usul.schools.models import SchoolYear
from usul.testing import factories as f

D = dt.date
MEETING_DAY = D(2025, 10, 14)


@pytest.fixture
def ma(school, deputy):
    head = f.make_staff(school, key="t-head", last_name="Жумабаева", first_name="Нургүл")
    asanova = f.make_staff(school, key="t-asanova", last_name="Асанова", first_name="Айгүл")
    bekova = f.make_staff(school, key="t-bekova", last_name="Бекова", first_name="Үмүт")
    left = f.make_staff(school, key="t-left", last_name="Өмүрова", first_name="Ңурия")
    association = f.make_association(
        school, key="ma-stem", name="Табигый-математикалык цикл", created_on=D(2024, 8, 28)
    )
    for staff in (head, asanova, bekova):
        f.add_member(association, staff)
    # Their membership ended the day before the meeting: not a member on MEETING_DAY.
    f.add_member(association, left, end=MEETING_DAY - dt.timedelta(days=1))
    f.add_head(association, head)
    f.add_supervisor(association, deputy)
    head_user = f.make_user(head, username="head")
    asanova_user = f.make_user(asanova, username="asanova")
    deputy_user = f.make_user(deputy, username="deputy")
    return SimpleNamespace(
        school=school,
        association=association,
        year=SchoolYear.objects.get(school=school, key="2025-2026"),
        head=head,
        asanova=asanova,
        bekova=bekova,
        left=left,
        deputy=deputy,
        head_user=head_user,
        asanova_user=asanova_user,
        deputy_user=deputy_user,
        # Services take the policy's viewer: who acts, with their roles on the meeting day.
        head_viewer=viewer_for(head_user, MEETING_DAY),
        asanova_viewer=viewer_for(asanova_user, MEETING_DAY),
        deputy_viewer=viewer_for(deputy_user, MEETING_DAY),
    )


@pytest.fixture(autouse=True)
def fast_password_hashing(settings):
    # Log-ins are part of these tests, password strength is not: keep the suite fast.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
