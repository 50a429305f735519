"""Every write of the MA's year asks the policy itself: a page, a command or an API calling it
directly as a plain teacher of the MA, or as a deputy of another school, is refused and
nothing is written (ORG-2: plans are kept by the head and approved by a deputy; ORG-5)."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied

from usul.analysis import services as analysis
from usul.analysis.models import YearAnalysis
from usul.people.models import Role
from usul.planning import services as s
from usul.planning.models import PlanEvent, PlanItem, PlanItemMaterial, PlanStatus, WorkPlan
from usul.planning.tests.conftest import act
from usul.testing import factories as f
from usul.testing.written import written

D = dt.date
RECORDS = (WorkPlan, PlanItem, PlanItemMaterial, PlanEvent, YearAnalysis)


@pytest.fixture
def scene(school, ma, year, head, teacher, deputy, outsider_school):
    plan = s.plan_create(actor=act(head), association=ma, year=year, theme="Тема")
    item = s.plan_item_add(
        actor=act(head), plan=plan, kind="seminar", title="Семинар", month="2025-10"
    )
    material = s.plan_item_add_material(
        actor=act(head), item=item, title="Слайддар", link="https://example.kg/s"
    )
    foreign_deputy = f.make_staff(outsider_school, key="z-deputy", roles=(Role.DEPUTY_ACADEMIC,))
    return {
        "plan": WorkPlan.objects.get(pk=plan.pk),
        "item": PlanItem.objects.get(pk=item.pk),
        "material": material,
        "actors": {
            "a plain teacher of the MA": teacher,
            "a deputy of another school": foreign_deputy,
        },
    }


def writes(scene, ma, year):
    plan, item, material = scene["plan"], scene["item"], scene["material"]
    r = plan.revision
    return {
        "plan_create": lambda a: s.plan_create(actor=a, association=ma, year=year),
        "plan_update": lambda a: s.plan_update(
            actor=a,
            plan=plan,
            revision=r,
            theme="x",
            goal="x",
            directions="x",
            tasks="x",
            reflects_school_theme=True,
            reflects_instructions=[],
        ),  # fmt: skip
        "plan_submit": lambda a: s.plan_submit(actor=a, plan=plan, revision=r),
        "plan_return": lambda a: s.plan_return(actor=a, plan=plan, revision=r, comment="x"),
        "plan_approve": lambda a: s.plan_approve(actor=a, plan=plan, revision=r),
        "plan_revise": lambda a: s.plan_revise(actor=a, plan=plan, revision=r),
        "plan_item_add": lambda a: s.plan_item_add(
            actor=a, plan=plan, kind="seminar", title="x", month="2025-11"
        ),
        "plan_item_update": lambda a: s.plan_item_update(
            actor=a, item=item, revision=item.revision, kind="seminar", title="x", month="2025-11"
        ),
        "plan_item_remove": lambda a: s.plan_item_remove(
            actor=a, item=item, revision=item.revision
        ),
        "plan_item_set_status": lambda a: s.plan_item_set_status(
            actor=a, item=item, revision=item.revision, status="done"
        ),
        "plan_item_add_material": lambda a: s.plan_item_add_material(
            actor=a, item=item, title="x", link="https://example.kg/x"
        ),
        "plan_item_remove_material": lambda a: s.plan_item_remove_material(
            actor=a, material=material
        ),
        "analysis_save": lambda a: analysis.analysis_save(
            actor=a,
            association=ma,
            year=year,
            revision=None,
            date=D(2026, 5, 25),
            text="x",
            proposals=["x"],
        ),  # fmt: skip
    }


SERVICES = [
    "plan_create",
    "plan_update",
    "plan_submit",
    "plan_return",
    "plan_approve",
    "plan_revise",
    "plan_item_add",
    "plan_item_update",
    "plan_item_remove",
    "plan_item_set_status",
    "plan_item_add_material",
    "plan_item_remove_material",
    "analysis_save",
]


@pytest.mark.parametrize("who", ["a plain teacher of the MA", "a deputy of another school"])
@pytest.mark.parametrize("service", SERVICES)
def test_a_write_of_the_mas_year_refuses_an_actor_without_the_right(scene, ma, year, who, service):
    before = written(*RECORDS)
    actor = act(scene["actors"][who], D(2025, 10, 20))
    with pytest.raises(PermissionDenied):
        writes(scene, ma, year)[service](actor)
    assert written(*RECORDS) == before


def test_every_write_service_of_planning_and_analysis_is_in_the_list():
    # A new write service joins SERVICES, or this test says it was forgotten.
    public = {
        name
        for module in (s, analysis)
        for name in dir(module)
        if name.startswith(("plan_", "analysis_"))
        and getattr(getattr(module, name), "__module__", None) == module.__name__
    }
    # A read, and the step inside meeting_hold / open_lesson_hold (refused there already, and
    # by plan_item_set_status, which it calls).
    reads = {"plan_snapshot", "plan_item_carried_out"}
    assert public - reads == set(SERVICES)


def test_the_plan_the_refusals_are_tried_on_is_a_draft_the_head_may_change(scene, head):
    # The refusals above are the policy's, not the plan's state: the head may do the same.
    assert scene["plan"].status == PlanStatus.DRAFT
    s.plan_item_set_status(
        actor=act(head, D(2025, 10, 20)), item=scene["item"], revision=None, status="done"
    )
