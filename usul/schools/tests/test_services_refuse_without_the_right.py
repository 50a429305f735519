"""A school's set-up — its years, subjects and settings — is changed by its leadership and the
administrator (``configure_school``): called directly by a plain teacher, an MA's head, the
district's methodologist or a deputy of another school, every service is refused and nothing is
written."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied

from usul.schools import services as s
from usul.schools.models import Area, School, SchoolYear, Subject
from usul.testing.written import written

D = dt.date
WHO = {
    "a plain teacher": "teacher",
    "the head of an MA": "head",
    "the district's methodologist": "district",
    "a deputy of another school": "outsider",
}


def writes(scene):
    year = scene.school.years.get(key="2025-2026")
    math = scene.school.subjects.get(key="math")
    return {
        "school_year_create": lambda a: s.school_year_create(
            actor=a, school=scene.school, start=D(2026, 9, 1), end=D(2027, 5, 31), theme="Тема"
        ),
        "school_year_update": lambda a: s.school_year_update(
            actor=a, year=year, start=year.start, end=year.end, theme="Жаңы тема"
        ),
        "subject_create": lambda a: s.subject_create(
            actor=a, school=scene.school, name_ky="Химия", area=Area.STEM
        ),
        "subject_update": lambda a: s.subject_update(
            actor=a, subject=math, name_ky="Алгебра", area=Area.STEM
        ),
        "subjects_add_from_framework": lambda a: s.subjects_add_from_framework(
            actor=a, school=scene.school, keys=["chemistry"]
        ),
        "school_settings_update": lambda a: s.school_settings_update(
            actor=a,
            school=scene.school,
            name="Башка ат",
            plan_deadline_days=20,
            young_specialist_years=3,
            newly_arrived_days=365,
            ktu_required=False,
            category_reminder_months=6,
            course_reminder_years=5,
        ),
    }


SERVICES = [
    "school_year_create",
    "school_year_update",
    "subject_create",
    "subject_update",
    "subjects_add_from_framework",
    "school_settings_update",
]


@pytest.mark.parametrize("service", SERVICES)
@pytest.mark.parametrize("who", WHO)
def test_the_service_refuses_and_writes_nothing(scene, service, who):
    actor = scene.viewer(WHO[who])
    before = written(School, SchoolYear, Subject)
    with pytest.raises(PermissionDenied):
        writes(scene)[service](actor)
    assert written(School, SchoolYear, Subject) == before


@pytest.mark.parametrize("service", SERVICES)
@pytest.mark.parametrize("who", ["director", "deputy", "deputy_nmr", "admin"])
def test_the_leadership_and_the_administrator_may(scene, service, who):
    writes(scene)[service](scene.viewer(who))
