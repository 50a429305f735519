"""Observation forms (templates) and observation_record (HEAD-D1, SVC-D4)."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from usul.lessons.models import Observation, ObservationTemplate
from usul.lessons.selectors import template_in_force
from usul.lessons.services import (
    observation_record,
    observation_template_ensure,
    observation_template_save,
    open_lesson_cancel,
)
from usul.lessons.tests.conftest import act
from usul.notifications.models import Notification
from usul.people.models import Role
from usul.testing import factories as f

D = dt.date


@pytest.fixture
def form(ma):
    return observation_template_ensure(actor=act(ma.deputy_user), school=ma.school)


def test_a_school_without_a_form_gets_the_default_in_kyrgyz_and_russian(ma):
    template = observation_template_ensure(actor=act(ma.deputy_user), school=ma.school)
    assert template.version == 1
    assert (template.scale_min, template.scale_max) == (1, 5)
    assert len(template.criteria) == 8
    assert all(c["ky"] and c["ru"] for c in template.criteria + template.judgements)
    # Asking again gives the same form, not a second one.
    assert observation_template_ensure(actor=act(ma.deputy_user), school=ma.school) == template
    assert ObservationTemplate.objects.count() == 1


def test_saving_a_form_makes_a_new_version_and_old_observations_keep_theirs(ma, lesson, form):
    old = observation_record(
        actor=act(ma.colleague_user),
        observer=ma.colleague,
        open_lesson=lesson,
        date=None,
        template=form,
        scores={"goal": 5, "methods": "4"},
    )
    new = observation_template_save(
        actor=act(ma.deputy_user),
        school=ma.school,
        name="Кыска форма",
        scale_min=0,
        scale_max=2,
        criteria=[{"ky": "Максат", "ru": "Цель"}, {"ky": "", "ru": "Результат"}],
        judgements=[{"ky": "Жакшы", "ru": "Хорошо"}],
    )
    assert new.version == 2
    assert [c["key"] for c in new.criteria] == ["c1", "c2"]
    old.refresh_from_db()
    assert old.template == form and old.scores == {"goal": 5, "methods": 4}


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"name": " "}, "name"),
        ({"scale_min": 3, "scale_max": 3}, "scale_max"),
        ({"criteria": []}, "criteria"),
        ({"criteria": [{"en": "Only English"}]}, "criteria"),
    ],
)
def test_a_bad_form_is_refused_naming_the_field(ma, changes, field):
    fields = dict(
        actor=act(ma.deputy_user),
        school=ma.school,
        name="Форма",
        scale_min=1,
        scale_max=5,
        criteria=[{"ky": "Максат", "ru": "Цель"}],
        judgements=[],
    )
    fields.update(changes)
    with pytest.raises(ValidationError) as refused:
        observation_template_save(**fields)
    assert field in refused.value.message_dict
    assert not ObservationTemplate.objects.exists()


def test_a_colleague_records_an_observation_and_the_teacher_is_told(ma, lesson, form):
    observation = observation_record(
        actor=act(ma.colleague_user),
        observer=ma.colleague,
        open_lesson=lesson,
        date=D(2025, 10, 14),
        template=form,
        scores={"goal": 5, "time": 3, "aids": ""},
        strengths="Топтук иш жакшы уюштурулду",
        recommendations="Убакытты көзөмөлдөө",
        judgement="good",
        as_of=D(2025, 10, 14),
    )
    assert observation.teacher == ma.teacher
    assert observation.scores == {"goal": 5, "time": 3}
    assert observation.history.first().history_user == ma.colleague_user
    told = Notification.objects.get(kind="observation_recorded")
    assert told.recipient == ma.teacher
    assert told.url == "/lessons/sch-17/ol-stem-2025-1/"


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"scores": {"goal": 6}}, "scores"),  # above the scale
        ({"scores": {"goal": 0}}, "scores"),  # below the scale
        ({"scores": {"goal": "жакшы"}}, "scores"),
        ({"scores": {"nonsense": 3}}, "scores"),
        ({"judgement": "brilliant"}, "judgement"),
        ({"date": D(2025, 10, 13)}, "date"),  # the day before the lesson
        ({"date": D(2025, 10, 15), "as_of": D(2025, 10, 14)}, "date"),  # not yet
        ({"date": D(2026, 6, 1), "as_of": D(2026, 6, 1)}, "date"),  # after the year
        ({"scores": {}, "summary": " "}, "summary"),  # nothing said at all
    ],
)
def test_bad_observations_are_refused_naming_the_field(ma, lesson, form, changes, field):
    fields = dict(
        actor=act(ma.colleague_user),
        observer=ma.colleague,
        open_lesson=lesson,
        date=D(2025, 10, 14),
        template=form,
        scores={"goal": 5},
    )
    fields.update(changes)
    with pytest.raises(ValidationError) as refused:
        observation_record(**fields)
    assert field in refused.value.message_dict
    assert not Observation.objects.exists()
    assert not Notification.objects.filter(kind="observation_recorded").exists()


def test_the_scale_ends_are_accepted(ma, lesson, form):
    observation = observation_record(
        actor=act(ma.colleague_user),
        observer=ma.colleague,
        open_lesson=lesson,
        date=None,
        template=form,
        scores={"goal": 1, "result": 5},
    )
    assert observation.scores == {"goal": 1, "result": 5}


def test_the_teacher_cannot_observe_their_own_lesson(ma, lesson, form):
    # HEAD-D1: the policy refuses it before any input is read (observe_open_lesson).
    with pytest.raises(PermissionDenied):
        observation_record(
            actor=act(ma.teacher_user),
            observer=ma.teacher,
            open_lesson=lesson,
            date=None,
            template=form,
            scores={"goal": 5},
        )
    assert not Observation.objects.exists()


def test_a_cancelled_lesson_cannot_be_observed(ma, lesson, form):
    open_lesson_cancel(actor=act(ma.head_user), open_lesson=lesson)
    with pytest.raises(ValidationError) as refused:
        observation_record(
            actor=act(ma.colleague_user),
            observer=ma.colleague,
            open_lesson=lesson,
            date=None,
            template=form,
            summary="x",
        )
    assert "open_lesson" in refused.value.message_dict


def test_a_heads_visit_outside_open_lessons(ma, form, outsider_school):
    visit = observation_record(
        actor=act(ma.head_user),
        observer=ma.head,
        teacher=ma.teacher,
        date=D(2025, 11, 20),
        template=form,
        summary="Сабак пландуу өттү",
        as_of=D(2025, 11, 20),
    )
    assert visit.open_lesson is None and visit.school == ma.school
    assert Notification.objects.get(kind="observation_recorded").url == (
        "/lessons/sch-17/teachers/t-asanova/"
    )
    with pytest.raises(ValidationError) as summer:
        observation_record(
            actor=act(ma.head_user),
            observer=ma.head,
            teacher=ma.teacher,
            date=D(2026, 7, 1),
            template=form,
            summary="x",
        )
    assert "date" in summer.value.message_dict
    foreign_deputy = f.make_staff(outsider_school, key="z-foreign", roles=(Role.DEPUTY_ACADEMIC,))
    foreign_form = observation_template_ensure(
        actor=act(f.make_user(foreign_deputy, username="z-foreign")), school=outsider_school
    )
    with pytest.raises(ValidationError) as foreign:
        observation_record(
            actor=act(ma.head_user),
            observer=ma.head,
            teacher=ma.teacher,
            date=D(2025, 11, 20),
            template=foreign_form,
            summary="x",
        )
    assert "template" in foreign.value.message_dict
    # Nobody records an observation in another's name, nor visits another school's teacher.
    stranger = f.make_staff(outsider_school, key="t-x")
    with pytest.raises(PermissionDenied):
        observation_record(
            actor=act(ma.head_user),
            observer=stranger,
            teacher=ma.teacher,
            date=D(2025, 11, 20),
            template=form,
            summary="x",
        )
    with pytest.raises(PermissionDenied):
        observation_record(
            actor=act(f.make_user(stranger, username="t-x")),
            observer=stranger,
            teacher=ma.teacher,
            date=D(2025, 11, 20),
            template=form,
            summary="x",
        )
    assert not Observation.objects.filter(observer=stranger).exists()


def test_a_refused_first_observation_leaves_the_school_without_a_saved_form(ma, lesson):
    default = template_in_force(ma.school)
    assert default.pk is None
    with pytest.raises(ValidationError):
        observation_record(
            actor=act(ma.colleague_user),
            observer=ma.colleague,
            open_lesson=lesson,
            date=None,
            template=default,
            scores={"goal": 9},  # refused after the form is saved: rolled back with it
        )
    assert not ObservationTemplate.objects.exists()
    saved = observation_record(
        actor=act(ma.colleague_user),
        observer=ma.colleague,
        open_lesson=lesson,
        date=None,
        template=default,
        scores={"goal": 5},
    )
    assert saved.template.version == 1 and ObservationTemplate.objects.count() == 1


def test_the_observation_service_holds_the_pages_text_limits(ma, lesson, form):
    # A bundle or a script is held to the same limits as the observation form.
    record = dict(
        actor=act(ma.colleague_user),
        observer=ma.colleague,
        open_lesson=lesson,
        date=D(2025, 10, 14),
        template=form,
        as_of=D(2025, 10, 14),
    )
    with pytest.raises(ValidationError) as refused:
        observation_record(**record, strengths="ы" * 3001, summary="ы" * 3001)
    assert set(refused.value.message_dict) == {"strengths", "summary"}
    assert not Observation.objects.exists()
    observation_record(**record, strengths="ы" * 3000, summary="ы" * 3000)
    assert Observation.objects.count() == 1


def test_an_open_lesson_topic_over_the_limit_is_refused_by_the_service(ma):
    from usul.lessons.services import open_lesson_schedule

    with pytest.raises(ValidationError) as refused:
        open_lesson_schedule(
            actor=act(ma.head_user),
            association=ma.association,
            year=ma.year,
            teacher=ma.teacher,
            topic="т" * 1001,
            date=D(2025, 10, 14),
        )
    assert "topic" in refused.value.message_dict
