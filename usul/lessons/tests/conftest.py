"""An MA of school sch-17 with a teacher who gives open lessons, colleagues, a head and a
deputy, with their log-ins."""

from __future__ import annotations

import datetime as dt
from types import SimpleNamespace

import pytest

from usul.accounts.policy import Viewer, viewer_for
from usul.schools.models import SchoolYear
from usul.testing import factories as f

D = dt.date
LESSON_DAY = D(2025, 10, 14)


def act(user, day: dt.date = LESSON_DAY) -> Viewer:
    """Who acts, with their roles on ``day`` (the lesson's day unless told)."""
    return viewer_for(user, day)


@pytest.fixture(autouse=True)
def fast_password_hashing(settings):
    # Log-ins are part of these tests, password strength is not: keep the suite fast.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def ma(school, deputy):
    head = f.make_staff(school, key="t-head", last_name="Жумабаева", first_name="Нургүл")
    teacher = f.make_staff(school, key="t-asanova", last_name="Асанова", first_name="Айгүл")
    colleague = f.make_staff(school, key="t-bekova", last_name="Бекова", first_name="Үмүт")
    other = f.make_staff(school, key="t-osmon", last_name="Осмонов", first_name="Өмүр")
    association = f.make_association(
        school, key="ma-stem", name="Табигый-математикалык цикл", created_on=D(2024, 8, 28)
    )
    for staff in (head, teacher, colleague):
        f.add_member(association, staff)
    f.add_head(association, head)
    f.add_supervisor(association, deputy)
    math = f.make_subject(school, key="math", name="Математика")
    return SimpleNamespace(
        school=school,
        association=association,
        year=SchoolYear.objects.get(school=school, key="2025-2026"),
        math=math,
        head=head,
        teacher=teacher,
        colleague=colleague,
        other=other,  # a colleague of the school from no MA
        deputy=deputy,
        head_user=f.make_user(head, username="head"),
        teacher_user=f.make_user(teacher, username="asanova"),
        colleague_user=f.make_user(colleague, username="bekova"),
        other_user=f.make_user(other, username="osmonov"),
        deputy_user=f.make_user(deputy, username="deputy"),
    )


@pytest.fixture
def lesson(ma):
    from usul.lessons.services import open_lesson_schedule

    return open_lesson_schedule(
        actor=act(ma.head_user),
        association=ma.association,
        year=ma.year,
        teacher=ma.teacher,
        topic="Бөлчөктөрдү кошуу",
        date=LESSON_DAY,
        subject=ma.math,
        grade=6,
        class_label="Б",
        cycle_topic="Функционалдык сабаттуулук",
    )
