"""Factories for tests: small keyword-only builders with sensible defaults.

Each returns a saved record. Keys are generated unless given, so two calls never collide.
Tests that describe a whole school may instead import a bundle (``usul.bundle``).
"""

from __future__ import annotations

import datetime as dt
import itertools

from usul.accounts.models import User
from usul.associations.models import Association, AssociationKind, HeadTerm, Membership, Supervision
from usul.people.models import Category, Employment, Position, Role, Staff
from usul.schools.models import Area, District, Order, OrderKind, School, SchoolYear, Subject

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
    )
