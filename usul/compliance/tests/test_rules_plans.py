"""Work-plan rules (ORG-2, DOC-7, DOC-8, FUNC-1, ORG-3, FUNC-3) at both sides of each boundary.

The plan deadline of the fixture's year is 2025-09-01 + 14 days = 2025-09-15.
"""

import datetime as dt

from usul.compliance.tests.builders import DURING_YEAR, add_instruction
from usul.compliance.tests.conftest import findings
from usul.people.models import Position, Role
from usul.planning.models import PlanVersion
from usul.testing import factories as f

D = dt.date
DEADLINE = D(2025, 9, 15)


def test_plan_deadline_is_the_year_start_plus_the_schools_days(world):
    assert world.year.plan_deadline == DEADLINE


def test_an_unapproved_plan_is_a_warning_on_the_deadline_and_a_violation_the_day_after(world):
    world.plan.status, world.plan.approved_by, world.plan.approved_at = "submitted", None, None
    world.plan.save()
    assert findings(world, DEADLINE, rules="PLAN") == [
        ("PLAN-APPROVED", "warning", "association", "ma-stem", {}),
    ]
    assert findings(world, DEADLINE + dt.timedelta(days=1), rules="PLAN") == [
        ("PLAN-APPROVED", "violation", "association", "ma-stem", {}),
    ]


def test_a_plan_approved_on_the_deadline_passes_and_the_day_after_is_late(world):
    world.plan.approved_at = DEADLINE
    world.plan.save()
    assert findings(world, DURING_YEAR) == []
    world.plan.approved_at = DEADLINE + dt.timedelta(days=1)
    world.plan.save()
    assert findings(world, DURING_YEAR) == [
        ("PLAN-APPROVED", "warning", "association", "ma-stem", {}),
    ]
    # Before its approval date the plan is not approved yet.
    assert findings(world, DEADLINE, rules="PLAN") == [
        ("PLAN-APPROVED", "warning", "association", "ma-stem", {}),
    ]


def test_a_plan_approved_by_the_director_is_not_approved(world):
    # ORG-2: the deputy director approves the plan.
    world.plan.approved_by = world.director
    world.plan.save()
    assert findings(world, DURING_YEAR) == [
        ("PLAN-APPROVED", "violation", "association", "ma-stem", {}),
    ]


def test_the_approver_must_be_a_deputy_on_the_day_of_approval(world):
    approver = f.make_staff(world.school, key="t-new-deputy", roles=())
    Position.objects.create(staff=approver, role=Role.DEPUTY_METHODICAL, start=D(2025, 9, 11))
    world.plan.approved_by = approver
    world.plan.save()  # approved on 10 September, a day before the post began
    assert findings(world, DURING_YEAR) == [
        ("PLAN-APPROVED", "violation", "association", "ma-stem", {}),
    ]
    Position.objects.filter(staff=approver).update(start=D(2025, 9, 10))
    assert findings(world, DURING_YEAR) == []


def test_an_approved_version_stays_in_force_while_the_next_one_is_a_draft(world):
    # ORG-2: starting version 2 of an approved plan does not leave the MA without one.
    approved_by, approved_at = world.plan.approved_by, world.plan.approved_at
    PlanVersion.objects.create(
        plan=world.plan, number=1, approved_by=approved_by, approved_at=approved_at, content={}
    )
    world.plan.version, world.plan.status = 2, "draft"
    world.plan.approved_by, world.plan.approved_at = None, None
    world.plan.save()
    assert findings(world, DURING_YEAR) == []
    # Before version 1 was approved, nothing was in force.
    assert findings(world, approved_at - dt.timedelta(days=1), rules="PLAN-APPROVED") == [
        ("PLAN-APPROVED", "warning", "association", "ma-stem", {}),
    ]


def test_a_version_approved_by_someone_who_was_no_deputy_is_not_in_force(world):
    PlanVersion.objects.create(
        plan=world.plan,
        number=1,
        approved_by=world.director,
        approved_at=world.plan.approved_at,
        content={},
    )
    world.plan.version, world.plan.status = 2, "draft"
    world.plan.approved_by, world.plan.approved_at = None, None
    world.plan.save()
    assert findings(world, DURING_YEAR) == [
        ("PLAN-APPROVED", "violation", "association", "ma-stem", {}),
    ]


def test_without_a_plan_only_plan_approved_reports_it(world):
    world.plan.delete()
    assert findings(world, DURING_YEAR) == [
        ("PLAN-APPROVED", "violation", "association", "ma-stem", {}),
    ]


def test_plan_reflects_names_the_theme_first_then_addressed_instructions_sorted(world):
    physics = f.make_subject(world.school, key="physics", name="Физика")
    add_instruction(world.school, world.year, key="di-b", targets=[world.subject])
    add_instruction(world.school, world.year, key="di-a")  # all subjects
    add_instruction(world.school, world.year, key="di-0", targets=[physics])  # not this MA's
    world.plan.reflects_school_theme = False
    world.plan.save()
    assert findings(world, DURING_YEAR) == [
        (
            "PLAN-REFLECTS",
            "warning",
            "association",
            "ma-stem",
            {"missing": ["school_theme", "di-a", "di-b"]},
        ),
    ]


def test_plan_reflects_asks_no_theme_of_a_year_without_one(world):
    world.year.theme = None
    world.year.save()
    world.plan.reflects_school_theme = False
    world.plan.save()
    assert findings(world, DURING_YEAR) == [
        ("SCHOOL-THEME", "warning", "school", "sch-17", {}),
    ]


def test_plan_months_lists_every_month_without_a_live_item(world):
    world.plan.items.filter(month__in=["2025-12", "2026-03"]).update(status="cancelled")
    f.add_plan_item(world.plan, month="2026-04", status="done")
    assert findings(world, DURING_YEAR) == [
        ("PLAN-MONTHS", "warning", "association", "ma-stem", {"missing": ["2025-12", "2026-03"]}),
    ]


def test_plan_open_lessons_a_cancelled_open_lesson_does_not_count(world):
    world.plan.items.filter(kind="open_lesson").update(kind="seminar")
    f.add_plan_item(world.plan, month="2025-10", kind="open_lesson", status="cancelled")
    assert findings(world, DURING_YEAR) == [
        ("PLAN-OPEN-LESSONS", "warning", "association", "ma-stem", {}),
    ]
    f.add_plan_item(world.plan, month="2026-02", kind="open_lesson", status="done")
    assert findings(world, DURING_YEAR) == []


def test_a_draft_plan_is_still_checked_for_months_and_open_lessons(world):
    world.plan.status, world.plan.approved_by = "draft", None
    world.plan.save()
    world.plan.items.all().delete()
    months = [f"2025-{m:02d}" for m in range(9, 13)] + [f"2026-{m:02d}" for m in range(1, 6)]
    assert findings(world, DURING_YEAR, rules="PLAN") == [
        ("PLAN-APPROVED", "violation", "association", "ma-stem", {}),
        ("PLAN-MONTHS", "warning", "association", "ma-stem", {"missing": months}),
        ("PLAN-OPEN-LESSONS", "warning", "association", "ma-stem", {}),
    ]


def test_plan_months_asks_for_september_to_may_and_an_august_item_covers_only_august(world):
    # DOC-8 and RULES.md: the months from the year's start month to its end month. August
    # belongs to the year's window (items may be dated then) but is never missing.
    world.plan.items.filter(month="2025-09").update(month="2025-08")
    assert findings(world, DURING_YEAR) == [
        ("PLAN-MONTHS", "warning", "association", "ma-stem", {"missing": ["2025-09"]}),
    ]
    f.add_plan_item(world.plan, month="2025-09")
    assert findings(world, DURING_YEAR) == []
