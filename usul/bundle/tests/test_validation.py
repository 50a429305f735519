"""validate(): every problem of a bundle at once, each with its JSON path; nothing written."""

from __future__ import annotations

import copy

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation
from jsonschema import Draft202012Validator

from usul.accounts.policy import command_line_administrator
from usul.bundle.services import bundle_import
from usul.bundle.validation import BundleInvalid, schema, show, validate
from usul.people.models import Staff
from usul.schools.models import School
from usul.schools.validation import check_key

# Usul's command-line administrator: these tests are about the bundle, not who imports it.
ADMINISTRATOR = command_line_administrator()


def messages(data) -> list[str]:
    return [str(e) for e in validate(data)]


def assert_nothing_written(data, expected: list[str]) -> None:
    with pytest.raises(BundleInvalid) as invalid:
        bundle_import(actor=ADMINISTRATOR, data=data)
    assert [str(e) for e in invalid.value.errors] == expected
    assert School.objects.count() == 0
    assert Staff.objects.count() == 0


def test_the_schema_is_a_valid_draft_2020_12_schema():
    Draft202012Validator.check_schema(schema())


def test_the_hand_written_example_is_valid(example):
    assert validate(example) == []


@pytest.mark.django_db
def test_every_unknown_reference_is_reported_with_its_path(example):
    stem, lang = example["associations"]
    example["staff"][2]["teaching"][0]["year"] = "2030-2031"
    example["staff"][2]["teaching"][1]["subject"] = "chemistry"
    example["staff"][2]["thematic_plans"][0]["subject"] = "chemistry"
    example["staff"][2]["self_development"][0]["year"] = "1999-2000"
    example["orders"][0]["association"] = "ma-art"
    example["orders"][0]["signed_by"] = "t-nobody"
    example["council_decisions"][1]["associations"][1] = "ma-art"
    example["council_decisions"][1]["year"] = "2026-2027"
    example["district_instructions"][1]["targets"] = ["physics", "biology"]
    stem["subjects"].append("biology")
    stem["created_by"] = "o-1999-001"
    stem["supervisors"][0]["staff"] = "t-x"
    lang["members"][0]["staff"] = "t-x"
    stem["heads"][1]["elected_at"] = "m-none"
    stem["heads"][1]["order"] = "o-none"
    stem["plans"][1]["reflects"]["instructions"][0] = "di-none"
    stem["plans"][1]["items"][0]["responsible"] = "t-x"
    stem["plans"][1]["approved_by"] = "t-x"
    stem["meetings"][1]["attendance"][0]["staff"] = "t-x"
    stem["meetings"][1]["resolutions"][1]["responsible"] = "t-x"
    stem["open_lessons"][0]["teacher"] = "t-x"
    stem["open_lessons"][0]["observations"][0]["observer"] = "t-x"
    stem["analyses"][0]["presented_at"] = "m-none"
    stem["analyses"][0]["author"] = "t-x"
    stem["ktu"][0]["commission"][0] = "t-x"
    stem["ktu"][0]["values"][0]["staff"] = "t-x"
    stem["documents"][0]["year"] = "2030-2031"

    assert_nothing_written(example, [
        'staff[2].teaching[0].year: unknown year key "2030-2031"',
        'staff[2].teaching[1].subject: unknown subject key "chemistry"',
        'staff[2].self_development[0].year: unknown year key "1999-2000"',
        'staff[2].thematic_plans[0].subject: unknown subject key "chemistry"',
        'orders[0].association: unknown MA key "ma-art"',
        'orders[0].signed_by: unknown staff key "t-nobody"',
        'council_decisions[1].year: unknown year key "2026-2027"',
        'council_decisions[1].associations[1]: unknown MA key "ma-art"',
        'district_instructions[1].targets[1]: unknown subject key "biology"',
        'associations[0].subjects[3]: unknown subject key "biology"',
        'associations[0].created_by: unknown order key "o-1999-001"',
        'associations[0].supervisors[0].staff: unknown staff key "t-x"',
        'associations[0].heads[1].elected_at: unknown meeting key "m-none"',
        'associations[0].heads[1].order: unknown order key "o-none"',
        'associations[0].plans[1].approved_by: unknown staff key "t-x"',
        'associations[0].plans[1].reflects.instructions[0]: unknown instruction key "di-none"',
        'associations[0].plans[1].items[0].responsible: unknown staff key "t-x"',
        'associations[0].meetings[1].attendance[0].staff: unknown staff key "t-x"',
        'associations[0].meetings[1].resolutions[1].responsible: unknown staff key "t-x"',
        'associations[0].open_lessons[0].teacher: unknown staff key "t-x"',
        'associations[0].open_lessons[0].observations[0].observer: unknown staff key "t-x"',
        'associations[0].analyses[0].author: unknown staff key "t-x"',
        'associations[0].analyses[0].presented_at: unknown meeting key "m-none"',
        'associations[0].ktu[0].commission[0]: unknown staff key "t-x"',
        'associations[0].ktu[0].values[0].staff: unknown staff key "t-x"',
        'associations[0].documents[0].year: unknown year key "2030-2031"',
        'associations[1].members[0].staff: unknown staff key "t-x"',
    ])  # fmt: skip


@pytest.mark.django_db
def test_duplicate_keys_are_reported_per_kind_and_across_mas(example):
    stem, lang = example["associations"]
    for section in ("years", "subjects", "orders", "council_decisions", "district_instructions"):
        example[section].append(copy.deepcopy(example[section][0]))
    example["staff"].append({"key": "t-asanova", "last_name": "Асанова", "first_name": "Айгүл"})
    example["associations"].append(
        {**copy.deepcopy(lang), "meetings": [], "open_lessons": [], "documents": []}
    )
    # Meetings, open lessons and register entries are unique per school, across MAs.
    lang["meetings"].append(copy.deepcopy(stem["meetings"][1]))
    lang["open_lessons"].append(copy.deepcopy(stem["open_lessons"][0]))
    lang["documents"].append(copy.deepcopy(stem["documents"][4]))

    assert_nothing_written(example, [
        'years[2].key: duplicate year key "2024-2025" (first at years[0])',
        'subjects[6].key: duplicate subject key "math" (first at subjects[0])',
        'staff[8].key: duplicate staff key "t-asanova" (first at staff[2])',
        'orders[5].key: duplicate order key "o-2023-012" (first at orders[0])',
        'council_decisions[2].key: duplicate council decision key "cd-2024-1" '
        "(first at council_decisions[0])",
        'district_instructions[2].key: duplicate instruction key "di-2025-07" '
        "(first at district_instructions[0])",
        'associations[1].meetings[1].key: duplicate meeting key "m-stem-2025-1" '
        "(first at associations[0].meetings[1])",
        'associations[1].open_lessons[1].key: duplicate open lesson key "ol-1" '
        "(first at associations[0].open_lessons[0])",
        'associations[1].documents[1].key: duplicate document key "d-stem-2025-07" '
        "(first at associations[0].documents[4])",
        'associations[2].key: duplicate MA key "ma-lang" (first at associations[1])',
    ])  # fmt: skip


@pytest.mark.django_db
def test_wrong_enum_values_bad_dates_and_wrong_types_are_reported(example):
    stem = example["associations"][0]
    del example["exported_at"]  # optional: a hand-written bundle has no export time
    example["version"] = 2
    example["subjects"][0]["area"] = "science"
    example["staff"][3]["birth_date"] = "1980-02-30"
    example["staff"][3]["gender"] = "female"
    example["staff"][3]["positions"][0]["role"] = "head"
    example["staff"][3]["categories"][0]["awarded"] = "2020/02/14"
    example["staff"][3]["teaching"][0]["grades"] = "7, 8, 9"
    example["staff"][3]["teaching"][0]["hours_per_week"] = "16.5"
    del example["staff"][4]["last_name"]
    example["staff"][5]["education"]["level"] = "university"
    example["orders"][0]["kind"] = "create"
    example["orders"][1]["date"] = "28.08.2025"
    example["district_instructions"][0]["targets"] = []
    stem["kind"] = "science"
    stem["members"][0]["to"] = 2026
    stem["plans"][1]["status"] = "accepted"
    stem["plans"][1]["items"][1]["month"] = "2025-13"
    stem["plans"][1]["items"][2]["kind"] = "lecture"
    stem["meetings"][0]["status"] = "done"
    stem["meetings"][0]["attendance"][0]["status"] = "late"
    stem["meetings"][1]["resolutions"][0]["status"] = "closed"
    stem["meetings"][1]["number"] = "1"
    stem["open_lessons"][0]["date"] = "2025-09-31"
    stem["ktu"][0]["values"][0]["value"] = "1,15"
    stem["documents"][0]["type"] = "DOC-13"
    stem["documents"][1]["location"] = "home"
    stem["documents"][2]["date"] = "2025-05"
    del stem["analyses"][0]["proposals"]

    assert_nothing_written(example, [
        "version: 2 is not allowed here; expected 1",
        'subjects[0].area: "science" is not one of: languages, stem, arts_social, primary',
        'staff[3].birth_date: "1980-02-30" is not a date',
        'staff[3].gender: "female" is not one of: f, m, null',
        'staff[3].positions[0].role: "head" is not one of: teacher, class_teacher, educator, '
        "director, deputy_academic, deputy_methodical, other",
        'staff[3].categories[0].awarded: "2020/02/14" is not a date',
        'staff[3].teaching[0].grades: expected a list, not "7, 8, 9"',
        'staff[3].teaching[0].hours_per_week: expected a number or null, not "16.5"',
        "staff[4].last_name: required field is missing",
        'staff[5].education.level: "university" is not one of: higher, incomplete_higher, '
        "secondary_professional, secondary, null",
        'orders[0].kind: "create" is not one of: ma_create, ma_reorganize, ma_liquidate, '
        "head_confirm, ma_count, ktu_commission, other",
        'orders[1].date: "28.08.2025" is not a date',
        "district_instructions[0].targets: must not be empty",
        'associations[0].kind: "science" is not one of: subject, class_teachers, educators, other',
        "associations[0].members[0].to: expected text or null, not 2026",
        'associations[0].plans[1].status: "accepted" is not one of: draft, submitted, approved, '
        "returned",
        'associations[0].plans[1].items[1].month: "2025-13" is not a month (YYYY-MM)',
        'associations[0].plans[1].items[2].kind: "lecture" is not one of: meeting, open_lesson, '
        "seminar, training, extracurricular, control_work, observation, other",
        'associations[0].meetings[0].status: "done" is not one of: scheduled, held, cancelled',
        'associations[0].meetings[0].attendance[0].status: "late" is not one of: present, '
        "absent, excused",
        'associations[0].meetings[1].number: expected a whole number, not "1"',
        'associations[0].meetings[1].resolutions[0].status: "closed" is not one of: open, done, '
        "cancelled",
        'associations[0].open_lessons[0].date: "2025-09-31" is not a date',
        "associations[0].analyses[0].proposals: required field is missing",
        'associations[0].ktu[0].values[0].value: expected a number, not "1,15"',
        'associations[0].documents[0].type: "DOC-13" is not one of: DOC-1, DOC-2, DOC-3, DOC-4, '
        "DOC-5, DOC-6, DOC-7, DOC-8, DOC-9, DOC-10, DOC-11, DOC-12, other",
        'associations[0].documents[1].location: "home" is not one of: school, archive, disposed',
        'associations[0].documents[2].date: "2025-05" is not a date',
    ])  # fmt: skip


@pytest.mark.django_db
def test_what_the_database_would_refuse_is_reported_before_anything_is_written(example):
    stem = example["associations"][0]
    example["years"][1]["end"] = "2025-08-31"
    example["staff"][2]["positions"][1]["to"] = "2015-08-31"
    example["staff"][2]["categories"][0]["valid_until"] = "2021-04-09"
    example["staff"][2]["courses"][0]["to"] = "2024-06-02"
    example["staff"][2]["teaching"][0]["hours_per_week"] = 18.25
    example["staff"][0]["last_name"] = "Т" * 101
    stem["heads"][0]["to"] = "2023-08-27"
    stem["members"][0]["from"] = "2026-01-01"
    stem["members"][0]["to"] = "2025-12-31"
    # Attendance once per person, one plan and one KTU record per MA and year.
    stem["meetings"][1]["attendance"][1]["staff"] = "t-asanova"
    stem["plans"][1]["year"] = "2024-2025"
    stem["ktu"].append({"year": "2024-2025", "commission": [], "values": []})
    stem["ktu"][0]["values"][0]["value"] = 1.1555
    stem["subjects"].append("math")
    example["district_instructions"][0]["targets"] = ["all", "math"]
    example["school"]["key"] = "sch 17"

    assert_nothing_written(example, [
        'school.key: "sch 17" is not a valid key: use Latin letters, digits, “.”, “_” or “-”, '
        "beginning with a letter or a digit",
        'years[1].end: "2025-08-31" is earlier than "start" ("2025-09-01")',
        "staff[0].last_name: is longer than 100 characters",
        'staff[2].positions[1].to: "2015-08-31" is earlier than "from" ("2015-09-01")',
        'staff[2].categories[0].valid_until: "2021-04-09" is earlier than "awarded" '
        '("2021-04-10")',
        "staff[2].teaching[0].hours_per_week: 18.25 has more than 1 decimal places",
        'staff[2].courses[0].to: "2024-06-02" is earlier than "from" ("2024-06-03")',
        'district_instructions[0].targets: "all" cannot be combined with subject keys',
        'associations[0].subjects[3]: "math" is listed more than once',
        'associations[0].members[0].to: "2025-12-31" is earlier than "from" ("2026-01-01")',
        'associations[0].heads[0].to: "2023-08-27" is earlier than "from" ("2023-08-28")',
        'associations[0].plans[1].year: a second plan for year "2024-2025" '
        "(first at associations[0].plans[0])",
        'associations[0].meetings[1].attendance[1].staff: "t-asanova" is listed more than once',
        "associations[0].ktu[0].values[0].value: 1.1555 has more than 3 decimal places",
        'associations[0].ktu[1].year: a second KTU record for year "2024-2025" '
        "(first at associations[0].ktu[0])",
    ])  # fmt: skip


def test_a_document_that_is_not_an_object_or_lacks_every_section_says_so():
    assert messages([]) == ["$: expected an object, not []"]
    assert messages({"format": "usul-bundle", "version": 1}) == [
        f"{name}: required field is missing"
        for name in ("district", "school", "years", "subjects", "staff", "orders",
                     "council_decisions", "district_instructions", "associations")
    ]  # fmt: skip


def test_a_staff_record_needs_only_its_key_and_names(example):
    example["staff"].append({"key": "t-new", "last_name": "Жаңыбаева", "first_name": "Өмүркан"})
    assert validate(example) == []


def test_messages_are_translated_and_the_path_stays_as_it_is(example):
    example["associations"][1]["members"][0]["staff"] = "t-x"
    example["staff"][3]["birth_date"] = "1980-02-30"
    with translation.override("ky"):
        kyrgyz = messages(example)
    with translation.override("ru"):
        russian = messages(example)
    assert kyrgyz == [
        'staff[3].birth_date: "1980-02-30" — күн эмес',
        'associations[1].members[0].staff: белгисиз кызматкердин ачкычы "t-x"',
    ]
    assert russian == [
        'staff[3].birth_date: "1980-02-30" — не дата',
        'associations[1].members[0].staff: неизвестный ключ сотрудника "t-x"',
    ]


@pytest.mark.parametrize("key", ["..", ".", "<b>k", "-x", "k\n", "ключ"])
def test_a_bundle_key_follows_the_rule_of_the_forms(example, key):
    with pytest.raises(ValidationError):
        check_key(key)  # what a form answers for the same key
    example["staff"].append({"key": key, "last_name": "Асанов", "first_name": "Бакыт"})
    document = {**example["associations"][0]["documents"][0], "key": key}
    example["associations"][0]["documents"].append(document)

    assert messages(example) == [
        f"staff[8].key: {show(key)} is not a valid key: use Latin letters, digits, “.”, “_” or "
        "“-”, beginning with a letter or a digit",
        f"associations[0].documents[{len(example['associations'][0]['documents']) - 1}].key: "
        f"{show(key)} is not a valid key: use Latin letters, digits, “.”, “_” or “-”, "
        "beginning with a letter or a digit",
    ]


def test_a_word_that_names_a_page_is_no_key_in_a_bundle_either(example):
    example["school"]["key"] = "new"
    example["staff"].append({"key": "new", "last_name": "Асанов", "first_name": "Бакыт"})

    assert messages(example) == [
        'school.key: "new" names a page of Usul and cannot be a key; choose another',
        'staff[8].key: "new" names a page of Usul and cannot be a key; choose another',
    ]


def test_keys_the_forms_accept_are_accepted(example):
    example["staff"].append({"key": "t.asanov_2", "last_name": "Асанов", "first_name": "Бакыт"})
    assert messages(example) == []
