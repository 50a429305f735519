"""ORG-2, GEN-9: a submitted plan is announced to the deputy the MA is subordinate to — once —
and the notice is cleared when the plan is decided."""

from __future__ import annotations

import datetime as dt

from usul.notifications.models import Notification
from usul.planning import attention
from usul.planning import services as s
from usul.planning.tests.conftest import act
from usul.planning.tests.test_plan_workflow import ready_plan

D = dt.date


def unread(kind, staff):
    return Notification.objects.filter(kind=kind, recipient=staff, read_at__isnull=True).count()


def test_only_the_supervising_deputy_is_told_of_a_submitted_plan(
    head, deputy, second_deputy, ma, year
):
    plan = ready_plan(head, ma, year)
    s.plan_submit(actor=act(head), plan=plan, revision=plan.revision)
    assert unread("plan_submitted", deputy) == 1
    assert unread("plan_submitted", second_deputy) == 0


def test_a_plan_submitted_again_after_its_return_waits_in_one_notice(head, deputy, ma, year):
    plan = ready_plan(head, ma, year)
    plan = s.plan_submit(actor=act(head), plan=plan, revision=plan.revision)
    plan = s.plan_return(actor=act(deputy), plan=plan, revision=plan.revision, comment="Тема?")
    # Returned: nothing waits for the deputy any more.
    assert unread("plan_submitted", deputy) == 0
    plan = s.plan_submit(actor=act(head), plan=plan, revision=plan.revision)
    assert unread("plan_submitted", deputy) == 1


def test_approval_clears_the_deputys_notice_and_the_heads_return_notice(head, deputy, ma, year):
    plan = ready_plan(head, ma, year)
    plan = s.plan_submit(actor=act(head), plan=plan, revision=plan.revision)
    plan = s.plan_return(actor=act(deputy), plan=plan, revision=plan.revision, comment="Тема?")
    assert unread("plan_returned", head) == 1
    plan = s.plan_submit(actor=act(head), plan=plan, revision=plan.revision)
    s.plan_approve(actor=act(deputy), plan=plan, revision=plan.revision)
    assert unread("plan_submitted", deputy) == 0
    assert unread("plan_returned", head) == 0
    assert unread("plan_approved", head) == 1


def waiting_texts(staff):
    return [a.text for a in attention.for_viewer(act(staff)) if "approval" in a.text]


def test_the_home_page_shows_a_waiting_plan_to_its_supervising_deputy_only(
    head, deputy, second_deputy, ma, year
):
    plan = ready_plan(head, ma, year)
    s.plan_submit(actor=act(head), plan=plan, revision=plan.revision)
    assert len(waiting_texts(deputy)) == 1
    assert waiting_texts(second_deputy) == []


def test_a_plan_of_an_ma_without_a_supervisor_waits_for_every_deputy(
    head, deputy, second_deputy, ma, year
):
    ma.supervisors.all().delete()
    plan = ready_plan(head, ma, year)
    s.plan_submit(actor=act(head), plan=plan, revision=plan.revision)
    assert len(waiting_texts(deputy)) == 1
    assert len(waiting_texts(second_deputy)) == 1
    assert unread("plan_submitted", second_deputy) == 1


def test_a_supervision_that_ended_the_day_before_no_longer_addresses_the_deputy(
    head, deputy, second_deputy, ma, year
):
    supervision = ma.supervisors.get()
    supervision.end = D(2025, 9, 30)  # the plan is submitted on 1 October
    supervision.save()
    plan = ready_plan(head, ma, year)
    s.plan_submit(actor=act(head), plan=plan, revision=plan.revision)
    # No deputy supervises the MA on that day: every deputy of the school is told.
    assert len(waiting_texts(second_deputy)) == 1
    supervision.end = D(2025, 10, 1)
    supervision.save()
    assert waiting_texts(second_deputy) == []
    assert len(waiting_texts(deputy)) == 1
