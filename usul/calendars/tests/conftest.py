"""A school year of one MA for the calendar tests: a head, two members, a teacher outside.
Its meetings, open lessons and resolutions are made with the shared factories."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import pytest

from usul.testing import factories as f

D = dt.date


@dataclass
class Year:
    school: object
    year: object
    ma: object
    head: object
    member: object
    colleague: object
    stranger: object  # a teacher of the school in no MA


@pytest.fixture
def ma_year(school) -> Year:
    head = f.make_staff(school, last_name="Жумабаева", first_name="Нургүл")
    member = f.make_staff(school, last_name="Асанов", first_name="Таалай")
    colleague = f.make_staff(school, last_name="Бекова", first_name="Айзада")
    stranger = f.make_staff(school, last_name="Сыдыков", first_name="Эрлан")
    ma = f.make_association(school, name="Табигый цикл")
    for person in (head, member, colleague):
        f.add_member(ma, person)
    f.add_head(ma, head)
    return Year(
        school=school,
        year=school.years.get(),
        ma=ma,
        head=head,
        member=member,
        colleague=colleague,
        stranger=stranger,
    )
