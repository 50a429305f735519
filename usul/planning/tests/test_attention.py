"""Home-page items: plans waiting for the deputy, returned plans and this week's items for the
head, at a fixed number of queries."""

from __future__ import annotations

import datetime as dt

from django.utils import translation

from usul.planning import attention
from usul.planning import services as s
from usul.planning.models import PlanItem, PlanStatus, WorkPlan
from usul.planning.tests.conftest import act
from usul.testing import factories as f

D = dt.date
WEDNESDAY = D(2025, 10, 15)  # the week runs Monday 13 to Sunday 19 October 2025


def texts(items):
    return [i.text for i in items]


def test_the_deputy_sees_submitted_plans_and_the_head_returned_ones_with_the_comment(
    school, head, deputy, ma, year
):
    plan = s.plan_create(actor=act(head), association=ma, year=year, theme="Т", goal="М")
    s.plan_item_add(actor=act(head), plan=plan, kind="meeting", title="Отурум", month="2025-09")
    plan.refresh_from_db()
    assert attention.for_viewer(act(deputy)) == []

    plan = s.plan_submit(actor=act(head), plan=plan, revision=plan.revision)
    waiting = attention.for_viewer(act(deputy))
    assert len(waiting) == 1 and ma.name in waiting[0].text
    assert waiting[0].url.endswith(f"/plans/{school.key}/{ma.key}/{year.key}/")

    s.plan_return(actor=act(deputy), plan=plan, revision=plan.revision, comment="Толуктаңыз")
    assert attention.for_viewer(act(deputy)) == []
    returned = texts(attention.for_viewer(act(head)))
    assert len(returned) == 1 and "Толуктаңыз" in returned[0]


def test_items_due_this_week_from_monday_to_sunday(school, head, teacher, ma, year):
    plan = WorkPlan.objects.create(association=ma, year=year, status=PlanStatus.APPROVED)
    for day, title in (
        (D(2025, 10, 12), "Жекшемби мурун"),
        (D(2025, 10, 13), "Дүйшөмбү"),
        (D(2025, 10, 19), "Жекшемби"),
        (D(2025, 10, 20), "Кийинки дүйшөмбү"),
    ):
        PlanItem.objects.create(
            plan=plan, month="2025-10", date=day, kind="seminar", title=title, responsible=teacher
        )
    PlanItem.objects.create(
        plan=plan,
        month="2025-10",
        date=WEDNESDAY,
        kind="seminar",
        title="Аткарылган",
        status="done",
    )
    seen = texts(attention.for_viewer(act(head, WEDNESDAY)))
    assert [t.rsplit(": ", 1)[1] for t in seen] == ["Дүйшөмбү", "Жекшемби"]
    # The responsible teacher sees their items too; a colleague does not.
    assert len(attention.for_viewer(act(teacher, WEDNESDAY))) == 2
    colleague = f.make_staff(school, key="t-colleague")
    f.add_member(ma, colleague)
    assert attention.for_viewer(act(colleague, WEDNESDAY)) == []


def test_the_cost_does_not_grow_with_the_number_of_plans(
    school, head, deputy, year, django_assert_num_queries
):
    for n in range(12):
        association = f.make_association(school, key=f"ma-{n}")
        WorkPlan.objects.create(association=association, year=year, status=PlanStatus.SUBMITTED)
    viewer = act(deputy)
    with django_assert_num_queries(2):
        assert len(attention.for_viewer(viewer)) == 12


def test_the_items_read_naturally_whatever_the_ma_is_called(school, head, deputy, ma, year):
    # MA names often end in "усулдук бирикмеси" already: the name stands in quotes, first.
    ma.name = "Математика жана информатика усулдук бирикмеси"
    ma.save(update_fields=["name"])
    plan = s.plan_create(actor=act(head), association=ma, year=year, theme="Т", goal="М")
    s.plan_item_add(actor=act(head), plan=plan, kind="meeting", title="Отурум", month="2025-09")
    plan.refresh_from_db()
    plan = s.plan_submit(actor=act(head), plan=plan, revision=plan.revision)

    with translation.override("ky"):
        assert texts(attention.for_viewer(act(deputy))) == [
            "«Математика жана информатика усулдук бирикмеси»: 2025-2026 окуу жылынын иш планы "
            "сиздин бекитүүңүздү күтүп жатат."
        ]
    with translation.override("ru"):
        assert texts(attention.for_viewer(act(deputy))) == [
            "«Математика жана информатика усулдук бирикмеси»: план работы на 2025-2026 ждёт "
            "вашего утверждения."
        ]
    s.plan_return(actor=act(deputy), plan=plan, revision=plan.revision, comment="Толуктаңыз")
    with translation.override("ky"):
        assert texts(attention.for_viewer(act(head))) == [
            "«Математика жана информатика усулдук бирикмеси»: 2025-2026 окуу жылынын иш планы "
            "кайра иштеп чыгууга кайтарылды: Толуктаңыз"
        ]
