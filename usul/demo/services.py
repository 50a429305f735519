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
from typing import Any

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
    _bank_of_ideas(school, people.get(demo.personas.get("teacher", "")), today)
    return DemoSummary(
        school_key=school.key,
        school_name=school.name,
        year=current_year(today).key,
        created=imported.school_created,
        staff=len(demo.bundle["staff"]),
        associations=len(demo.bundle["associations"]),
        logins=logins,
    )


# A one-page PDF: the file of each demo material (the bank's pages offer it for download).
_DEMO_PDF = (
    b"%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n"
    b"2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj\n"
    b"3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >> endobj\n"
    b"trailer << /Root 1 0 R >>\n%%EOF\n"
)

# The bank of methodological ideas (SVC-T2): a few materials of the teacher's MA at each stage,
# so that its search («сабак», «урок») and the head's evaluation have something to show.
_DEMO_MATERIALS: list[dict[str, Any]] = [
    {
        "key": "idea-demo-1",
        "title": "Бөлчөктөрдү кошуу: сабактын планы",
        "kind": "lesson_plan",
        "grades": (5, 5),
        "tags": "бөлчөк, оюн, топтук иш",
        "description": "Сабактын максаты: бөлчөктөрдү кошууну оюн аркылуу түшүндүрүү. "
        "Сабактын ар бир баскычы жана окуучулардын топтук иши.",
        "status": "published",
        "comment": "Жакшы иштелген; башка мугалимдерге сунушталат.",
    },
    {
        "key": "idea-demo-2",
        "title": "Проблемное обучение на уроках математики",
        "kind": "guide",
        "grades": (7, 9),
        "tags": "проблемное обучение, методика",
        "description": "Методическое пособие: как строить уроки вокруг задачи, которую "
        "ученики решают сами. Примеры уроков и вопросы для обсуждения.",
        "status": "published",
        "comment": "Пособие полезно молодым специалистам.",
    },
    {
        "key": "idea-demo-3",
        "title": "Сабактарды баалоо: текшерүү тесттери",
        "kind": "tests",
        "grades": (6, 7),
        "tags": "тест, баалоо",
        "description": "Өтүлгөн сабактардын темалары боюнча 20 тест суроосу жооптору менен.",
        "status": "submitted",
        "comment": "",
    },
    {
        "key": "idea-demo-4",
        "title": "Окуучулардын өз алдынча иши: макала",
        "kind": "article",
        "grades": (None, None),
        "tags": "өз алдынча иш, өнүгүү",
        "description": "Өз алдынча иштин түрлөрү жана аны сабакта уюштуруу тажрыйбасы.",
        "status": "ready",
        "comment": "Мисалдарды кошуп, жарыялоого болот.",
    },
]


def _bank_of_ideas(school: School, teacher: Staff | None, today: dt.date) -> None:
    """The demo's materials, written once: loading again leaves them (and their files) as they
    are, and a change made in the demo stays."""
    from django.core.files.base import ContentFile

    from usul.associations.selectors import associations_of_staff_at, head_at
    from usul.ideas.models import Material
    from usul.ideas.search import words
    from usul.lib.uploads import private_storage
    from usul.schools.selectors import current_year as year_at

    if (
        teacher is None
        or Material.objects.filter(school=school, key__startswith="idea-demo-").exists()
    ):
        return
    mine = associations_of_staff_at(teacher, today)
    year = year_at(school, today)
    if not mine or year is None:
        return
    association = mine[0]
    head = head_at(association, today)
    subject = association.subjects.first()
    for number, item in enumerate(_DEMO_MATERIALS):
        status = item["status"]
        evaluated = status in ("published", "ready")
        grade_from, grade_to = item["grades"]
        name = private_storage().save(f"ideas/demo/{item['key']}.pdf", ContentFile(_DEMO_PDF))
        Material.objects.create(
            school=school,
            key=item["key"],
            association=association,
            year=year,
            author=teacher if number % 2 == 0 or head is None else head,
            title=item["title"],
            kind=item["kind"],
            description=item["description"],
            subject=subject,
            grade_from=grade_from,
            grade_to=grade_to,
            tags=item["tags"],
            file=name,
            file_name=f"{item['title']}.pdf",
            status=status,
            comment=item["comment"],
            evaluated_by=head if evaluated else None,
            evaluated_on=today if evaluated else None,
            published_by=head if status == "published" else None,
            published_on=today if status == "published" else None,
            search_text=" ".join(words(item["title"], item["description"], item["tags"])),
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
