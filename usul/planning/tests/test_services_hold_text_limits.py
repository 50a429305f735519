"""The plan's services hold the same text limits as its pages, so that a bundle, a command or
a script cannot store a pasted megabyte either (DOC-6, DOC-8). Each limit at both sides."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from usul.lib import text_limits
from usul.planning import services as s
from usul.planning.models import PlanItem, PlanItemKind, WorkPlan
from usul.planning.tests.conftest import act
from usul.planning.tests.test_plan_workflow import ready_plan

D = dt.date


def test_a_theme_at_the_limit_is_kept_and_one_character_more_is_refused_by_name(head, ma, year):
    plan = ready_plan(head, ma, year)
    fields = dict(goal=plan.goal, directions=[], tasks=[], reflects_school_theme=False,
                  reflects_instructions=[])  # fmt: skip
    at_limit = "т" * text_limits.SENTENCE
    plan = s.plan_update(
        actor=act(head), plan=plan, revision=plan.revision, theme=at_limit, **fields
    )
    with pytest.raises(ValidationError) as refused:
        s.plan_update(
            actor=act(head), plan=plan, revision=plan.revision, theme=at_limit + "т", **fields
        )
    assert refused.value.message_dict["theme"] == [
        "Methodological theme of the MA: at most 1 000 characters, this one has 1001."
    ]
    assert WorkPlan.objects.get(pk=plan.pk).theme == at_limit


def test_directions_are_counted_together_and_a_new_plan_is_held_too(head, ma, year):
    f_lines = ["д" * 1000, "д" * 1000, "д" * 1000]  # 3 002 characters with the line breaks
    with pytest.raises(ValidationError) as refused:
        s.plan_create(actor=act(head), association=ma, year=year, directions=f_lines)
    assert "directions" in refused.value.message_dict
    assert not WorkPlan.objects.filter(association=ma).exists()


def test_an_item_over_its_limits_is_refused_naming_each_field(head, ma, year):
    plan = ready_plan(head, ma, year)
    before = PlanItem.objects.count()
    with pytest.raises(ValidationError) as refused:
        s.plan_item_add(
            actor=act(head), plan=plan, kind=PlanItemKind.SEMINAR, date=D(2025, 10, 3),
            title="с" * (text_limits.SENTENCE + 1),
            expected_result="н" * (text_limits.PARAGRAPH + 1),
            audience="5" * 301,
        )  # fmt: skip
    assert set(refused.value.message_dict) == {"title", "expected_result", "audience"}
    assert PlanItem.objects.count() == before


def test_a_return_comment_over_the_limit_is_refused(head, deputy, ma, year):
    plan = ready_plan(head, ma, year)
    plan = s.plan_submit(actor=act(head), plan=plan, revision=plan.revision)
    with pytest.raises(ValidationError) as refused:
        s.plan_return(
            actor=act(deputy), plan=plan, revision=plan.revision,
            comment="к" * (text_limits.PARAGRAPH + 1),
        )  # fmt: skip
    assert "comment" in refused.value.message_dict
    s.plan_return(
        actor=act(deputy), plan=plan, revision=plan.revision, comment="к" * text_limits.PARAGRAPH
    )
