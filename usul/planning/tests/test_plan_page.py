"""The plan page and its forms: what each person sees and may do, at a fixed query cost."""

from __future__ import annotations

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from usul.planning import services as s
from usul.planning.models import (
    PlanEvent,
    PlanItem,
    PlanItemKind,
    PlanItemMaterial,
    PlanStatus,
    WorkPlan,
)
from usul.planning.tests.conftest import act
from usul.testing import factories as f

D = dt.date
MONTHS = ["2025-09", "2025-10", "2025-11", "2025-12", "2026-01", "2026-02", "2026-03"]


def login(client, staff):
    act(staff)  # makes the user when there is none
    client.force_login(staff.user)


def plan_url(ma, year, suffix=""):
    return reverse("planning:plan", args=[ma.school.key, ma.key, year.key]) + suffix


def grow(plan, staff, count):
    """``count`` more items, each with a participant, a material and an event."""
    for n in range(count):
        item = PlanItem.objects.create(
            plan=plan,
            month=MONTHS[n % len(MONTHS)],
            kind=PlanItemKind.SEMINAR,
            title=f"Семинар №{n}",
            responsible=staff,
            date=None,
        )
        item.participants.add(staff)
        PlanItemMaterial.objects.create(item=item, title=f"Материал {n}", link="https://x.kg")
        PlanEvent.objects.create(
            plan=plan, kind="item_added", revision=1, version=1, detail={"title": item.title}
        )


def test_the_plan_page_costs_the_same_queries_for_one_item_or_thirty(
    client, head, teacher, ma, year, django_assert_num_queries
):
    plan = s.plan_create(actor=act(head), association=ma, year=year, theme="Тема")
    grow(plan, teacher, 1)
    login(client, head)
    client.get(plan_url(ma, year))  # warm the session up
    with CaptureQueriesContext(connection) as small:
        response = client.get(plan_url(ma, year))
    assert "Семинар №0" in response.content.decode()

    grow(plan, head, 30)
    with django_assert_num_queries(len(small.captured_queries)):
        response = client.get(plan_url(ma, year))
    page = response.content.decode()
    assert "Семинар №29" in page and "Бекова Н." in page


def test_a_teacher_reads_the_plan_but_cannot_edit_or_approve_it(client, head, teacher, ma, year):
    plan = s.plan_create(actor=act(head), association=ma, year=year, theme="Тема", goal="Максат")
    s.plan_item_add(actor=act(head), plan=plan, kind="meeting", title="1-отурум", month="2025-09")
    plan.refresh_from_db()
    s.plan_submit(actor=act(head), plan=plan, revision=plan.revision)
    plan.refresh_from_db()

    login(client, teacher)
    page = client.get(plan_url(ma, year)).content.decode()
    assert "1-отурум" in page
    assert "workflow/approve" not in page and "/edit/" not in page
    assert client.get(plan_url(ma, year, "edit/")).status_code == 403
    response = client.post(plan_url(ma, year, "workflow/approve/"), {"revision": plan.revision})
    assert response.status_code == 403
    plan.refresh_from_db()
    assert plan.status == PlanStatus.SUBMITTED


def test_nobody_from_another_school_sees_anything(client, head, ma, year, outsider_school):
    from usul.people.models import Role

    plan = s.plan_create(actor=act(head), association=ma, year=year)
    item = s.plan_item_add(actor=act(head), plan=plan, kind="other", title="x", month="2025-09")
    material = s.plan_item_add_material(actor=act(head), item=item, title="Файл")
    stranger = f.make_staff(outsider_school, roles=(Role.DEPUTY_ACADEMIC,))
    login(client, stranger)
    item_url = plan_url(ma, year, f"items/{item.uuid}/")
    for url in (
        plan_url(ma, year),
        plan_url(ma, year, "edit/"),
        plan_url(ma, year, "analysis/"),
        plan_url(ma, year, "items/new/"),
        item_url,
        item_url + f"materials/{material.uuid}/",
        reverse("planning:grid", args=[ma.school.key, year.key]),
    ):
        assert client.get(url).status_code == 404, url
    response = client.post(plan_url(ma, year, "workflow/submit/"), {"revision": plan.revision})
    assert response.status_code == 404


def test_a_stale_edit_shows_the_current_plan_who_changed_it_and_what_was_typed(
    client, head, director, ma, year
):
    plan = s.plan_create(actor=act(head), association=ma, year=year, goal="Эски максат")
    seen = plan.revision
    s.plan_item_add(
        actor=act(director), plan=plan, kind="training", title="Тренинг", month="2025-10"
    )
    login(client, head)
    response = client.post(
        plan_url(ma, year, "edit/"),
        {
            "revision": seen,
            "theme": "",
            "goal": "Менин жаңы максатым",
            "directions": "",
            "tasks": "",
        },
    )
    page = response.content.decode()
    assert response.status_code == 200
    assert "Токтогулов Б." in page  # who changed it
    assert "Тренинг" in page  # what they changed
    assert "Менин жаңы максатым" in page  # what the head typed, to redo by hand
    plan.refresh_from_db()
    assert plan.goal == "Эски максат"


@pytest.mark.parametrize(
    ("date", "month"),
    [
        ("2025-07-31", None),  # the day before the window: refused
        ("2025-08-01", "2025-08"),  # the August before the year: preparations, the first meeting
        ("2026-05-31", "2026-05"),  # the year's last day
        ("2026-06-01", None),  # the day after the year: refused
    ],
)
def test_an_item_may_be_dated_from_the_august_before_the_year_to_its_end(
    client, head, ma, year, date, month
):
    s.plan_create(actor=act(head), association=ma, year=year)
    login(client, head)
    response = client.post(
        plan_url(ma, year, "items/new/"),
        {"date": date, "month": "", "kind": "seminar", "title": "Семинар"},
    )
    if month is None:
        assert response.status_code == 200
        page = response.content.decode()
        assert dt.date.fromisoformat(date).strftime("%d.%m.%Y") in page
        assert "01.08.2025" in page  # the window the form names
        assert not PlanItem.objects.exists()
    else:
        assert response.status_code == 302
        assert PlanItem.objects.get().month == month


def test_august_comes_before_september_on_the_plan_page(client, head, ma, year):
    plan = s.plan_create(actor=act(head), association=ma, year=year)
    s.plan_item_add(actor=act(head), plan=plan, kind="seminar", title="Май", month="2026-05")
    s.plan_item_add(actor=act(head), plan=plan, kind="seminar", title="Сентябрь", month="2025-09")
    s.plan_item_add(actor=act(head), plan=plan, kind="meeting", title="Август", date=D(2025, 8, 28))
    login(client, head)
    page = client.get(plan_url(ma, year)).content.decode()
    assert page.index('id="m-2025-08"') < page.index('id="m-2025-09"')
    assert page.index("Август") < page.index("Сентябрь") < page.index("Май")
    # The item form offers August as the first month.
    form = client.get(plan_url(ma, year, "items/new/")).content.decode()
    assert form.index('value="2025-08"') < form.index('value="2025-09"')
    assert 'value="2025-07"' not in form and 'value="2026-06"' not in form


def test_every_approved_version_stays_readable(client, head, deputy, teacher, ma, year):
    plan = s.plan_create(actor=act(head), association=ma, year=year, theme="Биринчи", goal="М")
    s.plan_item_add(actor=act(head), plan=plan, kind="meeting", title="Отурум", month="2025-09")
    plan.refresh_from_db()
    plan = s.plan_submit(actor=act(head), plan=plan, revision=plan.revision)
    plan = s.plan_approve(actor=act(deputy), plan=plan, revision=plan.revision)
    plan = s.plan_revise(actor=act(head), plan=plan, revision=plan.revision)
    s.plan_update(
        actor=act(head),
        plan=plan,
        revision=plan.revision,
        theme="Экинчи",
        goal="М",
        directions=[],
        tasks=[],
        reflects_school_theme=False,
        reflects_instructions=[],
    )
    login(client, teacher)
    current = client.get(plan_url(ma, year)).content.decode()
    assert "Экинчи" in current and "?version=1" in current
    first = client.get(plan_url(ma, year, "?version=1")).content.decode()
    assert "Биринчи" in first and "Экинчи" not in first and "Осмонова Г." in first
    assert client.get(plan_url(ma, year, "?version=7")).status_code == 404


def test_last_years_proposals_are_shown_to_the_plans_author(
    client, school, head, teacher, deputy, ma, year
):
    from usul.analysis.models import YearAnalysis
    from usul.schools.models import SchoolYear

    before = SchoolYear.objects.create(
        school=school, key="2024-2025", start=D(2024, 9, 1), end=D(2025, 5, 31)
    )
    YearAnalysis.objects.create(
        association=ma,
        year=before,
        author=deputy,
        date=D(2025, 5, 25),
        text="…",
        proposals=["Ачык сабактардын циклин уюштуруу"],
    )
    WorkPlan.objects.create(association=ma, year=year)
    login(client, head)
    assert "Ачык сабактардын циклин уюштуруу" in client.get(plan_url(ma, year)).content.decode()
    assert (
        "Ачык сабактардын циклин уюштуруу"
        in client.get(plan_url(ma, year, "edit/")).content.decode()
    )
    login(client, teacher)
    assert "Ачык сабактардын циклин уюштуруу" not in client.get(plan_url(ma, year)).content.decode()


@pytest.mark.parametrize("action", ["submit", "approve", "return", "revise"])
def test_a_workflow_refusal_is_shown_above_the_plan(client, head, deputy, ma, year, action):
    # A fresh draft: nothing of these can happen to it yet; each says why on the page.
    plan = s.plan_create(actor=act(head), association=ma, year=year)
    login(client, deputy if action in ("approve", "return") else head)
    response = client.post(
        plan_url(ma, year, f"workflow/{action}/"), {"revision": plan.revision}, follow=True
    )
    assert response.status_code == 200
    assert 'class="error"' in response.content.decode()
    plan.refresh_from_db()
    assert plan.status == PlanStatus.DRAFT
