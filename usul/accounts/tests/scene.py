"""One school with an MA and a person for every role, plus an outsider school — the cast of
the page and permission tests (Kolibri's two-facility pattern).

Dates are those of the ``school`` fixture's year; memberships and positions run open-ended,
so they hold "today" whatever day the tests run.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

import pytest

from usul.associations.models import Association
from usul.people.models import Role, Staff
from usul.schools.models import Area, OrderKind, School
from usul.testing import factories as f

D = dt.date


@dataclass
class Scene:
    school: School
    stem: Association
    lang: Association
    director: Staff
    deputy: Staff
    head: Staff
    teacher: Staff
    colleague: Staff
    stranger: Staff
    outsider: School
    outsider_ma: Association
    outsider_staff: Staff
    users: dict = field(default_factory=dict)


def build_scene(school, director, deputy, outsider_school) -> Scene:
    math = f.make_subject(school, key="math", name="Математика")
    kyrgyz = f.make_subject(school, key="kyrgyz", area=Area.LANGUAGES, name="Кыргыз тили")
    director.key, deputy.key = "t-director", "t-deputy"
    director.save(update_fields=["key"])
    deputy.save(update_fields=["key"])
    head = f.make_staff(
        school,
        key="t-head",
        last_name="Асанова",
        first_name="Айгүл",
        birth_date=D(1980, 3, 12),
        education_level="higher",
        education_specialty="Математика",
    )
    f.make_employment(head, start=D(2002, 9, 1))
    f.make_category(head, category="first", awarded=D(2021, 4, 10))
    teacher = f.make_staff(
        school,
        key="t-bekova",
        last_name="Бекова",
        first_name="Жаңыл",
        birth_date=D(1990, 5, 5),
        education_level="higher",
    )
    f.make_employment(teacher, start=D(2012, 9, 1), organization="№5 мектеп")
    f.make_category(teacher, category="second", awarded=D(2022, 1, 15))
    colleague = f.make_staff(
        school, key="t-omur", last_name="Өмүрбеков", first_name="Үсөн", birth_date=D(1985, 1, 2)
    )
    stranger = f.make_staff(
        school,
        key="t-stranger",
        last_name="Токтосунова",
        first_name="Нуриза",
        birth_date=D(1975, 7, 7),
    )
    f.make_employment(stranger, start=D(1998, 9, 1))
    stem = f.make_association(
        school, key="ma-stem", name="Табигый-математикалык цикл", subjects=[math]
    )
    order = stem.created_by
    order.proposed_by, order.signed_by = deputy, director
    order.save(update_fields=["proposed_by", "signed_by"])
    for person in (head, teacher, colleague):
        f.add_member(stem, person)
    f.add_head(
        stem,
        head,
        order=f.make_order(
            school, kind=OrderKind.HEAD_CONFIRM, association=stem, signed_by=director
        ),
    )
    f.add_supervisor(stem, deputy)
    lang = f.make_association(school, key="ma-lang", name="Тил цикли", subjects=[kyrgyz])
    f.add_member(lang, stranger)

    out_deputy = f.make_staff(
        outsider_school,
        key="t-deputy",
        roles=(Role.DEPUTY_ACADEMIC,),
        last_name="Сыдыков",
        first_name="Марат",
    )
    outsider_staff = f.make_staff(
        outsider_school,
        key="t-out",
        last_name="Орозова",
        first_name="Бермет",
        birth_date=D(1970, 1, 1),
    )
    outsider_ma = f.make_association(outsider_school, key="ma-out", name="Сырттагы бирикме")
    f.add_member(outsider_ma, outsider_staff)

    users = {
        "director": f.make_user(director, username="director"),
        "deputy": f.make_user(deputy, username="deputy"),
        "head": f.make_user(head, username="head"),
        "teacher": f.make_user(teacher, username="teacher"),
        "colleague": f.make_user(colleague, username="colleague"),
        "stranger": f.make_user(stranger, username="stranger"),
        "district": f.make_user(username="district", district=school.district),
        "other_district": f.make_user(username="naryn", district=outsider_school.district),
        "admin": f.make_user(username="admin", is_administrator=True),
        "nobody": f.make_user(username="nobody"),
        "outsider": f.make_user(out_deputy, username="outsider"),
    }
    return Scene(
        school=school,
        stem=stem,
        lang=lang,
        director=director,
        deputy=deputy,
        head=head,
        teacher=teacher,
        colleague=colleague,
        stranger=stranger,
        outsider=outsider_school,
        outsider_ma=outsider_ma,
        outsider_staff=outsider_staff,
        users=users,
    )


@pytest.fixture
def scene(school, director, deputy, outsider_school) -> Scene:
    return build_scene(school, director, deputy, outsider_school)


@pytest.fixture
def as_user(client, scene):
    """``as_user("deputy")`` logs the test client in as that member of the cast."""

    def login(role: str):
        client.force_login(scene.users[role])
        return client

    return login
