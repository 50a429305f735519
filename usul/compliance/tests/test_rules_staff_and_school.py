"""Staff rules (DOC-9…DOC-11, DUTY-1), school rules (FUNC-1, DOC-6, GEN-1), and what a
liquidated MA leaves behind."""

import datetime as dt

from usul.compliance.tests.builders import DURING_YEAR, make_teacher, teach
from usul.compliance.tests.conftest import findings
from usul.orders.models import OrderKind
from usul.people.models import Employment, Role, SelfDevelopmentTopic, ThematicPlan
from usul.testing import factories as f

D = dt.date


def test_staff_selfdev_a_topic_of_another_year_does_not_count(world):
    earlier = f.make_year(world.school, key="2024-2025", start=D(2024, 9, 1), end=D(2025, 5, 31))
    teacher = world.teachers[1]
    SelfDevelopmentTopic.objects.filter(staff=teacher).update(year=earlier)
    assert findings(world, DURING_YEAR) == [
        ("STAFF-SELFDEV", "warning", "staff", teacher.key, {}),
    ]


def test_staff_databank_lists_what_is_missing_in_the_rules_order(world):
    teacher = world.teachers[2]
    teacher.birth_date = None
    teacher.education_level = ""
    teacher.education_specialty = ""
    teacher.save()
    teacher.teaching.all().delete()
    Employment.objects.filter(staff=teacher).delete()
    missing = ["birth_date", "education.level", "education.specialty", "teaching", "employment"]
    assert findings(world, DURING_YEAR) == [
        # No longer teaching the MA's subject either (GEN-7).
        ("MA-SUBJECTS", "warning", "staff", teacher.key, {"association": "ma-stem"}),
        ("STAFF-DATABANK", "warning", "staff", teacher.key, {"missing": missing}),
    ]


def test_staff_databank_asks_teaching_only_of_teachers_and_class_teachers(world):
    # A deputy who is a member of the MA teaches nothing by post: not a gap in the data bank.
    world.ma.members.create(staff=world.deputy, start=D(2025, 8, 28))
    world.deputy.birth_date = D(1975, 1, 1)
    world.deputy.education_level, world.deputy.education_specialty = "higher", "Тарых"
    world.deputy.save()
    f.make_employment(world.deputy, start=D(2000, 9, 1))
    SelfDevelopmentTopic.objects.create(staff=world.deputy, year=world.year, topic="Тема")
    assert findings(world, DURING_YEAR) == [
        ("MA-SUBJECTS", "warning", "staff", "t-deputy", {"association": "ma-stem"}),
    ]


def test_staff_ctp_one_finding_per_subject_and_grade_without_a_plan(world):
    teacher = world.teachers[0]
    physics = f.make_subject(world.school, key="physics", name="Физика")
    teach(teacher, world.year, physics, grades=(10, 9), with_plans=False)
    teach(teacher, world.year, world.subject, grades=(6,), with_plans=False)
    # A subject club counts as well as a subject plan; last year's plan does not.
    ThematicPlan.objects.create(
        staff=teacher, year=world.year, subject=physics, grade=9, kind="club"
    )
    earlier = f.make_year(world.school, key="2024-2025", start=D(2024, 9, 1), end=D(2025, 5, 31))
    ThematicPlan.objects.create(
        staff=teacher, year=earlier, subject=world.subject, grade=6, kind="subject"
    )
    assert findings(world, DURING_YEAR) == [
        ("STAFF-CTP", "warning", "staff", teacher.key, {"subject": "math", "grade": 6}),
        ("STAFF-CTP", "warning", "staff", teacher.key, {"subject": "physics", "grade": 10}),
    ]


def test_staff_rules_check_only_members_of_active_mas_and_each_once(world):
    # A member of two MAs is reported once; a teacher outside every MA only as unassigned.
    second = f.make_association(world.school, key="ma-lang", kind="other")
    world.ma.council_decisions.get().associations.add(second)
    teacher = world.teachers[1]
    second.members.create(staff=teacher, start=D(2025, 8, 28))
    SelfDevelopmentTopic.objects.filter(staff=teacher).delete()
    loner = make_teacher(world.school, world.year, subject=world.subject, key="t-loner")
    SelfDevelopmentTopic.objects.filter(staff=loner).delete()
    assert [x for x in findings(world, DURING_YEAR) if x[2] == "staff"] == [
        ("STAFF-SELFDEV", "warning", "staff", teacher.key, {}),
        ("SCHOOL-UNASSIGNED", "warning", "staff", "t-loner", {}),
    ]


def test_school_theme_is_required_for_the_year(world):
    world.year.theme = "  "
    world.year.save()
    assert findings(world, DURING_YEAR) == [("SCHOOL-THEME", "warning", "school", "sch-17", {})]


def test_school_unassigned_only_those_who_teach_in_the_year(world):
    # The director teaches nothing this year and belongs to no MA: not reported.
    make_teacher(world.school, world.year, subject=world.subject, key="t-a")
    make_teacher(world.school, world.year, subject=None, key="t-b", roles=(Role.EDUCATOR,))
    assert findings(world, DURING_YEAR) == [
        ("SCHOOL-UNASSIGNED", "warning", "staff", "t-a", {}),
    ]


def test_a_liquidated_ma_is_not_checked_and_its_teachers_become_unassigned(world):
    # The MA breaks many rules, but it is liquidated on 30 September.
    world.plan.delete()
    world.ma.heads.all().delete()
    world.ma.liquidated_by = f.make_order(
        world.school, kind=OrderKind.MA_LIQUIDATE, date=D(2025, 9, 30), association=world.ma
    )
    world.ma.save()
    assert findings(world, D(2025, 9, 29)) == [
        ("HEAD-ASSIGNED", "violation", "association", "ma-stem", {}),
        ("PLAN-APPROVED", "violation", "association", "ma-stem", {}),
    ]
    assert findings(world, D(2025, 9, 30)) == [
        ("SCHOOL-UNASSIGNED", "warning", "staff", t.key, {})
        for t in sorted(world.teachers, key=lambda t: t.key)
    ]


def test_an_ma_becomes_active_on_its_creating_orders_date(world):
    new = f.make_association(world.school, key="ma-new", created_on=D(2025, 10, 2))
    assert findings(world, D(2025, 10, 1)) == []
    assert [x[0] for x in findings(world, D(2025, 10, 2)) if x[3] == new.key][:3] == [
        "MA-MEMBERS",
        "MA-SUBJECTS",
        "MA-ORDER",
    ]
