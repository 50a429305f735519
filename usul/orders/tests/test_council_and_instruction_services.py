"""The methodological council's decisions (GEN-4, GEN-6) and the district's instructions
(FUNC-1) are recorded, corrected and removed by the school's leadership, with history; a plain
teacher or a deputy of another school is refused and nothing is written."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from usul.orders import services as s
from usul.orders.models import CouncilDecision
from usul.schools.models import DistrictInstruction
from usul.testing.written import written

D = dt.date
WHO = {"a plain teacher": "teacher", "a deputy of another school": "outsider"}


def writes(scene):
    year = scene.ours.year
    decision, instruction = scene.ours.decision, scene.ours.instruction
    return {
        "council_decision_create": lambda a: s.council_decision_create(
            actor=a, school=scene.school, year=year, date=D(2025, 8, 27), text="Бекитилсин."
        ),
        "council_decision_update": lambda a: s.council_decision_update(
            actor=a, decision=decision, date=D(2025, 8, 28), text="Оңдолду."
        ),
        "council_decision_remove": lambda a: s.council_decision_remove(actor=a, decision=decision),
        "instruction_create": lambda a: s.instruction_create(
            actor=a, school=scene.school, year=year, date=D(2025, 8, 15), title="Көрсөтмө"
        ),
        "instruction_update": lambda a: s.instruction_update(
            actor=a, instruction=instruction, date=D(2025, 8, 16), title="Оңдолду"
        ),
        "instruction_remove": lambda a: s.instruction_remove(actor=a, instruction=instruction),
    }


SERVICES = [
    "council_decision_create",
    "council_decision_update",
    "council_decision_remove",
    "instruction_create",
    "instruction_update",
    "instruction_remove",
]


@pytest.mark.parametrize("service", SERVICES)
@pytest.mark.parametrize("who", WHO)
def test_the_service_refuses_and_writes_nothing(scene, service, who):
    before = written(CouncilDecision, DistrictInstruction)
    with pytest.raises(PermissionDenied):
        writes(scene)[service](scene.viewer(WHO[who]))
    assert written(CouncilDecision, DistrictInstruction) == before


@pytest.mark.parametrize("service", SERVICES)
def test_the_deputy_may_and_the_history_names_them(scene, service):
    model = CouncilDecision if service.startswith("council") else DistrictInstruction
    before = model.history.count()
    writes(scene)[service](scene.viewer("deputy"))
    assert model.history.count() == before + 1
    assert model.history.latest().history_user == scene.users["deputy"]


def test_a_decision_names_the_mas_it_approves(scene):
    decision = s.council_decision_create(
        actor=scene.viewer("deputy"),
        school=scene.school,
        year=scene.ours.year,
        date=D(2025, 8, 27),
        text="Бекитилсин.",
        associations=[scene.stem, scene.lang],
    )
    assert set(decision.associations.all()) == {scene.stem, scene.lang}
    assert decision.key == "cd-2025-2"


def test_a_decision_may_not_approve_another_schools_ma(scene):
    with pytest.raises(ValidationError) as info:
        s.council_decision_create(
            actor=scene.viewer("deputy"),
            school=scene.school,
            year=scene.ours.year,
            date=D(2025, 8, 27),
            text="Бекитилсин.",
            associations=[scene.outsider_ma],
        )
    assert "associations" in info.value.message_dict


@pytest.mark.parametrize(
    ("day", "accepted"),
    [
        (D(2025, 7, 31), False),
        (D(2025, 8, 1), True),
        (D(2026, 5, 31), True),
        (D(2026, 6, 1), False),
    ],
)
def test_a_decision_is_dated_within_its_year_from_the_august_before(scene, day, accepted):
    def create():
        return s.council_decision_create(
            actor=scene.viewer("deputy"),
            school=scene.school,
            year=scene.ours.year,
            date=day,
            text="Бекитилсин.",
        )

    if accepted:
        assert create().date == day
    else:
        with pytest.raises(ValidationError) as info:
            create()
        assert "date" in info.value.message_dict


def test_a_decision_without_text_is_refused(scene):
    with pytest.raises(ValidationError) as info:
        s.council_decision_create(
            actor=scene.viewer("deputy"),
            school=scene.school,
            year=scene.ours.year,
            date=D(2025, 8, 27),
            text="   ",
        )
    assert "text" in info.value.message_dict


def test_changing_only_the_mas_of_a_decision_leaves_a_history_row(scene):
    decision = scene.ours.decision
    before = decision.history.count()
    s.council_decision_update(
        actor=scene.viewer("deputy"),
        decision=decision,
        date=decision.date,
        text=decision.text,
        associations=[scene.stem],
    )
    assert list(decision.associations.all()) == [scene.stem]
    assert decision.history.count() == before + 1


def test_saving_a_decision_unchanged_writes_nothing(scene):
    decision = scene.ours.decision
    before = decision.history.count()
    s.council_decision_update(
        actor=scene.viewer("deputy"), decision=decision, date=decision.date, text=decision.text
    )
    assert decision.history.count() == before


def test_an_instruction_is_for_all_subjects_or_for_some(scene):
    instruction = s.instruction_create(
        actor=scene.viewer("deputy"),
        school=scene.school,
        year=scene.ours.year,
        date=D(2025, 8, 15),
        title="Математика боюнча",
        number="08",
        targets_all=False,
        subjects=list(scene.stem.subjects.all()),
    )
    assert list(instruction.target_subjects.all()) == list(scene.stem.subjects.all())
    with pytest.raises(ValidationError) as info:
        s.instruction_create(
            actor=scene.viewer("deputy"),
            school=scene.school,
            year=scene.ours.year,
            date=D(2025, 8, 15),
            title="Эч кимге",
            targets_all=False,
        )
    assert "subjects" in info.value.message_dict


def test_an_instruction_without_title_or_date_is_refused(scene):
    for date, title, field in ((None, "Көрсөтмө", "date"), (D(2025, 8, 15), "", "title")):
        with pytest.raises(ValidationError) as info:
            s.instruction_create(
                actor=scene.viewer("deputy"),
                school=scene.school,
                year=scene.ours.year,
                date=date,
                title=title,
            )
        assert field in info.value.message_dict


def test_a_removed_instruction_stays_in_its_history(scene):
    instruction = scene.ours.instruction
    s.instruction_remove(actor=scene.viewer("director"), instruction=instruction)
    assert not DistrictInstruction.objects.filter(school=scene.school, key="di-scene").exists()
    last = DistrictInstruction.history.latest()
    assert (last.history_type, last.key, last.history_user) == (
        "-",
        "di-scene",
        scene.users["director"],
    )
