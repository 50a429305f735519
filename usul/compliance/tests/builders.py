"""Builders for compliance tests: the records the shared factories do not make, and a
fully compliant school from which each test breaks exactly one thing.

``compliant_school`` gives ``[]`` both during the year (2025-10-01) and after its end
(2026-06-01): four meetings planned and held, a plan approved in time, the analysis and the KTU
written, all twelve documents registered.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from usul.analysis.models import YearAnalysis
from usul.assessment.models import KtuRecord, KtuValue
from usul.documents.models import REQUIRED_DOCUMENTS, DocumentEntry
from usul.meetings.models import Attendance, Meeting
from usul.orders.models import CouncilDecision
from usul.people.models import Role, SelfDevelopmentTopic, Staff, Teaching, ThematicPlan
from usul.planning.models import WorkPlan
from usul.schools.models import DistrictInstruction, School, SchoolYear
from usul.testing import factories as f

D = dt.date
DURING_YEAR = D(2025, 10, 1)
AFTER_YEAR = D(2026, 6, 1)


def year_of(school: School, key: str = "2025-2026") -> SchoolYear:
    return SchoolYear.objects.get(school=school, key=key)


def make_teacher(
    school: School,
    year: SchoolYear,
    *,
    subject,
    grades=(5,),
    key=None,
    roles=(Role.TEACHER,),
    category="first",
    **fields,
) -> Staff:
    """A teacher whose data bank is complete for ``year``: nothing for the rules to report."""
    fields.setdefault("birth_date", D(1985, 3, 12))
    fields.setdefault("education_level", "higher")
    fields.setdefault("education_specialty", "Математика мугалими")
    fields.setdefault("has_education", True)
    staff = f.make_staff(school, roles=roles, key=key or f._key("t"), **fields)
    f.make_employment(staff, start=D(2010, 9, 1))
    if category:
        f.make_category(staff, category=category, awarded=D(2021, 4, 10))
    if subject is not None:
        teach(staff, year, subject, grades)
    SelfDevelopmentTopic.objects.create(staff=staff, year=year, topic="Санариптик куралдар")
    return staff


def teach(staff: Staff, year: SchoolYear, subject, grades=(5,), *, with_plans=True) -> Teaching:
    teaching = Teaching.objects.create(
        staff=staff, year=year, subject=subject, grades=list(grades), hours_per_week=18
    )
    if with_plans:
        for grade in grades:
            ThematicPlan.objects.create(
                staff=staff, year=year, subject=subject, grade=grade, kind="subject"
            )
    return teaching


def make_plan(
    association,
    year: SchoolYear,
    *,
    status="approved",
    approved_by=None,
    approved_at=D(2025, 9, 10),
    reflects_theme=True,
    instructions=(),
    months=None,
    open_lesson=True,
    responsible=None,
) -> WorkPlan:
    """A plan with one item per month of ``year`` (an open lesson in the first month)."""
    from usul.lib.dates import months_between

    plan = f.make_plan(
        association,
        year=year,
        theme="Тема",
        goal="Максат",
        status=status,
        approved_by=approved_by,
        approved_at=approved_at if approved_by else None,
        reflects_school_theme=reflects_theme,
    )
    plan.reflects_instructions.set(instructions)
    for index, month in enumerate(
        months if months is not None else months_between(year.start, year.end)
    ):
        kind = "open_lesson" if open_lesson and index == 0 else "seminar"
        f.add_plan_item(plan, month=month, kind=kind, responsible=responsible)
    return plan


def make_meeting(
    association,
    year: SchoolYear,
    *,
    number: int,
    date: dt.date,
    status="held",
    attendees=(),
    resolutions=("done",),
    key=None,
) -> Meeting:
    """A meeting with attendance of ``attendees`` and one resolution per status given."""
    meeting = f.make_meeting(
        association,
        year=year,
        key=key or f"m-{association.key}-{number}-{f._key('x')}",
        number=number,
        date=date,
        status=status,
        agenda=["Күн тартиби"],
    )
    for person in attendees:
        Attendance.objects.create(meeting=meeting, staff=person, status="present")
    for n, resolution_status in enumerate(resolutions, start=1):
        f.make_resolution(meeting, number=n, text=f"Токтом {n}", status=resolution_status)
    return meeting


def make_analysis(
    association,
    year: SchoolYear,
    *,
    author,
    date=D(2026, 5, 25),
    proposals=("Ачык сабактарды көбөйтүү",),
) -> YearAnalysis:
    return YearAnalysis.objects.create(
        association=association,
        year=year,
        author=author,
        date=date,
        text="Анализ",
        proposals=list(proposals),
    )


def make_ktu(association, year: SchoolYear, *, commission=(), values=()) -> KtuRecord:
    record = KtuRecord.objects.create(association=association, year=year)
    record.commission.set(commission)
    for person in values:
        KtuValue.objects.create(record=record, staff=person, value="1.100")
    return record


def add_document(
    association, year: SchoolYear, doc_type: str, *, location="school", key=None, title=""
) -> DocumentEntry:
    return DocumentEntry.objects.create(
        school=association.school,
        association=association,
        year=year,
        key=key or f"d-{association.key}-{doc_type}-{f._key('x')}",
        type=doc_type,
        title=title,
        location=location,
    )


def add_council_decision(school: School, year: SchoolYear, associations) -> CouncilDecision:
    decision = CouncilDecision.objects.create(
        school=school, key=f._key("cd"), year=year, date=D(2025, 8, 27), text="Чечим"
    )
    decision.associations.set(associations)
    return decision


def add_instruction(
    school: School, year: SchoolYear, *, key=None, targets=None
) -> DistrictInstruction:
    """``targets`` None means "all subjects"."""
    instruction = DistrictInstruction.objects.create(
        school=school,
        key=key or f._key("di"),
        year=year,
        number="07",
        date=D(2025, 8, 15),
        title="Көрсөтмө",
        targets_all=targets is None,
    )
    if targets:
        instruction.target_subjects.set(targets)
    return instruction


@dataclass
class World:
    school: School
    year: SchoolYear
    director: Staff
    deputy: Staff
    subject: object
    ma: object = None
    teachers: list = field(default_factory=list)
    meetings: list = field(default_factory=list)
    plan: WorkPlan | None = None
    instruction: DistrictInstruction | None = None

    @property
    def head(self) -> Staff:
        return self.teachers[0]


def compliant_association(
    world: World, *, key: str, name: str, subject, teachers: int = 3, teacher_keys=None
) -> tuple:
    """One fully compliant subject MA with its own teachers; returns (ma, teachers, meetings,
    plan)."""
    school, year = world.school, world.year
    ma = f.make_association(school, key=key, name=name, subjects=[subject])
    order = ma.created_by
    order.signed_by, order.proposed_by = world.director, world.deputy
    order.save(update_fields=["signed_by", "proposed_by"])
    keys = teacher_keys or [None] * teachers
    people = [make_teacher(school, year, subject=subject, key=k) for k in keys]
    for person in people:
        f.add_member(ma, person)
    f.add_supervisor(ma, world.deputy)
    dates = [D(2025, 8, 29), D(2025, 11, 5), D(2026, 1, 14), D(2026, 5, 25)]
    meetings = [
        make_meeting(ma, year, number=n, date=day, attendees=people, key=f"m-{key}-{n}")
        for n, day in enumerate(dates, start=1)
    ]
    f.add_head(ma, people[0], start=D(2025, 8, 29), elected_at=meetings[0])
    plan = make_plan(
        ma,
        year,
        approved_by=world.deputy,
        instructions=[world.instruction] if world.instruction else [],
    )
    make_analysis(ma, year, author=world.deputy)
    make_ktu(ma, year, commission=[people[0], people[1], world.deputy], values=people)
    for doc_type in REQUIRED_DOCUMENTS:
        add_document(ma, year, doc_type.value, key=f"d-{key}-{doc_type.value}")
    return ma, people, meetings, plan


def compliant_school(school: School, *, associations: int = 1, teachers: int = 3) -> World:
    """A school that complies with every rule; the first MA is ``world.ma``."""
    year = year_of(school)
    director = f.make_staff(
        school, roles=(Role.DIRECTOR,), key="t-director", last_name="Токтогулов", first_name="Бакыт"
    )
    deputy = f.make_staff(
        school,
        roles=(Role.DEPUTY_ACADEMIC,),
        key="t-deputy",
        last_name="Осмонова",
        first_name="Гүлнара",
    )
    subject = f.make_subject(school, key="math", name="Математика")
    world = World(school=school, year=year, director=director, deputy=deputy, subject=subject)
    world.instruction = add_instruction(school, year, key="di-2025-07")
    mas = []
    for n in range(associations):
        ma, people, meetings, plan = compliant_association(
            world,
            key="ma-stem" if n == 0 else f"ma-{n}",
            name=f"Табигый цикл {n}",
            subject=subject,
            teachers=teachers,
        )
        mas.append(ma)
        if n == 0:
            world.ma, world.teachers, world.meetings, world.plan = ma, people, meetings, plan
    add_council_decision(school, year, mas)
    return world
