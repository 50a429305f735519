"""MA rules (GEN-2, GEN-4, GEN-6…GEN-9) and head rules (GEN-3, ORG-1, DOC-2, HEAD-1), each at
both sides of its boundary."""

import datetime as dt

from usul.associations.models import AssociationKind
from usul.compliance.tests.builders import DURING_YEAR, make_meeting, teach
from usul.compliance.tests.conftest import findings
from usul.meetings.models import Meeting
from usul.orders.models import OrderKind
from usul.people.models import Category, Employment, Position, Role
from usul.testing import factories as f

D = dt.date


def test_ma_members_two_members_break_gen_2_three_do_not(world):
    # GEN-2: the third member leaves on 30 September — still a member that day, not the next.
    leaving = world.teachers[2]
    membership = world.ma.members.get(staff=leaving)
    membership.end = D(2025, 9, 30)
    membership.save()
    assert findings(world, D(2025, 9, 30)) == []
    assert findings(world, D(2025, 10, 1)) == [
        ("MA-MEMBERS", "violation", "association", "ma-stem", {}),
        # GEN-1: still teaching, now in no MA.
        ("SCHOOL-UNASSIGNED", "warning", "staff", leaving.key, {}),
    ]


def test_ma_subjects_reports_an_ma_without_subjects_and_each_member_teaching_none(world):
    physics = f.make_subject(world.school, key="physics", name="Физика")
    outsider = world.teachers[1]
    outsider.teaching.all().delete()
    outsider.thematic_plans.all().delete()
    teach(outsider, world.year, physics, grades=(7,))
    assert findings(world, DURING_YEAR) == [
        ("MA-SUBJECTS", "warning", "staff", outsider.key, {"association": "ma-stem"}),
    ]
    world.ma.subjects.clear()
    assert findings(world, DURING_YEAR) == [
        ("MA-SUBJECTS", "warning", "association", "ma-stem", {}),
    ]


def test_ma_subjects_asks_nothing_of_an_ma_of_class_teachers(world):
    world.ma.subjects.clear()
    world.ma.kind = AssociationKind.CLASS_TEACHERS
    world.ma.save()
    assert findings(world, DURING_YEAR) == []


def test_ma_order_requires_a_creating_order_signed_by_the_director_on_a_deputys_proposal(world):
    order = world.ma.created_by
    expected = [("MA-ORDER", "violation", "association", "ma-stem", {})]
    # Signed by a deputy, not the director.
    order.signed_by = world.deputy
    order.save()
    assert findings(world, DURING_YEAR) == expected
    # Proposed by the director, not a deputy.
    order.signed_by, order.proposed_by = world.director, world.director
    order.save()
    assert findings(world, DURING_YEAR) == expected
    # The director's and the deputy's roles count on the order's date: a director appointed
    # the day after the order was signed did not sign it as director.
    order.proposed_by = world.deputy
    order.save()
    Position.objects.filter(staff=world.director).update(start=D(2025, 8, 29))
    assert findings(world, DURING_YEAR) == expected
    Position.objects.filter(staff=world.director).update(start=D(2025, 8, 28))
    assert findings(world, DURING_YEAR) == []


def test_ma_order_an_order_of_another_kind_is_no_creating_order(world):
    order = world.ma.created_by
    order.kind = OrderKind.OTHER
    order.save()
    # Without a creating order the MA counts as active from the year's start, so it is checked.
    assert findings(world, DURING_YEAR) == [("MA-ORDER", "violation", "association", "ma-stem", {})]
    world.ma.created_by = None
    world.ma.save()
    assert findings(world, DURING_YEAR) == [("MA-ORDER", "violation", "association", "ma-stem", {})]


def test_ma_supervisor_must_hold_a_deputy_post_at_the_as_of_date(world):
    Position.objects.filter(staff=world.deputy).update(end=D(2025, 9, 30))
    assert findings(world, D(2025, 9, 30)) == []
    assert findings(world, D(2025, 10, 1)) == [
        ("MA-SUPERVISOR", "violation", "association", "ma-stem", {}),
    ]


def test_ma_supervisor_a_teacher_is_no_supervisor(world):
    world.ma.supervisors.update(staff=world.teachers[1])
    assert findings(world, DURING_YEAR) == [
        ("MA-SUPERVISOR", "violation", "association", "ma-stem", {}),
    ]


def test_ma_council_needs_a_decision_of_the_year_listing_the_ma(world):
    decision = world.ma.council_decisions.get()
    other_year = f.make_year(world.school, key="2024-2025", start=D(2024, 9, 1), end=D(2025, 5, 31))
    decision.year = other_year
    decision.save()
    assert findings(world, DURING_YEAR) == [
        ("MA-COUNCIL", "warning", "association", "ma-stem", {}),
    ]


def test_head_assigned_reports_no_head(world):
    world.ma.heads.all().delete()
    # Without a head the other HEAD-* rules do not run.
    assert findings(world, DURING_YEAR) == [
        ("HEAD-ASSIGNED", "violation", "association", "ma-stem", {}),
    ]


def test_head_assigned_needs_an_election_at_a_held_meeting_of_the_ma_or_an_order(world):
    term = world.ma.heads.get()
    head = {"staff": world.head.key}
    unconfirmed = [("HEAD-ASSIGNED", "violation", "association", "ma-stem", head)]
    # Elected at a meeting that was only scheduled.
    Meeting.objects.filter(pk=term.elected_at_id).update(status="scheduled")
    assert findings(world, DURING_YEAR) == unconfirmed
    # Elected at a held meeting of another MA.
    Meeting.objects.filter(pk=term.elected_at_id).update(status="held")
    other = f.make_association(world.school, key="ma-other", created_on=D(2026, 9, 1))
    term.elected_at = make_meeting(
        other, world.year, number=1, date=D(2025, 8, 29), key="m-other-1"
    )
    term.save()
    assert findings(world, DURING_YEAR) == unconfirmed
    # An order confirming the head is enough.
    term.order = f.make_order(world.school, kind=OrderKind.HEAD_CONFIRM)
    term.save()
    assert findings(world, DURING_YEAR) == []


def test_head_assigned_an_election_of_an_earlier_year_needs_an_order(world):
    # RULES.md's "held meeting" is a meeting of year Y: an election two years ago, without an
    # order confirming the head, does not assign them for this year.
    earlier = f.make_year(world.school, key="2023-2024", start=D(2023, 9, 1), end=D(2024, 5, 31))
    term = world.ma.heads.get()
    term.elected_at = make_meeting(
        world.ma, earlier, number=1, date=D(2023, 8, 30), key="m-stem-2023-1"
    )
    term.start = D(2023, 8, 30)
    term.order = None
    term.save()
    assert findings(world, DURING_YEAR, rules="HEAD-ASSIGNED") == [
        ("HEAD-ASSIGNED", "violation", "association", "ma-stem", {"staff": world.head.key}),
    ]
    term.order = f.make_order(world.school, kind="head_confirm", date=D(2023, 9, 2))
    term.save()
    assert findings(world, DURING_YEAR, rules="HEAD-ASSIGNED") == []


def test_head_member_the_head_must_be_a_member(world):
    world.ma.members.filter(staff=world.head).update(end=D(2025, 9, 30))
    world.ma.members.create(staff=f.make_staff(world.school, key="t-new"), start=D(2025, 9, 1))
    assert findings(world, D(2025, 9, 30), rules="HEAD") == []
    assert findings(world, D(2025, 10, 1), rules="HEAD") == [
        ("HEAD-MEMBER", "violation", "association", "ma-stem", {"staff": world.head.key}),
    ]


def test_head_category_expiring_the_day_before_fails_and_on_the_day_passes(world):
    Category.objects.filter(staff=world.head).update(valid_until=D(2025, 9, 30))
    head = {"staff": world.head.key}
    assert findings(world, D(2025, 9, 30)) == []
    assert findings(world, D(2025, 10, 1)) == [
        ("HEAD-CATEGORY", "violation", "association", "ma-stem", head),
    ]


def test_head_category_second_category_is_not_enough(world):
    Category.objects.filter(staff=world.head).update(category="second")
    assert findings(world, DURING_YEAR) == [
        ("HEAD-CATEGORY", "violation", "association", "ma-stem", {"staff": world.head.key}),
    ]
    Category.objects.filter(staff=world.head).update(category="highest")
    assert findings(world, DURING_YEAR) == []


def test_head_education_must_be_higher(world):
    world.head.education_level = "incomplete_higher"
    world.head.save()
    assert findings(world, DURING_YEAR) == [
        ("HEAD-EDUCATION", "violation", "association", "ma-stem", {"staff": world.head.key}),
    ]


def test_head_experience_1826_days_fail_and_1827_pass(world):
    # Two overlapping periods in education from 1 October 2020, and a longer period outside
    # education before them that must not count.
    Employment.objects.filter(staff=world.head).delete()
    f.make_employment(
        world.head, start=D(2014, 9, 1), end=D(2020, 9, 30), in_education=False, organization="Банк"
    )
    f.make_employment(world.head, start=D(2020, 10, 1), end=D(2022, 12, 31))
    f.make_employment(world.head, start=D(2022, 6, 1))
    day_1826 = D(2020, 10, 1) + dt.timedelta(days=1825)
    assert day_1826 == D(2025, 9, 30)
    assert findings(world, day_1826) == [
        ("HEAD-EXPERIENCE", "violation", "association", "ma-stem", {"staff": world.head.key}),
    ]
    assert findings(world, day_1826 + dt.timedelta(days=1)) == []


def test_head_experience_message_never_rounds_1826_days_up_to_five_years(world):
    from django.utils import translation

    from usul.compliance.services import check_school

    Employment.objects.filter(staff=world.head).delete()
    f.make_employment(world.head, start=D(2020, 10, 1))
    [finding] = check_school(school=world.school, year=world.year, as_of=D(2025, 9, 30))
    with translation.override("en"):
        assert "4.99 years (1826 days)" in finding.message


def test_head_with_every_fault_gives_one_finding_per_rule(world):
    head = f.make_staff(world.school, key="t-weak", roles=(Role.TEACHER,))
    world.ma.heads.update(staff=head)
    detail = {"staff": "t-weak"}
    assert findings(world, DURING_YEAR, rules="HEAD") == [
        ("HEAD-MEMBER", "violation", "association", "ma-stem", detail),
        ("HEAD-CATEGORY", "violation", "association", "ma-stem", detail),
        ("HEAD-EDUCATION", "violation", "association", "ma-stem", detail),
        ("HEAD-EXPERIENCE", "violation", "association", "ma-stem", detail),
    ]
