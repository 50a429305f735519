"""Editing a plan and its items: the school year's bounds, who may edit, what it reflects,
and two editors who must never silently overwrite each other."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from usul.planning import services as s
from usul.planning.models import PlanItem, PlanItemKind, WorkPlan
from usul.planning.selectors import instructions_in_force
from usul.planning.tests.conftest import act
from usul.schools.models import DistrictInstruction
from usul.testing import factories as f

D = dt.date


@pytest.fixture
def plan(head, ma, year):
    return s.plan_create(actor=act(head), association=ma, year=year)


def add(head, plan, **fields):
    fields.setdefault("kind", PlanItemKind.SEMINAR)
    fields.setdefault("title", "Семинар: функционалдык сабаттуулук")
    return s.plan_item_add(actor=act(head), plan=plan, **fields)


def test_item_dates_must_lie_within_the_school_year_both_ends_included(head, plan):
    # The year runs 2025-09-01 … 2026-05-31; its window opens on the August before it.
    assert add(head, plan, date=D(2025, 8, 1)).month == "2025-08"
    assert add(head, plan, date=D(2025, 9, 1)).month == "2025-09"
    assert add(head, plan, date=D(2026, 5, 31)).month == "2026-05"
    for outside in (D(2025, 7, 31), D(2026, 6, 1)):
        with pytest.raises(ValidationError) as refused:
            add(head, plan, date=outside)
        message = refused.value.message_dict["date"][0]
        assert f"{outside:%d.%m.%Y}" in message
        assert "2025-2026 (01.08.2025 – 31.05.2026)" in message
    assert plan.items.count() == 3


def test_item_months_must_lie_within_the_school_year(head, plan):
    assert add(head, plan, month="2025-08").date is None
    assert add(head, plan, month="2026-05").month == "2026-05"
    for outside in ("2025-07", "2026-06", "2025-13", "September"):
        with pytest.raises(ValidationError) as refused:
            add(head, plan, month=outside)
        assert "month" in refused.value.message_dict
    with pytest.raises(ValidationError) as mismatch:
        add(head, plan, month="2025-10", date=D(2025, 11, 5))
    assert "2025-11" in mismatch.value.message_dict["month"][0]
    with pytest.raises(ValidationError) as nothing:
        add(head, plan, title="  ", kind="party")
    assert set(nothing.value.message_dict) == {"month", "kind", "title"}
    assert plan.items.count() == 2


def test_the_responsible_person_must_work_at_the_school(head, plan, outsider_school):
    stranger = f.make_staff(outsider_school)
    with pytest.raises(ValidationError) as refused:
        add(head, plan, month="2025-10", responsible=stranger)
    assert "responsible" in refused.value.message_dict


def test_a_head_cannot_edit_another_mas_plan_nor_a_member_their_own(
    school, head, teacher, director, plan, year
):
    other = f.make_association(school, key="ma-lang", name="Тилдер")
    other_head = f.make_staff(school, key="t-other")
    f.add_member(other, other_head)
    f.add_head(other, other_head)
    for who in (other_head, teacher):
        with pytest.raises(PermissionDenied):
            add(who, plan, month="2025-10")
        with pytest.raises(PermissionDenied):
            s.plan_update(
                actor=act(who),
                plan=plan,
                revision=plan.revision,
                theme="x",
                goal="",
                directions=[],
                tasks=[],
                reflects_school_theme=False,
                reflects_instructions=[],
            )
    with pytest.raises(PermissionDenied):
        s.plan_create(actor=act(other_head), association=plan.association, year=year)
    # The school's leadership may edit any MA's plan.
    assert add(director, plan, month="2025-10").plan == plan


def test_a_second_plan_for_the_same_ma_and_year_is_refused(head, plan, ma, year):
    with pytest.raises(ValidationError) as twice:
        s.plan_create(actor=act(head), association=ma, year=year)
    assert "year" in twice.value.message_dict
    assert WorkPlan.objects.filter(association=ma).count() == 1


def test_the_instructions_in_force_are_those_for_all_or_sharing_a_subject(
    school, head, plan, ma, year, math
):
    from usul.schools.models import SchoolYear

    other_subject = f.make_subject(school, key="history", name="Тарых")
    next_year = SchoolYear.objects.create(
        school=school, key="2026-2027", start=D(2026, 9, 1), end=D(2027, 5, 31)
    )

    def instruction(key, year, *, everyone=False, subjects=()):
        made = DistrictInstruction.objects.create(
            school=school,
            key=key,
            year=year,
            number=key[-2:],
            date=D(2025, 8, 15),
            title=f"Көрсөтмө {key}",
            targets_all=everyone,
        )
        made.target_subjects.set(subjects)
        return made

    for_all = instruction("di-01", year, everyone=True)
    for_math = instruction("di-02", year, subjects=[math, other_subject])
    instruction("di-03", year, subjects=[other_subject])
    instruction("di-04", next_year, everyone=True)
    assert instructions_in_force(ma, year) == [for_all, for_math]

    plan = s.plan_update(
        actor=act(head),
        plan=plan,
        revision=plan.revision,
        theme="Тема",
        goal="Максат",
        directions="Багыт 1\n\n Багыт 2 ",
        tasks=["Милдет"],
        reflects_school_theme=True,
        reflects_instructions=[for_all, for_math],
    )
    assert plan.directions == ["Багыт 1", "Багыт 2"]
    assert set(plan.reflects_instructions.all()) == {for_all, for_math}

    history_only = DistrictInstruction.objects.get(key="di-03")
    with pytest.raises(ValidationError) as refused:
        s.plan_update(
            actor=act(head),
            plan=plan,
            revision=plan.revision,
            theme="Тема",
            goal="Максат",
            directions=[],
            tasks=[],
            reflects_school_theme=True,
            reflects_instructions=[history_only],
        )
    assert "reflects_instructions" in refused.value.message_dict


def test_the_school_theme_can_be_reflected_only_when_the_year_has_one(head, plan, year):
    year.theme = None
    year.save(update_fields=["theme"])
    plan.year.refresh_from_db()
    with pytest.raises(ValidationError) as refused:
        s.plan_update(
            actor=act(head),
            plan=plan,
            revision=plan.revision,
            theme="",
            goal="",
            directions=[],
            tasks=[],
            reflects_school_theme=True,
            reflects_instructions=[],
        )
    assert "reflects_school_theme" in refused.value.message_dict


def test_an_edit_based_on_an_older_revision_is_refused_and_says_who_changed_what(
    head, director, plan
):
    seen_by_head = plan.revision
    add(director, plan, month="2025-11", title="Тренинг: санариптик куралдар")
    with pytest.raises(ValidationError) as stale:
        s.plan_update(
            actor=act(head),
            plan=plan,
            revision=seen_by_head,
            theme="Менин темам",
            goal="",
            directions=[],
            tasks=[],
            reflects_school_theme=False,
            reflects_instructions=[],
        )
    assert stale.value.code == "stale"
    message = stale.value.messages[0]
    assert "Токтогулов Б." in message
    assert "Тренинг: санариптик куралдар" in message
    plan.refresh_from_db()
    assert plan.theme == ""
    # Saving from the current revision goes through.
    plan = s.plan_update(
        actor=act(head),
        plan=plan,
        revision=plan.revision,
        theme="Менин темам",
        goal="",
        directions=[],
        tasks=[],
        reflects_school_theme=False,
        reflects_instructions=[],
    )
    assert plan.theme == "Менин темам"


def test_two_people_changing_the_same_item_the_second_is_refused(head, director, plan):
    item = add(head, plan, month="2025-10")
    seen = item.revision
    s.plan_item_update(
        actor=act(director),
        item=item,
        revision=seen,
        kind=PlanItemKind.TRAINING,
        title="Тренинг",
        month="2025-10",
    )
    with pytest.raises(ValidationError) as stale:
        s.plan_item_update(
            actor=act(head),
            item=item,
            revision=seen,
            kind=PlanItemKind.SEMINAR,
            title="Семинар",
            month="2025-12",
        )
    message = stale.value.messages[0]
    assert "Токтогулов Б." in message and "kind" in message and "title" in message
    item.refresh_from_db()
    assert (item.kind, item.title, item.month) == ("training", "Тренинг", "2025-10")


def test_an_item_is_removed_from_a_draft_only(head, deputy, plan):
    item = add(head, plan, date=D(2025, 9, 20))
    s.plan_item_remove(actor=act(head), item=item, revision=item.revision)
    assert not PlanItem.objects.filter(pk=item.pk).exists()
    assert plan.events.filter(kind="item_removed", detail__title=item.title).exists()
