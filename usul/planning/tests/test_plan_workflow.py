"""ORG-2: draft → submitted → approved by a deputy director, or returned with a comment."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from usul.accounts.policy import can
from usul.notifications.models import Notification
from usul.people.models import Role
from usul.planning import services as s
from usul.planning.models import PlanEventKind, PlanItemKind, PlanStatus, PlanVersion
from usul.planning.tests.conftest import act
from usul.testing import factories as f

D = dt.date


def ready_plan(head, ma, year):
    """A draft with a theme, a goal and one item: ready to submit."""
    plan = s.plan_create(
        actor=act(head),
        association=ma,
        year=year,
        theme="Функционалдык сабаттуулук",
        goal="Окуучулардын математикалык сабаттуулугун жогорулатуу",
    )
    s.plan_item_add(
        actor=act(head),
        plan=plan,
        kind=PlanItemKind.MEETING,
        title="1-отурум",
        date=D(2025, 9, 5),
    )
    plan.refresh_from_db()
    return plan


def test_the_head_submits_the_deputy_returns_with_a_comment_and_approves_the_resubmission(
    head, deputy, ma, year
):
    plan = ready_plan(head, ma, year)

    plan = s.plan_submit(actor=act(head), plan=plan, revision=plan.revision)
    assert plan.status == PlanStatus.SUBMITTED
    # The supervising deputy is told (ORG-2, GEN-9).
    assert Notification.objects.get(kind="plan_submitted").recipient == deputy

    with pytest.raises(ValidationError) as refused:
        s.plan_return(actor=act(deputy), plan=plan, revision=plan.revision, comment="  ")
    assert "comment" in refused.value.message_dict
    assert plan.__class__.objects.get(pk=plan.pk).status == PlanStatus.SUBMITTED

    plan = s.plan_return(
        actor=act(deputy), plan=plan, revision=plan.revision, comment="Ачык сабактарды кошуңуз"
    )
    assert plan.status == PlanStatus.RETURNED
    returned = Notification.objects.get(kind="plan_returned")
    assert returned.recipient == head
    assert returned.params["comment"] == "Ачык сабактарды кошуңуз"

    s.plan_item_add(
        actor=act(head),
        plan=plan,
        kind=PlanItemKind.OPEN_LESSON,
        title="Ачык сабак: бөлчөктөр",
        date=D(2025, 10, 14),
    )
    plan.refresh_from_db()
    plan = s.plan_submit(actor=act(head), plan=plan, revision=plan.revision)
    plan = s.plan_approve(actor=act(deputy, D(2025, 9, 10)), plan=plan, revision=plan.revision)

    assert plan.status == PlanStatus.APPROVED
    assert plan.approved_by == deputy
    assert plan.approved_at == D(2025, 9, 10)
    assert Notification.objects.get(kind="plan_approved").recipient == head
    kinds = list(plan.events.values_list("kind", flat=True))
    assert kinds == [
        PlanEventKind.CREATED,
        PlanEventKind.ITEM_ADDED,
        PlanEventKind.SUBMITTED,
        PlanEventKind.RETURNED,
        PlanEventKind.ITEM_ADDED,
        PlanEventKind.SUBMITTED,
        PlanEventKind.APPROVED,
    ]
    version = PlanVersion.objects.get(plan=plan)
    assert version.number == 1
    assert [i["title"] for i in version.content["items"]] == ["1-отурум", "Ачык сабак: бөлчөктөр"]


def test_a_second_submission_is_refused_and_changes_nothing(head, ma, year):
    plan = ready_plan(head, ma, year)
    seen = plan.revision
    plan = s.plan_submit(actor=act(head), plan=plan, revision=seen)
    # The same button pressed twice: the page still carries the old revision.
    with pytest.raises(ValidationError) as twice:
        s.plan_submit(actor=act(head), plan=plan, revision=seen)
    assert twice.value.code == "already_submitted"
    assert "already been submitted" in twice.value.messages[0]
    assert plan.events.filter(kind=PlanEventKind.SUBMITTED).count() == 1
    assert Notification.objects.filter(kind="plan_submitted").count() == 1


def test_an_incomplete_plan_cannot_be_submitted_and_each_gap_names_its_field(head, ma, year):
    plan = s.plan_create(actor=act(head), association=ma, year=year)
    with pytest.raises(ValidationError) as refused:
        s.plan_submit(actor=act(head), plan=plan, revision=plan.revision)
    assert set(refused.value.message_dict) == {"theme", "goal", "items"}
    plan.refresh_from_db()
    assert plan.status == PlanStatus.DRAFT


def test_nobody_approves_their_own_plan(school, head, deputy, ma, year):
    # A deputy who also heads the MA drafts and submits its plan.
    f.add_head(ma, deputy, start=D(2025, 9, 15))
    plan = ready_plan(deputy, ma, year)
    plan = s.plan_submit(actor=act(deputy, D(2025, 9, 20)), plan=plan, revision=plan.revision)
    with pytest.raises(ValidationError) as own:
        s.plan_approve(actor=act(deputy, D(2025, 9, 20)), plan=plan, revision=plan.revision)
    assert own.value.code == "own_plan"
    plan.refresh_from_db()
    assert plan.status == PlanStatus.SUBMITTED and plan.approved_by is None


def test_a_deputy_who_submitted_a_plan_cannot_approve_it_but_another_deputy_can(
    head, deputy, second_deputy, ma, year
):
    plan = ready_plan(head, ma, year)
    plan = s.plan_submit(actor=act(deputy), plan=plan, revision=plan.revision)
    with pytest.raises(ValidationError):
        s.plan_approve(actor=act(deputy), plan=plan, revision=plan.revision)
    plan = s.plan_approve(actor=act(second_deputy), plan=plan, revision=plan.revision)
    assert plan.approved_by == second_deputy


def test_a_teacher_the_head_and_the_director_cannot_approve(head, teacher, director, ma, year):
    plan = ready_plan(head, ma, year)
    plan = s.plan_submit(actor=act(head), plan=plan, revision=plan.revision)
    for who in (teacher, head, director):
        with pytest.raises(PermissionDenied):
            s.plan_approve(actor=act(who), plan=plan, revision=plan.revision)
        with pytest.raises(PermissionDenied):
            s.plan_return(actor=act(who), plan=plan, revision=plan.revision, comment="x")
    plan.refresh_from_db()
    assert plan.status == PlanStatus.SUBMITTED


def test_a_deputy_of_another_school_cannot_approve(head, ma, year, outsider_school):
    from usul.people.models import Role

    stranger = f.make_staff(outsider_school, roles=(Role.DEPUTY_ACADEMIC,))
    plan = ready_plan(head, ma, year)
    plan = s.plan_submit(actor=act(head), plan=plan, revision=plan.revision)
    with pytest.raises(PermissionDenied):
        s.plan_approve(actor=act(stranger), plan=plan, revision=plan.revision)


def test_a_draft_cannot_be_approved_or_returned(head, deputy, ma, year):
    plan = ready_plan(head, ma, year)
    with pytest.raises(ValidationError) as approve:
        s.plan_approve(actor=act(deputy), plan=plan, revision=plan.revision)
    assert approve.value.code == "not_submitted"
    with pytest.raises(ValidationError) as give_back:
        s.plan_return(actor=act(deputy), plan=plan, revision=plan.revision, comment="x")
    assert give_back.value.code == "not_submitted"


def test_an_approved_plan_is_locked_and_a_new_version_needs_approval_again(head, deputy, ma, year):
    plan = ready_plan(head, ma, year)
    plan = s.plan_submit(actor=act(head), plan=plan, revision=plan.revision)
    plan = s.plan_approve(actor=act(deputy), plan=plan, revision=plan.revision)
    item = plan.items.get()

    with pytest.raises(ValidationError) as locked:
        s.plan_update(
            actor=act(head),
            plan=plan,
            revision=plan.revision,
            theme="Жаңы тема",
            goal=plan.goal,
            directions=[],
            tasks=[],
            reflects_school_theme=False,
            reflects_instructions=[],
        )
    assert locked.value.code == "locked"
    with pytest.raises(ValidationError):
        s.plan_item_add(actor=act(head), plan=plan, kind="other", title="x", month="2025-11")
    with pytest.raises(ValidationError):
        s.plan_item_update(
            actor=act(head),
            item=item,
            revision=item.revision,
            kind="meeting",
            title="Башка",
            month="2025-09",
        )

    plan = s.plan_revise(actor=act(head), plan=plan, revision=plan.revision)
    assert (plan.status, plan.version, plan.approved_by) == (PlanStatus.DRAFT, 2, None)
    plan = s.plan_update(
        actor=act(head),
        plan=plan,
        revision=plan.revision,
        theme="Жаңы тема",
        goal=plan.goal,
        directions=[],
        tasks=[],
        reflects_school_theme=False,
        reflects_instructions=[],
    )
    plan = s.plan_submit(actor=act(head), plan=plan, revision=plan.revision)
    plan = s.plan_approve(actor=act(deputy), plan=plan, revision=plan.revision)

    versions = list(PlanVersion.objects.filter(plan=plan).order_by("number"))
    assert [v.number for v in versions] == [1, 2]
    # The first approved version still reads as it was approved.
    assert versions[0].content["theme"] == "Функционалдык сабаттуулук"
    assert versions[1].content["theme"] == "Жаңы тема"


def test_revising_an_imported_approved_plan_keeps_its_approved_version(head, deputy, ma, year):
    from usul.planning.models import WorkPlan

    plan = WorkPlan.objects.create(
        association=ma,
        year=year,
        theme="Импорттолгон",
        status=PlanStatus.APPROVED,
        approved_by=deputy,
        approved_at=D(2025, 9, 8),
    )
    plan = s.plan_revise(actor=act(head), plan=plan, revision=plan.revision)
    frozen = PlanVersion.objects.get(plan=plan)
    assert (frozen.number, frozen.approved_by, frozen.approved_at) == (1, deputy, D(2025, 9, 8))
    assert frozen.content["theme"] == "Импорттолгон"
    assert plan.version == 2


def test_approving_an_older_view_of_the_plan_is_refused_and_says_what_changed(
    head, deputy, ma, year
):
    plan = ready_plan(head, ma, year)
    plan = s.plan_submit(actor=act(head), plan=plan, revision=plan.revision)
    seen_by_deputy = plan.revision
    plan = s.plan_return(
        actor=act(deputy), plan=plan, revision=seen_by_deputy, comment="Толуктаңыз"
    )
    plan = s.plan_update(
        actor=act(head),
        plan=plan,
        revision=plan.revision,
        theme=plan.theme,
        goal="Жаңы максат",
        directions=[],
        tasks=[],
        reflects_school_theme=False,
        reflects_instructions=[],
    )
    plan = s.plan_submit(actor=act(head), plan=plan, revision=plan.revision)
    with pytest.raises(ValidationError) as stale:
        s.plan_approve(actor=act(deputy), plan=plan, revision=seen_by_deputy)
    assert stale.value.code == "stale"
    message = stale.value.messages[0]
    assert "Бекова Н." in message and "goal" in message
    plan.refresh_from_db()
    assert plan.status == PlanStatus.SUBMITTED


def test_the_deputy_who_returned_a_plan_neither_rewrites_nor_submits_it(head, deputy, ma, year):
    # ORG-2 (issue of the first week): once returned, the plan is the MA's to rewrite; were the
    # deputy to rewrite and submit it, one deputy would have edited, submitted and approved it.
    plan = ready_plan(head, ma, year)
    plan = s.plan_submit(actor=act(head), plan=plan, revision=plan.revision)
    plan = s.plan_return(actor=act(deputy), plan=plan, revision=plan.revision, comment="Тема?")
    assert not can(act(deputy), "write_plan", plan)
    with pytest.raises(PermissionDenied):
        s.plan_update(
            actor=act(deputy), plan=plan, revision=plan.revision, theme="Жаңы тема",
            goal=plan.goal, directions=plan.directions, tasks=plan.tasks,
            reflects_school_theme=False, reflects_instructions=[],
        )  # fmt: skip
    with pytest.raises(PermissionDenied):
        s.plan_item_add(
            actor=act(deputy), plan=plan, kind=PlanItemKind.SEMINAR, title="Семинар",
            date=D(2025, 10, 3),
        )  # fmt: skip
    with pytest.raises(PermissionDenied):
        s.plan_submit(actor=act(deputy), plan=plan, revision=plan.revision)
    plan.refresh_from_db()
    assert (plan.status, plan.theme) == (PlanStatus.RETURNED, "Функционалдык сабаттуулук")
    # The head rewrites and submits; the deputy who returned it approves it.
    plan = s.plan_update(
        actor=act(head), plan=plan, revision=plan.revision, theme="Жаңы тема",
        goal=plan.goal, directions=plan.directions, tasks=plan.tasks,
        reflects_school_theme=False, reflects_instructions=[],
    )  # fmt: skip
    plan = s.plan_submit(actor=act(head), plan=plan, revision=plan.revision)
    plan = s.plan_approve(actor=act(deputy), plan=plan, revision=plan.revision)
    assert (plan.status, plan.approved_by, plan.theme) == (
        PlanStatus.APPROVED,
        deputy,
        "Жаңы тема",
    )


def test_the_director_may_still_rewrite_a_returned_plan(head, deputy, ma, year, school):
    # The director approves no plan (ORG-2), so rewriting one breaks no separation of duties.
    director = f.make_staff(school, key="t-director", roles=(Role.DIRECTOR,), last_name="Асанов")
    plan = ready_plan(head, ma, year)
    plan = s.plan_submit(actor=act(head), plan=plan, revision=plan.revision)
    plan = s.plan_return(actor=act(deputy), plan=plan, revision=plan.revision, comment="Тема?")
    assert can(act(director), "write_plan", plan)


def test_a_deputy_who_wrote_part_of_a_draft_does_not_approve_it(
    head, deputy, second_deputy, ma, year
):
    # ORG-2: whoever wrote part of the version under approval is one of its authors.
    plan = ready_plan(head, ma, year)
    s.plan_item_add(
        actor=act(deputy), plan=plan, kind=PlanItemKind.SEMINAR, title="Семинар",
        date=D(2025, 10, 3),
    )  # fmt: skip
    plan.refresh_from_db()
    plan = s.plan_submit(actor=act(head), plan=plan, revision=plan.revision)
    assert not can(act(deputy), "approve_plan", plan)
    with pytest.raises(ValidationError) as own:
        s.plan_approve(actor=act(deputy), plan=plan, revision=plan.revision)
    assert own.value.code == "own_plan"
    plan = s.plan_approve(actor=act(second_deputy), plan=plan, revision=plan.revision)
    assert (plan.status, plan.approved_by) == (PlanStatus.APPROVED, second_deputy)


def test_what_a_deputy_wrote_in_an_earlier_version_does_not_make_the_next_one_theirs(
    head, deputy, ma, year
):
    plan = ready_plan(head, ma, year)
    s.plan_item_add(
        actor=act(deputy), plan=plan, kind=PlanItemKind.SEMINAR, title="Семинар",
        date=D(2025, 10, 3),
    )  # fmt: skip
    plan.refresh_from_db()
    plan = s.plan_submit(actor=act(head), plan=plan, revision=plan.revision)
    director = f.make_staff(ma.school, key="t-dir", roles=(Role.DEPUTY_METHODICAL,))
    plan = s.plan_approve(actor=act(director), plan=plan, revision=plan.revision)
    plan = s.plan_revise(actor=act(head), plan=plan, revision=plan.revision)
    plan = s.plan_submit(actor=act(head), plan=plan, revision=plan.revision)
    assert can(act(deputy), "approve_plan", plan)
