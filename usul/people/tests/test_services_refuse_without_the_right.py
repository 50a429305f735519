"""The staff data bank (DOC-9) asks the policy itself: called directly — as a page, the roster
import or a command would — by a plain teacher about a colleague, or by a deputy of another
school, a write is refused and nothing is written. A teacher edits their own card, but not the
positions, categories and teaching the leadership records."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied

from usul.people import services as s
from usul.people.models import Category, Employment, Position, Staff, Teaching
from usul.people.services import Row
from usul.testing.written import written

D = dt.date
RECORDS = (Staff, Position, Employment, Category, Teaching)
WHO = ["a plain teacher", "a deputy of another school"]
ROLE = {"a plain teacher": "teacher", "a deputy of another school": "outsider"}


def writes(scene):
    colleague = scene.colleague
    return {
        "staff_create": lambda a: s.staff_create(
            actor=a, school=scene.school, last_name="Жаңы", first_name="Мугалим"
        ),
        "staff_update of a colleague's card": lambda a: s.staff_update(
            actor=a, staff=colleague, values={"last_name": "Башка"}
        ),
        "staff_update of a colleague's employment": lambda a: s.staff_update(
            actor=a,
            staff=colleague,
            values={},
            employment=[Row(values={"organization": "№1 мектеп", "start": D(2001, 9, 1)})],
        ),
    }


@pytest.mark.parametrize(
    "service",
    [
        "staff_create",
        "staff_update of a colleague's card",
        "staff_update of a colleague's employment",
    ],
)
@pytest.mark.parametrize("who", WHO)
def test_the_service_refuses_and_writes_nothing(scene, service, who):
    before = written(*RECORDS)
    with pytest.raises(PermissionDenied):
        writes(scene)[service](scene.viewer(ROLE[who]))
    assert written(*RECORDS) == before


@pytest.mark.parametrize("section", ["positions", "categories", "teaching"])
def test_a_teacher_may_not_give_herself_positions_categories_or_teaching(scene, section):
    before = written(*RECORDS)
    with pytest.raises(PermissionDenied):
        s.staff_update(
            actor=scene.viewer("teacher"),
            staff=scene.teacher,
            values={"last_name": "Бекова-Асанова"},
            **{section: []},
        )
    assert written(*RECORDS) == before


def test_a_teacher_edits_her_own_card_and_employment(scene):
    s.staff_update(
        actor=scene.viewer("teacher"),
        staff=scene.teacher,
        values={"patronymic": "Асановна"},
        employment=[Row(values={"organization": "№1 мектеп", "start": D(2008, 9, 1)})],
    )
    scene.teacher.refresh_from_db()
    assert scene.teacher.patronymic == "Асановна"
    assert scene.teacher.employment.filter(organization="№1 мектеп").exists()


@pytest.mark.parametrize("service", ["staff_create", "staff_update of a colleague's card"])
def test_the_deputy_of_the_school_may(scene, service):
    writes(scene)[service](scene.viewer("deputy"))
