"""Loading the demo school: the generated bundle, imported like any school's, and its log-ins.

``demo_load`` brings the database to the demo school of ``usul.demo.generator`` through the
bundle importer (so the demo exercises the same path a real school's data takes) and gives
every role one log-in linked to its staff record. Loading again updates in place: the importer
matches records by their keys and the log-ins by their usernames, so nothing is duplicated.

The passwords are fixed and printed by ``usul demo``: this is a demonstration installation.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.db import transaction
from django.utils.translation import gettext_lazy as _

from usul.accounts.models import User
from usul.accounts.policy import command_line_administrator
from usul.bundle.services import bundle_import
from usul.demo.generator import build, current_year
from usul.people.models import Staff
from usul.schools.models import School


@dataclass(frozen=True)
class Persona:
    """One role of the demo and how to log in as it."""

    code: str  # a generator persona, or a role not tied to a school position
    username: str  # Latin letters: typed on any keyboard
    label: object  # the role's name, translated when shown

    @property
    def password(self) -> str:
        return f"demo-{self.username}"


# The roles of Usul, one log-in each.
PERSONAS = [
    Persona("director", "direktor", _("Director")),
    Persona("deputy_academic", "zam-uvr", _("Deputy director for teaching and upbringing")),
    Persona(
        "deputy_methodical", "zam-nmr", _("Deputy director for scientific-methodological work")
    ),
    Persona("ma_head", "jetekchi", _("Head of a methodological association")),
    Persona("teacher", "mugalim", _("Teacher")),
    Persona("class_teacher", "klass-jetekchi", _("Class teacher")),
    Persona("district_methodologist", "metodist", _("District methodologist")),
    Persona("administrator", "admin", _("Administrator")),
]
DEMO_URL = "http://127.0.0.1:8000"


@dataclass(frozen=True)
class DemoSummary:
    school_key: str
    school_name: str
    year: str  # the school year in progress at ``today``
    created: bool  # the school was new (False: updated in place)
    staff: int
    associations: int
    logins: list[tuple[Persona, User]]


@transaction.atomic
def demo_load(
    *, seed: int = 2025, today: dt.date, staff_count: int = 44, associations: int = 6
) -> DemoSummary:
    """Import the demo school dated around ``today`` and (re)create one log-in per role."""
    demo = build(seed=seed, today=today, staff_count=staff_count, associations=associations)
    imported = bundle_import(actor=command_line_administrator(today), data=demo.bundle)
    school = School.objects.select_related("district").get(key=demo.bundle["school"]["key"])
    people = {s.key: s for s in Staff.objects.filter(school=school, key__in=demo.personas.values())}
    logins = []
    for persona in PERSONAS:
        staff = people.get(demo.personas.get(persona.code, ""))
        user = _demo_user(
            persona,
            staff=staff,
            # The district methodologist reads every school of the demo school's district.
            district=school.district if persona.code == "district_methodologist" else None,
            is_administrator=persona.code == "administrator",
        )
        logins.append((persona, user))
    return DemoSummary(
        school_key=school.key,
        school_name=school.name,
        year=current_year(today).key,
        created=imported.school_created,
        staff=len(demo.bundle["staff"]),
        associations=len(demo.bundle["associations"]),
        logins=logins,
    )


def _demo_user(persona: Persona, *, staff, district, is_administrator: bool) -> User:
    """The persona's log-in, created or brought back to what the demo says (by username)."""
    user = User.objects.filter(username=persona.username).first() or User(username=persona.username)
    before = {name: getattr(user, name) for name in _DEMO_FIELDS}
    user.staff = staff
    user.district = district
    user.is_administrator = is_administrator
    user.is_active = True
    if staff is not None:
        user.first_name, user.last_name = staff.first_name, staff.last_name
    elif persona.username in NAMES_WITHOUT_STAFF:
        user.first_name, user.last_name = NAMES_WITHOUT_STAFF[persona.username]
    password_kept = user.pk is not None and user.check_password(persona.password)
    if not password_kept:
        user.set_password(persona.password)
    # Validates the username and that the staff record has no other log-in.
    user.full_clean()
    if user.pk is None:
        user.save()
    else:
        changed = [name for name in _DEMO_FIELDS if getattr(user, name) != before[name]]
        if not password_kept:
            changed.append("password")
        # Loading the demo again changes nothing, and so writes no history (accounts keep it).
        if changed:
            user.save(update_fields=changed)
    return user


# Log-ins without a staff record still have a person's name: the menu shows it, not the log-in.
NAMES_WITHOUT_STAFF = {"metodist": ("Динара", "Абдыкадырова")}

_DEMO_FIELDS = ["staff", "district", "is_administrator", "is_active", "first_name", "last_name"]


def demo_logins() -> list[tuple[Persona, User]]:
    """The demo log-ins present in this database, in the order of ``PERSONAS``."""
    users = {
        u.username: u for u in User.objects.filter(username__in=[p.username for p in PERSONAS])
    }
    return [(p, users[p.username]) for p in PERSONAS if p.username in users]
