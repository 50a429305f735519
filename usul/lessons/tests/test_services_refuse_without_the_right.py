"""Every write about open lessons and observations asks the policy itself: called directly as
a plain teacher of the MA or as a deputy of another school, it is refused and nothing is
written (ORG-3: the MA schedules its open lessons; HEAD-D1, SVC-D4: who analyses a lesson)."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied

from usul.lessons import services as s
from usul.lessons.default_observation_template import DEFAULT_CRITERIA
from usul.lessons.models import Observation, ObservationTemplate, OpenLesson, OpenLessonVisitor
from usul.lessons.selectors import template_in_force
from usul.lessons.tests.conftest import LESSON_DAY, act
from usul.people.models import Role
from usul.testing import factories as f
from usul.testing.written import written

D = dt.date
RECORDS = (OpenLesson, OpenLessonVisitor, ObservationTemplate, Observation)


@pytest.fixture
def actors(ma, outsider_school):
    foreign = f.make_staff(outsider_school, key="z-deputy", roles=(Role.DEPUTY_ACADEMIC,))
    return {
        "a plain teacher of the MA": (ma.colleague_user, ma.colleague),
        "a deputy of another school": (f.make_user(foreign, username="z-deputy"), foreign),
    }


def writes(ma, lesson, me):
    """Each write, as ``me`` would try it: for a plain teacher, what they may not do (sign up
    someone else, visit a colleague's lesson outside the schedule)."""
    return {
        "open_lesson_schedule": lambda a: s.open_lesson_schedule(
            actor=a,
            association=ma.association,
            year=ma.year,
            teacher=ma.teacher,
            topic="x",
            date=D(2025, 11, 4),
        ),  # fmt: skip
        "open_lesson_update": lambda a: s.open_lesson_update(
            actor=a, open_lesson=lesson, topic="x"
        ),
        "open_lesson_cancel": lambda a: s.open_lesson_cancel(actor=a, open_lesson=lesson),
        "open_lesson_reopen": lambda a: s.open_lesson_reopen(actor=a, open_lesson=lesson),
        "open_lesson_hold": lambda a: s.open_lesson_hold(
            actor=a, open_lesson=lesson, as_of=LESSON_DAY
        ),
        "open_lesson_sign_up": lambda a: s.open_lesson_sign_up(
            actor=a, open_lesson=lesson, staff=ma.other if me == ma.colleague else me
        ),
        "open_lesson_withdraw": lambda a: s.open_lesson_withdraw(
            actor=a, open_lesson=lesson, staff=ma.other if me == ma.colleague else me
        ),
        "observation_template_save": lambda a: s.observation_template_save(
            actor=a,
            school=ma.school,
            name="x",
            scale_min=1,
            scale_max=5,
            criteria=DEFAULT_CRITERIA,
            judgements=[],
        ),  # fmt: skip
        "observation_template_ensure": lambda a: s.observation_template_ensure(
            actor=a, school=ma.school
        ),
        "observation_record": lambda a: s.observation_record(
            actor=a,
            observer=me,
            teacher=ma.teacher,
            date=LESSON_DAY,
            template=template_in_force(ma.school),
            summary="x",
            as_of=LESSON_DAY,
        ),  # fmt: skip
    }


SERVICES = [
    "open_lesson_schedule",
    "open_lesson_update",
    "open_lesson_cancel",
    "open_lesson_reopen",
    "open_lesson_hold",
    "open_lesson_sign_up",
    "open_lesson_withdraw",
    "observation_template_save",
    "observation_template_ensure",
    "observation_record",
]


@pytest.mark.parametrize("who", ["a plain teacher of the MA", "a deputy of another school"])
@pytest.mark.parametrize("service", SERVICES)
def test_a_write_about_open_lessons_refuses_an_actor_without_the_right(
    ma, lesson, actors, who, service
):
    s.open_lesson_sign_up(actor=act(ma.other_user), open_lesson=lesson, staff=ma.other)
    user, me = actors[who]
    before = written(*RECORDS)
    with pytest.raises(PermissionDenied):
        writes(ma, lesson, me)[service](act(user))
    assert written(*RECORDS) == before


def test_a_plain_teacher_still_signs_up_and_observes_as_themselves(ma, lesson):
    # The refusals above are the policy's: the same teacher may act in their own name.
    s.open_lesson_sign_up(actor=act(ma.colleague_user), open_lesson=lesson, staff=ma.colleague)
    s.observation_record(
        actor=act(ma.colleague_user), observer=ma.colleague, open_lesson=lesson, date=None,
        template=template_in_force(ma.school), summary="Жакшы", as_of=LESSON_DAY,
    )  # fmt: skip
    assert Observation.objects.filter(observer=ma.colleague).count() == 1


def test_every_write_service_of_lessons_is_in_the_list():
    public = {
        name
        for name in dir(s)
        if name.startswith(("open_lesson_", "observation_"))
        and getattr(getattr(s, name), "__module__", None) == s.__name__
    }
    assert public == set(SERVICES)
