"""Factories for tests: small keyword-only builders with sensible defaults.

Each returns a saved record. Keys are generated unless given, so two calls never collide.
Tests that describe a whole school may instead import a bundle (``usul.bundle``).
"""

from __future__ import annotations

import datetime as dt
import itertools

from usul.accounts.models import User
from usul.associations.models import Association, AssociationKind, HeadTerm, Membership, Supervision
from usul.orders.models import Order, OrderKind
from usul.people.models import Category, Employment, Position, Role, Staff
from usul.schools.models import Area, District, School, SchoolYear, Subject

_seq = itertools.count(1)

D = dt.date


def _key(prefix: str) -> str:
    return f"{prefix}-{next(_seq)}"


def make_district(**fields) -> District:
    fields.setdefault("key", _key("district"))
    fields.setdefault("name", "Ош шаардык усулдук бөлмөсү")
    return District.objects.create(**fields)


def make_school(**fields) -> School:
    fields.setdefault("key", _key("sch"))
    fields.setdefault("name", "№17 орто мектеби")
    return School.objects.create(**fields)


def make_year(
    school: School,
    *,
    key: str = "2025-2026",
    start=D(2025, 9, 1),
    end=D(2026, 5, 31),
    theme: str | None = "Функционалдык сабаттуулук",
) -> SchoolYear:
    return SchoolYear.objects.create(school=school, key=key, start=start, end=end, theme=theme)


def make_subject(
    school: School, *, key: str | None = None, area: str = Area.STEM, name: str = "Математика"
) -> Subject:
    return Subject.objects.create(
        school=school,
        key=key or _key("subj"),
        name_ky=name,
        name_ru=name,
        name_en=name,
        area=area,
    )


def make_staff(
    school: School,
    *,
    roles=(Role.TEACHER,),
    since=D(2010, 9, 1),
    last_name: str = "Асанова",
    first_name: str = "Айгүл",
    **fields,
) -> Staff:
    fields.setdefault("key", _key("t"))
    staff = Staff.objects.create(
        school=school, last_name=last_name, first_name=first_name, **fields
    )
    for role in roles:
        Position.objects.create(staff=staff, role=role, start=since)
    return staff


def make_employment(
    staff: Staff, *, start, end=None, in_education=True, organization="№5 мектеп"
) -> Employment:
    return Employment.objects.create(
        staff=staff, start=start, end=end, in_education=in_education, organization=organization
    )


def make_category(
    staff: Staff, *, category="first", awarded=D(2021, 4, 10), valid_until=None
) -> Category:
    return Category.objects.create(
        staff=staff, category=category, awarded=awarded, valid_until=valid_until
    )


def make_order(
    school: School,
    *,
    kind=OrderKind.MA_CREATE,
    date=D(2025, 8, 28),
    association=None,
    proposed_by=None,
    signed_by=None,
    key=None,
) -> Order:
    return Order.objects.create(
        school=school,
        key=key or _key("o"),
        number=str(next(_seq)),
        date=date,
        kind=kind,
        association=association,
        proposed_by=proposed_by,
        signed_by=signed_by,
    )


def make_association(
    school: School,
    *,
    kind=AssociationKind.SUBJECT,
    name="Табигый цикл",
    created_on=D(2025, 8, 28),
    key=None,
    subjects=(),
) -> Association:
    association = Association.objects.create(
        school=school, key=key or _key("ma"), name=name, kind=kind
    )
    if created_on is not None:
        association.created_by = make_order(school, date=created_on, association=association)
        association.save(update_fields=["created_by"])
    if subjects:
        association.subjects.set(subjects)
    return association


def add_member(
    association: Association, staff: Staff, *, start=D(2025, 8, 28), end=None
) -> Membership:
    return Membership.objects.create(association=association, staff=staff, start=start, end=end)


def add_head(
    association: Association,
    staff: Staff,
    *,
    start=D(2025, 8, 29),
    end=None,
    elected_at=None,
    order=None,
) -> HeadTerm:
    return HeadTerm.objects.create(
        association=association,
        staff=staff,
        start=start,
        end=end,
        elected_at=elected_at,
        order=order,
    )


def add_supervisor(
    association: Association, staff: Staff, *, start=D(2025, 8, 28), end=None
) -> Supervision:
    return Supervision.objects.create(association=association, staff=staff, start=start, end=end)


def make_user(
    staff: Staff | None = None,
    *,
    username: str | None = None,
    password: str = "test-pass-123",
    **fields,
) -> User:
    user = User.objects.create_user(
        username=username or _key("user"), password=password, staff=staff, **fields
    )
    return user


def make_meeting(
    association: Association,
    *,
    year: SchoolYear | None = None,
    number: int = 1,
    date=D(2025, 8, 29),
    status: str = "held",
    key: str | None = None,
    **fields,
):
    """A meeting of ``association`` (held by default: ORG-1 elections happen at one)."""
    from usul.meetings.models import Meeting

    year = year or association.school.years.order_by("start").first()
    return Meeting.objects.create(
        school=association.school,
        association=association,
        key=key or _key("m"),
        year=year,
        number=number,
        date=date,
        status=status,
        **fields,
    )


def make_resolution(
    meeting,
    *,
    number: int | None = None,
    text: str = "Ачык сабак өткөрүү",
    responsible: Staff | None = None,
    due=None,
    status: str = "open",
):
    """A resolution of ``meeting`` (ORG-4), numbered after the meeting's last one."""
    from usul.meetings.models import Resolution

    if number is None:
        number = meeting.resolutions.count() + 1
    return Resolution.objects.create(
        meeting=meeting, number=number, text=text, responsible=responsible, due=due, status=status
    )


def make_plan(
    association: Association,
    *,
    year: SchoolYear | None = None,
    status: str = "draft",
    approved_by: Staff | None = None,
    approved_at=None,
    theme: str = "Функционалдык сабаттуулук",
    goal: str = "Окуучулардын функционалдык сабаттуулугун өнүктүрүү",
    **fields,
):
    """The work plan of ``association`` for ``year`` (ORG-2); a draft unless told."""
    from usul.planning.models import WorkPlan

    year = year or association.school.years.order_by("start").first()
    if approved_by is not None and approved_at is None:
        approved_at = year.start
    return WorkPlan.objects.create(
        association=association,
        year=year,
        theme=theme,
        goal=goal,
        status=status,
        approved_by=approved_by,
        approved_at=approved_at,
        **fields,
    )


def add_plan_item(
    plan,
    *,
    month: str | None = None,
    date=None,
    kind: str = "seminar",
    title: str | None = None,
    status: str = "planned",
    responsible: Staff | None = None,
):
    """An item of ``plan`` (DOC-8), in the month of ``date`` or the year's first month."""
    from usul.planning.models import PlanItem

    if month is None:
        month = (date or plan.year.start).strftime("%Y-%m")
    return PlanItem.objects.create(
        plan=plan,
        month=month,
        date=date,
        kind=kind,
        title=title or f"{kind} {month}",
        status=status,
        responsible=responsible,
    )


def make_open_lesson(
    association: Association,
    *,
    teacher: Staff,
    year: SchoolYear | None = None,
    date=D(2025, 10, 14),
    topic: str = "Бөлчөктөрдү кошуу",
    status: str = "scheduled",
    key: str | None = None,
    visitors=(),
    **fields,
):
    """An open lesson (ORG-3) given by ``teacher``, with ``visitors`` signed up."""
    from usul.lessons.models import OpenLesson, OpenLessonVisitor

    year = year or association.school.years.order_by("start").first()
    lesson = OpenLesson.objects.create(
        school=association.school,
        association=association,
        key=key or _key("ol"),
        year=year,
        teacher=teacher,
        topic=topic,
        date=date,
        status=status,
        **fields,
    )
    for visitor in visitors:
        OpenLessonVisitor.objects.create(open_lesson=lesson, staff=visitor)
    return lesson


def make_observation(
    *,
    teacher: Staff,
    observer: Staff,
    open_lesson=None,
    date=None,
    summary: str = "Сабак максатына жетти",
    scores: dict | None = None,
):
    """An observation (SVC-D4) of ``teacher``'s lesson by ``observer``: of ``open_lesson`` when
    given, otherwise of a visit outside the open-lesson schedule."""
    from usul.lessons.models import Observation

    return Observation.objects.create(
        school=teacher.school,
        open_lesson=open_lesson,
        teacher=teacher,
        observer=observer,
        date=date or (open_lesson.date if open_lesson else D(2025, 10, 20)),
        summary=summary,
        scores=scores or {},
    )


def make_notification(
    recipient: Staff, *, kind: str = "meeting_scheduled", url: str = "", **params
):
    """A notification waiting for ``recipient`` (in their school)."""
    from usul.notifications.models import Notification

    return Notification.objects.create(
        school=recipient.school, recipient=recipient, kind=kind, url=url, params=params
    )
