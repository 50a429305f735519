"""open_lesson_schedule/update/cancel/hold and sign-ups (ORG-3, DOC-7)."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from usul.lessons.models import OpenLesson, OpenLessonVisitor
from usul.lessons.services import (
    open_lesson_cancel,
    open_lesson_hold,
    open_lesson_schedule,
    open_lesson_sign_up,
    open_lesson_update,
    open_lesson_withdraw,
)
from usul.lessons.tests.conftest import act
from usul.testing import factories as f

D = dt.date


def schedule(ma, **changes):
    fields = dict(
        actor=act(ma.head_user),
        association=ma.association,
        year=ma.year,
        teacher=ma.teacher,
        topic="Пропорция",
        date=D(2025, 11, 12),
        subject=ma.math,
        grade=6,
    )
    fields.update(changes)
    return open_lesson_schedule(**fields)


def test_it_schedules_with_a_key_and_history(ma, lesson):
    second = schedule(ma)
    assert (lesson.key, second.key) == ("ol-stem-2025-1", "ol-stem-2025-2")
    assert (lesson.grade, lesson.class_label, lesson.cycle_topic) == (
        6,
        "Б",
        "Функционалдык сабаттуулук",
    )
    assert lesson.history.first().history_user == ma.head_user


@pytest.mark.parametrize(
    ("day", "accepted"),
    [
        (D(2025, 8, 31), False),
        (D(2025, 9, 1), True),
        (D(2026, 5, 31), True),
        (D(2026, 6, 1), False),
    ],
)
def test_lessons_are_dated_inside_the_school_year(ma, day, accepted):
    if accepted:
        assert schedule(ma, date=day).date == day
        return
    with pytest.raises(ValidationError) as refused:
        schedule(ma, date=day)
    assert "date" in refused.value.message_dict
    assert not OpenLesson.objects.exists()


def test_the_teacher_must_be_a_member_on_the_lesson_date(ma):
    leaving = f.make_staff(ma.school, key="t-leaving", last_name="Кетүүчү")
    f.add_member(ma.association, leaving, end=D(2025, 11, 11))
    with pytest.raises(ValidationError) as refused:
        schedule(ma, teacher=leaving, date=D(2025, 11, 12))
    assert "teacher" in refused.value.message_dict
    assert schedule(ma, teacher=leaving, date=D(2025, 11, 11)).teacher == leaving
    with pytest.raises(ValidationError) as stranger:
        schedule(ma, teacher=ma.other)
    assert "teacher" in stranger.value.message_dict


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"topic": "  "}, "topic"),
        ({"grade": 0}, "grade"),
        ({"grade": 12}, "grade"),
        ({"teacher": None}, "teacher"),
        ({"date": None}, "date"),
    ],
)
def test_bad_input_names_its_field(ma, changes, field):
    with pytest.raises(ValidationError) as refused:
        schedule(ma, **changes)
    assert field in refused.value.message_dict


def test_a_subject_of_another_school_is_refused(ma, outsider_school):
    foreign = f.make_subject(outsider_school, key="math99")
    with pytest.raises(ValidationError) as refused:
        schedule(ma, subject=foreign)
    assert "subject" in refused.value.message_dict


def test_update_checks_the_same_rules_and_only_while_scheduled(ma, lesson):
    updated = open_lesson_update(
        actor=act(ma.head_user),
        open_lesson=lesson,
        topic="Бөлчөктөрдү кемитүү",
        date=D(2025, 10, 21),
    )
    assert (updated.topic, updated.date) == ("Бөлчөктөрдү кемитүү", D(2025, 10, 21))
    with pytest.raises(ValidationError):
        open_lesson_update(actor=act(ma.head_user), open_lesson=lesson, date=D(2026, 6, 1))
    lesson.refresh_from_db()
    assert lesson.date == D(2025, 10, 21)
    open_lesson_cancel(actor=act(ma.head_user), open_lesson=lesson)
    with pytest.raises(ValidationError) as refused:
        open_lesson_update(actor=act(ma.head_user), open_lesson=lesson, topic="x")
    assert "status" in refused.value.message_dict


def test_a_lesson_is_given_on_its_day_not_before(ma, lesson):
    with pytest.raises(ValidationError) as early:
        open_lesson_hold(actor=act(ma.head_user), open_lesson=lesson, as_of=D(2025, 10, 13))
    assert "date" in early.value.message_dict
    assert (
        open_lesson_hold(actor=act(ma.head_user), open_lesson=lesson, as_of=D(2025, 10, 14)).status
        == "held"
    )
    with pytest.raises(ValidationError):
        open_lesson_cancel(actor=act(ma.head_user), open_lesson=lesson)


def test_colleagues_sign_up_once_and_withdraw(ma, lesson):
    open_lesson_sign_up(actor=act(ma.colleague_user), open_lesson=lesson, staff=ma.colleague)
    open_lesson_sign_up(actor=act(ma.colleague_user), open_lesson=lesson, staff=ma.colleague)
    open_lesson_sign_up(actor=act(ma.other_user), open_lesson=lesson, staff=ma.other)
    assert sorted(lesson.visitors.values_list("staff__key", flat=True)) == ["t-bekova", "t-osmon"]
    # The calendar reads a colleague's visits through this relation.
    assert list(ma.colleague.open_lesson_visits.values_list("open_lesson__key", flat=True)) == [
        "ol-stem-2025-1"
    ]

    open_lesson_withdraw(actor=act(ma.colleague_user), open_lesson=lesson, staff=ma.colleague)
    assert list(lesson.visitors.values_list("staff__key", flat=True)) == ["t-osmon"]
    deleted = OpenLessonVisitor.history.filter(history_type="-").get()
    assert deleted.history_user == ma.colleague_user


def test_the_teacher_and_other_schools_cannot_sign_up(ma, lesson, outsider_school):
    with pytest.raises(PermissionDenied):  # ORG-3: the policy's attend_open_lesson
        open_lesson_sign_up(actor=act(ma.teacher_user), open_lesson=lesson, staff=ma.teacher)
    with pytest.raises(ValidationError) as own:  # nor may the head sign the teacher up
        open_lesson_sign_up(actor=act(ma.head_user), open_lesson=lesson, staff=ma.teacher)
    assert "staff" in own.value.message_dict
    foreigner = f.make_staff(outsider_school, key="t-foreign")
    with pytest.raises(ValidationError) as foreign:
        open_lesson_sign_up(actor=act(ma.head_user), open_lesson=lesson, staff=foreigner)
    assert "staff" in foreign.value.message_dict
    open_lesson_cancel(actor=act(ma.head_user), open_lesson=lesson)
    with pytest.raises(ValidationError) as cancelled:
        open_lesson_sign_up(actor=act(ma.colleague_user), open_lesson=lesson, staff=ma.colleague)
    assert "status" in cancelled.value.message_dict
    assert not OpenLessonVisitor.objects.exists()
