"""Home-page items about open lessons and observations: fixed queries, two-week windows."""

from __future__ import annotations

import datetime as dt

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone, translation

from usul.accounts.policy import viewer_for
from usul.lessons.attention import for_viewer
from usul.lessons.models import Observation
from usul.lessons.services import (
    observation_record,
    observation_template_ensure,
    open_lesson_cancel,
    open_lesson_sign_up,
)
from usul.lessons.tests.conftest import act

D = dt.date


def texts(user, day):
    with translation.override("en"):
        return [item.text for item in for_viewer(viewer_for(user, day))]


def test_my_lesson_shows_from_two_weeks_before_to_its_day(ma, lesson):
    assert texts(ma.teacher_user, D(2025, 9, 29)) == []  # fifteen days ahead
    assert texts(ma.teacher_user, D(2025, 9, 30)) == [
        "You give an open lesson on 14.10.2025: Бөлчөктөрдү кошуу"
    ]
    assert texts(ma.teacher_user, D(2025, 10, 14)) != []
    assert texts(ma.teacher_user, D(2025, 10, 15)) == []


def test_a_lesson_i_signed_up_for_shows_until_it_is_cancelled(ma, lesson):
    open_lesson_sign_up(actor=act(ma.other_user), open_lesson=lesson, staff=ma.other)
    assert texts(ma.other_user, D(2025, 10, 10)) == [
        "You signed up for Асанова А.'s open lesson on 14.10.2025: Бөлчөктөрдү кошуу"
    ]
    open_lesson_cancel(actor=act(ma.head_user), open_lesson=lesson)
    assert texts(ma.other_user, D(2025, 10, 10)) == []


def test_a_new_observation_of_my_lesson_shows_for_two_weeks(ma, lesson):
    form = observation_template_ensure(actor=act(ma.deputy_user), school=ma.school)
    observation = observation_record(
        actor=act(ma.colleague_user),
        observer=ma.colleague,
        open_lesson=lesson,
        date=None,
        template=form,
        summary="Жакшы сабак",
        judgement="good",
    )
    recorded = timezone.localdate(observation.created_at)
    after_lesson = [t for t in texts(ma.teacher_user, recorded) if "Observation" in t]
    assert after_lesson == [
        "Observation of your open lesson “Бөлчөктөрдү кошуу” (14.10.2025) by Бекова Ү.: Good"
    ]
    assert [t for t in texts(ma.teacher_user, recorded + dt.timedelta(days=14))] != []
    assert texts(ma.teacher_user, recorded + dt.timedelta(days=15)) == []
    # Only the observed teacher is told.
    assert texts(ma.colleague_user, recorded) == []


def test_it_costs_three_queries_whatever_the_number(ma, lesson):
    form = observation_template_ensure(actor=act(ma.deputy_user), school=ma.school)
    for i in range(20):
        observation_record(
            actor=act(ma.colleague_user),
            observer=ma.colleague,
            open_lesson=lesson,
            date=None,
            template=form,
            summary=f"{i}",
        )
    assert Observation.objects.count() == 20
    viewer = viewer_for(ma.teacher_user, D(2025, 10, 14))
    with CaptureQueriesContext(connection) as queries:
        items = for_viewer(viewer)
    assert len(queries) == 3
    assert len(items) >= 1


def test_an_observation_without_a_judgement_reads_as_a_whole_sentence(ma, lesson):
    form = observation_template_ensure(actor=act(ma.deputy_user), school=ma.school)
    observation = observation_record(
        actor=act(ma.colleague_user),
        observer=ma.colleague,
        open_lesson=lesson,
        date=None,
        template=form,
        summary="Сабактын планы так",
    )
    recorded = timezone.localdate(observation.created_at)
    assert [t for t in texts(ma.teacher_user, recorded) if "observation" in t] == [
        "Бекова Ү. recorded an observation of your open lesson “Бөлчөктөрдү кошуу” (14.10.2025)."
    ]
    with translation.override("ky"):
        kyrgyz = [i.text for i in for_viewer(viewer_for(ma.teacher_user, recorded))]
    assert "Бекова Ү. сиздин «Бөлчөктөрдү кошуу» ачык сабагыңызга (14.10.2025) талдоо жазды." in (
        kyrgyz
    )
    assert not any(text.endswith("—") for text in kyrgyz)
