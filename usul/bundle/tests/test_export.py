"""bundle_export: every section and field, stable order; export → import → export is the same."""

from __future__ import annotations

import copy
import datetime as dt

import pytest

from usul.accounts.policy import command_line_administrator
from usul.bundle.services import bundle_export, bundle_import
from usul.bundle.validation import validate
from usul.schools.models import School
from usul.testing import factories as f

pytestmark = pytest.mark.django_db

# Usul's command-line administrator: these tests are about the bundle, not who imports it.
ADMINISTRATOR = command_line_administrator()

D = dt.date


def without_stamp(bundle: dict) -> dict:
    return {k: v for k, v in bundle.items() if k != "exported_at"}


def test_the_example_imports_and_exports_back_as_it_was_written(example):
    bundle_import(actor=ADMINISTRATOR, data=example)

    exported = bundle_export(actor=ADMINISTRATOR, school=School.objects.get(key="sch-17"))

    assert without_stamp(exported) == without_stamp(example)
    assert validate(exported) == []
    assert exported["exported_at"].endswith("Z")


def test_export_import_export_gives_the_same_document(school, director, deputy):
    # A school recorded through the application, not through a bundle.
    math = f.make_subject(school, key="math")
    teacher = f.make_staff(school, key="t-sultanova", last_name="Султанова", first_name="Бүбүсара",
                           birth_date=D(1990, 2, 28))  # fmt: skip
    f.make_employment(teacher, start=D(2012, 9, 1), end=D(2015, 5, 31))
    f.make_category(teacher, category="second", valid_until=D(2026, 4, 10))
    ma = f.make_association(school, key="ma-stem", subjects=[math])
    for person in (teacher, director, deputy):
        f.add_member(ma, person)
    f.add_head(ma, teacher)
    f.add_supervisor(ma, deputy)
    first = bundle_export(actor=ADMINISTRATOR, school=school)

    copied = copy.deepcopy(first)
    copied["school"]["key"] = "sch-copy"
    bundle_import(actor=ADMINISTRATOR, data=copied)
    second = bundle_export(actor=ADMINISTRATOR, school=School.objects.get(key="sch-copy"))

    second["school"]["key"] = "sch-17"
    assert without_stamp(second) == without_stamp(first)
    assert [s["key"] for s in first["staff"]] == [director.key, deputy.key, "t-sultanova"]
    assert first["associations"][0]["heads"][0]["staff"] == "t-sultanova"


def test_sections_a_bundle_left_out_come_back_empty_and_null(example):
    example["staff"].append({"key": "t-new", "last_name": "Жаңыбаева", "first_name": "Өмүркан"})
    del example["school"]["settings"]
    bundle_import(actor=ADMINISTRATOR, data=example)

    exported = bundle_export(actor=ADMINISTRATOR, school=School.objects.get(key="sch-17"))

    assert exported["staff"][-1] == {
        "key": "t-new", "last_name": "Жаңыбаева", "first_name": "Өмүркан", "patronymic": "",
        "birth_date": None, "gender": None, "education": None, "positions": [],
        "employment": [], "categories": [], "teaching": [], "self_development": [],
        "courses": [], "thematic_plans": [],
    }  # fmt: skip
    # BUNDLE.md: omitted settings are the defaults.
    assert exported["school"]["settings"] == {
        "plan_deadline_days": 14, "young_specialist_years": 3, "newly_arrived_days": 365,
        "ktu_required": True,
    }  # fmt: skip


def test_export_costs_the_same_queries_for_a_small_and_a_large_school(
    example, django_assert_num_queries
):
    bundle_import(actor=ADMINISTRATOR, data=example)
    large = copy.deepcopy(example)
    large["school"]["key"] = "sch-large"
    for n in range(40):
        large["staff"].append({**copy.deepcopy(example["staff"][2]), "key": f"t-{n}"})
        large["associations"][0]["members"].append(
            {"staff": f"t-{n}", "from": "2025-08-28", "to": None}
        )
    bundle_import(actor=ADMINISTRATOR, data=large)
    small_school = School.objects.get(key="sch-17")
    large_school = School.objects.get(key="sch-large")

    with django_assert_num_queries(35):
        bundle_export(actor=ADMINISTRATOR, school=small_school)
    with django_assert_num_queries(35):
        exported = bundle_export(actor=ADMINISTRATOR, school=large_school)
    assert len(exported["staff"]) == 48
