"""A school year of one MA for the calendar tests: a head, two members, a teacher outside."""

from __future__ import annotations

import datetime as dt
import itertools
from dataclasses import dataclass

import pytest

from usul.lessons.models import OpenLesson, OpenLessonVisitor
from usul.meetings.models import Meeting, Resolution
from usul.testing import factories as f

D = dt.date
_seq = itertools.count(1)


@dataclass
class Year:
    school: object
    year: object
    ma: object
    head: object
    member: object
    colleague: object
    stranger: object  # a teacher of the school in no MA


def make_meeting(year: Year, *, date, association=None, number=None, **fields) -> Meeting:
    association = association or year.ma
    return Meeting.objects.create(
        school=year.school,
        association=association,
        key=f"m-{next(_seq)}",
        year=year.year,
        number=number or next(_seq),
        date=date,
        **fields,
    )


def make_open_lesson(year: Year, *, teacher, date, topic="Бөлчөктөр", visitors=(), **fields):
    lesson = OpenLesson.objects.create(
        school=year.school,
        association=year.ma,
        key=f"ol-{next(_seq)}",
        year=year.year,
        teacher=teacher,
        topic=topic,
        date=date,
        **fields,
    )
    for visitor in visitors:
        OpenLessonVisitor.objects.create(open_lesson=lesson, staff=visitor)
    return lesson


def make_resolution(meeting: Meeting, *, responsible, due, text="Ачык сабак өткөрүү", **fields):
    return Resolution.objects.create(
        meeting=meeting,
        number=next(_seq),
        text=text,
        responsible=responsible,
        due=due,
        **fields,
    )


@pytest.fixture
def ma_year(school) -> Year:
    head = f.make_staff(school, last_name="Жумабаева", first_name="Нургүл")
    member = f.make_staff(school, last_name="Асанов", first_name="Таалай")
    colleague = f.make_staff(school, last_name="Бекова", first_name="Айзада")
    stranger = f.make_staff(school, last_name="Сыдыков", first_name="Эрлан")
    ma = f.make_association(school, name="Табигый цикл")
    for person in (head, member, colleague):
        f.add_member(ma, person)
    f.add_head(ma, head)
    return Year(
        school=school,
        year=school.years.get(),
        ma=ma,
        head=head,
        member=member,
        colleague=colleague,
        stranger=stranger,
    )
