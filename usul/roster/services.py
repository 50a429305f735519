"""The staff roster from Excel (DOC-9 data bank): preview, import, export, template.

``roster_import`` is all or nothing: every cell is checked first and nothing is written while
any error exists; otherwise one transaction brings each person to what their row says, through
the people services (``staff_create``, ``staff_update``) like the card does. Re-importing the
same file changes nothing; a changed row updates that person, matched by key.

What a row changes:
- the card's own fields, for every non-empty cell (an empty cell changes nothing);
- the position: kept when the person already has it from that date; an open position of that
  role with another start is corrected; otherwise a new position is added (others are kept);
- the category: the one awarded on that date is corrected, or a new one added;
- the experience: see ``usul.roster.experience`` — declared periods, so that every rule counts
  what the roster stated at ``experience_as_of``;
- the subjects and hours of the current school year: the year's teaching is made to list those
  subjects; the hours are the year's total load, kept on the first subject listed.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from usul.accounts.policy import Viewer, require, visible
from usul.lib.dates import format_date
from usul.people import services as people
from usul.people.models import Role, Staff, Teaching
from usul.people.selectors import (
    category_at,
    experience_in_education_days,
    experience_total_days,
    roles_at,
)
from usul.roster.columns import BY_PATH, COLUMNS, fold
from usul.roster.experience import (
    DECLARED,
    DECLARED_EDUCATION,
    DECLARED_OTHER,
    TooMuchAlready,
    declare,
    stated_from_days,
)
from usul.roster.keys import key_from_name
from usul.roster.parsing import Parsed, Record, RosterError, parse
from usul.roster.workbook import read_table, write_roster
from usul.schools.models import School, SchoolYear, Subject
from usul.schools.selectors import current_year

# Roster column -> the card's field (people.services.CARD_FIELDS).
CARD = {
    "last_name": "last_name",
    "first_name": "first_name",
    "patronymic": "patronymic",
    "birth_date": "birth_date",
    "gender": "gender",
    "education.level": "education_level",
    "education.institution": "education_institution",
    "education.graduated": "education_graduated",
    "education.specialty": "education_specialty",
    "email": "email",
    "phone": "phone",
}

CREATED, UPDATED, UNCHANGED = "created", "updated", "unchanged"


class RosterInvalid(Exception):
    def __init__(self, errors: list[RosterError]):
        super().__init__(f"{len(errors)} errors")
        self.errors = errors


@dataclass
class PersonPlan:
    """What the import does to one person: ``action`` and, for the preview, what changes."""

    row: int
    key: str
    name: str
    action: str
    staff: Staff | None = None
    card: dict = field(default_factory=dict)
    sections: dict[str, list[people.Row]] = field(default_factory=dict)
    changes: list[str] = field(default_factory=list)  # headers of the columns that change


@dataclass
class RosterResult:
    school: School
    people: list[PersonPlan]

    def count(self, action: str) -> int:
        return sum(1 for p in self.people if p.action == action)

    @property
    def created(self) -> int:
        return self.count(CREATED)

    @property
    def updated(self) -> int:
        return self.count(UPDATED)

    @property
    def unchanged(self) -> int:
        return self.count(UNCHANGED)


def _staff_of(school: School) -> list[Staff]:
    return list(
        Staff.objects.filter(school=school).prefetch_related(
            "positions", "employment", "categories", "teaching"
        )
    )


def _name_of(record: Record) -> tuple[str, str, str]:
    return tuple(fold(record.get(p) or "") for p in ("last_name", "first_name", "patronymic"))  # type: ignore[return-value]


def _staff_name(staff: Staff) -> tuple[str, str, str]:
    return (fold(staff.last_name), fold(staff.first_name), fold(staff.patronymic))


def _plan(
    parsed: Parsed, *, school: School, staff: list[Staff], year: SchoolYear | None
) -> tuple[list[PersonPlan], list[RosterError]]:
    errors = list(parsed.errors)
    by_key = {s.key: s for s in staff}
    by_name: dict[tuple, list[Staff]] = {}
    for s in staff:
        by_name.setdefault(_staff_name(s), []).append(s)
    seen: dict[str, int] = {}  # key -> the row that took it
    plans = []
    failed_rows = {e.row for e in errors}
    for record in parsed.records:
        key = record.get("key")
        key_header = parsed.header("key")
        person: Staff | None = None
        if not record.get("last_name") or not record.get("first_name"):
            # Reported already; a key it gives still counts for the duplicates.
            if key and key in seen:
                errors.append(_duplicate(record, key_header, key, seen[key]))
            elif key:
                seen[key] = record.row
            continue
        if key:
            person = by_key.get(key)
            if person is not None and not _same_person(person, record):
                errors.append(
                    RosterError(
                        record.row,
                        key_header,
                        _("The key “%(key)s” belongs to %(name)s. Check the key or the name.")
                        % {"key": key, "name": person.full_name},
                        "key",
                    )
                )
                continue
        else:
            key_header = parsed.header("last_name")
            namesakes = by_name.get(_name_of(record), [])
            if len(namesakes) > 1:
                errors.append(
                    RosterError(
                        record.row,
                        key_header,
                        _("Several people are named so (%(keys)s): give the key.")
                        % {"keys": ", ".join(s.key for s in namesakes)},
                        "last_name",
                    )
                )
                continue
            if namesakes:
                person = namesakes[0]
                key = person.key
            else:
                key = _free_key(record, by_key)
        if key in seen:
            errors.append(_duplicate(record, key_header, key, seen[key]))
            continue
        seen[key] = record.row
        if record.row in failed_rows:
            continue
        try:
            plans.append(_person_plan(record, parsed, key=key, staff=person, year=year))
        except RosterInvalid as invalid:
            errors += invalid.errors
    errors.sort(key=lambda e: (e.row, _column_order(e)))
    return plans, errors


def _duplicate(record: Record, header: str, key: str, first: int) -> RosterError:
    return RosterError(
        record.row,
        header,
        _("Row %(row)s is the same person (key “%(key)s”): each person once.")
        % {"row": first, "key": key},
        "key",
    )


ORDER = {column.path: n for n, column in enumerate(COLUMNS)}


def _column_order(error: RosterError) -> int:
    return ORDER.get(error.path, -1)


def _same_person(staff: Staff, record: Record) -> bool:
    """A key names the same person while the last name or the first name still agrees: a
    changed surname (marriage) or a corrected first name updates the person; a row whose both
    names differ is somebody else."""
    last, first, _patronymic = _name_of(record)
    return fold(staff.last_name) == last or fold(staff.first_name) == first


def _free_key(record: Record, by_key: dict) -> str:
    """The key made from the row's name; a person recorded under it with another name keeps
    it, and this one gets the next free ``-2``, ``-3``…"""
    base = key_from_name(
        record.get("last_name"), record.get("first_name"), record.get("patronymic") or ""
    )
    key, n = base, 1
    while key in by_key:
        n += 1
        key = f"{base}-{n}"
    return key


def _person_plan(
    record: Record, parsed: Parsed, *, key: str, staff: Staff | None, year: SchoolYear | None
) -> PersonPlan:
    header = parsed.header
    name = " ".join(
        record.get(p) for p in ("last_name", "first_name", "patronymic") if record.get(p)
    )
    plan = PersonPlan(row=record.row, key=key, name=name, action=CREATED, staff=staff)
    for path, field_name in CARD.items():
        if path in record.values:
            value = record.values[path]
            if staff is None or getattr(staff, field_name) != value:
                plan.card[field_name] = value
                plan.changes.append(header(path))
    errors: list[RosterError] = []
    sections = {
        "positions": _positions(record, staff),
        "categories": _categories(record, staff),
        "employment": _employment(record, staff, parsed, errors),
        "teaching": _teaching(record, staff, year, parsed, errors),
    }
    if errors:
        raise RosterInvalid(errors)
    for section, rows in sections.items():
        if rows:
            plan.sections[section] = rows
            plan.changes.append(header(SECTION_COLUMNS[section]))
    if staff is not None:
        plan.action = UPDATED if plan.card or plan.sections else UNCHANGED
    return plan


# The fields of each section's row, as ``people.services`` checks them: an update of a row
# sends them all (the check reads the whole row), of which only the changed ones are saved.
ROW_FIELDS = {
    "positions": ("role", "start", "end"),
    "employment": ("organization", "position", "start", "end", "in_education"),
    "categories": ("category", "awarded", "valid_until"),
    "teaching": ("year", "subject", "grades", "hours_per_week"),
}


def _update(section: str, instance, changes: dict) -> people.Row:
    values = {name: getattr(instance, name) for name in ROW_FIELDS[section]} | changes
    return people.Row(values=values, instance=instance)


def _positions(record: Record, staff: Staff | None) -> list[people.Row]:
    role, start = record.get("position"), record.get("position_from")
    if not role or not start:
        return []
    existing = list(staff.positions.all()) if staff else []
    if any(p.role == role and p.start == start for p in existing):
        return []
    open_ones = [p for p in existing if p.role == role and p.end is None]
    if open_ones:
        return [_update("positions", open_ones[0], {"start": start})]
    return [people.Row(values={"role": role, "start": start, "end": None})]


def _categories(record: Record, staff: Staff | None) -> list[people.Row]:
    category, awarded = record.get("category"), record.get("category_awarded")
    if not category or not awarded:
        return []
    values = {"category": category, "awarded": awarded}
    if "category_valid_until" in record.values:
        values["valid_until"] = record.values["category_valid_until"]
    for existing in staff.categories.all() if staff else []:
        if existing.awarded == awarded:
            changed = {n: v for n, v in values.items() if getattr(existing, n) != v}
            return [_update("categories", existing, changed)] if changed else []
    return [people.Row(values={"valid_until": None} | values)]


def _employment(
    record: Record, staff: Staff | None, parsed: Parsed, errors: list
) -> list[people.Row]:
    education, total = record.get("experience_in_education"), record.get("experience_total")
    as_of = record.get("experience_as_of")
    if (education is None and total is None) or as_of is None:
        return []
    periods = list(staff.employment.all()) if staff else []
    # Counted by the selectors every rule reads (HEAD-1, DOC-9).
    counted_education = stated_from_days(experience_in_education_days(staff, as_of) if staff else 0)
    counted_total = stated_from_days(experience_total_days(staff, as_of) if staff else 0)
    if (education is None or counted_education == education) and (
        total is None or counted_total == total
    ):
        return []  # the card already counts what the roster states
    declared = {e.organization: e for e in periods if e.organization in DECLARED}
    kept = [e for e in periods if e.organization not in DECLARED]
    # A part the roster leaves empty keeps its declared period as it is.
    if education is None and DECLARED_EDUCATION in declared:
        kept.append(declared.pop(DECLARED_EDUCATION))
    if total is None and DECLARED_OTHER in declared:
        kept.append(declared.pop(DECLARED_OTHER))
    try:
        wanted = declare(
            education_periods=[(e.start, e.end) for e in kept if e.in_education],
            other_periods=[(e.start, e.end) for e in kept if not e.in_education],
            as_of=as_of,
            in_education=education,
            total=total,
        )
    except TooMuchAlready as too_much:
        errors.append(
            RosterError(
                record.row,
                parsed.header(too_much.what),
                _(
                    "The employment history on the card already counts %(counted)s years.months "
                    "at %(date)s; the roster states less."
                )
                % {"counted": too_much.counted, "date": format_date(as_of)},
                too_much.what,
            )
        )
        return []
    except ValueError:
        errors.append(
            RosterError(
                record.row,
                parsed.header("experience_in_education"),
                _("This is more experience than a working life holds."),
                "experience_in_education",
            )
        )
        return []
    rows = []
    for organization, period, in_education in (
        (DECLARED_EDUCATION, wanted.education, True),
        (DECLARED_OTHER, wanted.other, False),
    ):
        existing = declared.get(organization)
        if period is None:
            if existing is not None:
                rows.append(people.Row(instance=existing, delete=True))
            continue
        values: dict = {"start": period[0], "end": period[1]}
        if existing is None:
            values |= {"organization": organization, "position": "", "in_education": in_education}
            rows.append(people.Row(values=values))
        elif (existing.start, existing.end) != period:
            rows.append(_update("employment", existing, values))
    return rows


def _teaching(
    record: Record, staff: Staff | None, year: SchoolYear | None, parsed: Parsed, errors: list
) -> list[people.Row]:
    subjects: list[Subject] | None = record.get("subjects")
    hours: Decimal | None = record.get("hours_per_week")
    if not subjects:
        return []
    if year is None:
        errors.append(
            RosterError(
                record.row,
                parsed.header("subjects"),
                _("The school has no school year yet: add it before the subjects taught."),
                "subjects",
            )
        )
        return []
    existing = [t for t in (staff.teaching.all() if staff else []) if t.year_id == year.pk]
    has = {t.subject_id for t in existing}
    listed = {s.pk for s in subjects}
    total = _total_hours(existing)
    if has == listed and (hours is None or total == hours):
        return []
    rows = [people.Row(instance=t, delete=True) for t in existing if t.subject_id not in listed]
    staying = {t.subject_id: t for t in existing if t.subject_id in listed}
    for n, subject in enumerate(subjects):
        wanted_hours = (hours if n == 0 else None) if hours is not None else None
        current = staying.get(subject.pk)
        if current is None:
            rows.append(
                people.Row(
                    values={
                        "year": year,
                        "subject": subject,
                        "grades": [],
                        "hours_per_week": wanted_hours,
                    }
                )
            )
        elif hours is not None and current.hours_per_week != wanted_hours:
            rows.append(_update("teaching", current, {"hours_per_week": wanted_hours}))
    return rows


def _total_hours(teaching: Iterable[Teaching]) -> Decimal | None:
    hours = [t.hours_per_week for t in teaching if t.hours_per_week is not None]
    return sum(hours, Decimal(0)) if hours else None


def _prepare(*, school: School, data: bytes, today: dt.date):
    table = read_table(data)
    subjects = list(Subject.objects.filter(school=school))
    parsed = parse(table, subjects=subjects, today=today)
    staff = _staff_of(school)
    year = current_year(school, today)
    plans, errors = _plan(parsed, school=school, staff=staff, year=year)
    return parsed, plans, errors


def roster_preview(*, actor: Viewer, school: School, data: bytes) -> RosterResult:
    """What ``roster_import`` would do, writing nothing; raises ``RosterInvalid`` with every
    error, ``Unreadable`` for a file that is no roster at all."""
    require(actor, "import_roster", school)
    _parsed, plans, errors = _prepare(school=school, data=data, today=actor.today)
    if errors:
        raise RosterInvalid(errors)
    return RosterResult(school=school, people=plans)


@transaction.atomic
def roster_import(*, actor: Viewer, school: School, data: bytes) -> RosterResult:
    """Brings the school's staff to what the roster says, all or nothing."""
    require(actor, "import_roster", school)
    parsed, plans, errors = _prepare(school=school, data=data, today=actor.today)
    if errors:
        raise RosterInvalid(errors)
    for plan in plans:
        if plan.action == UNCHANGED:
            continue
        try:
            _apply(actor, school, plan)
        except ValidationError as exc:  # a check of the people services the roster missed
            raise RosterInvalid(
                [
                    RosterError(plan.row, _header_of(parsed, name), "; ".join(m))
                    for name, m in exc.message_dict.items()
                ]
            ) from None
    return RosterResult(school=school, people=plans)


SECTION_COLUMNS = {
    "positions": "position",
    "employment": "experience_in_education",
    "categories": "category",
    "teaching": "subjects",
}


def _header_of(parsed: Parsed, name: str) -> str:
    """The roster's column for a field named by the people services (``teaching[0].year``)."""
    section = name.split("[", 1)[0]
    if section in SECTION_COLUMNS:
        return parsed.header(SECTION_COLUMNS[section])
    for path, field_name in CARD.items():
        if field_name == name:
            return parsed.header(path)
    return name


def _apply(actor: Viewer, school: School, plan: PersonPlan) -> None:
    staff = plan.staff
    card = dict(plan.card)
    if staff is None:
        staff = people.staff_create(actor=actor, school=school, key=plan.key, **card)
        card = {}
    people.staff_update(actor=actor, staff=staff, values=card, **plan.sections)


# -- export and template


def roster_rows(*, actor: Viewer, school: School) -> list[dict]:
    """The school's staff in the roster's columns, as of the viewer's today."""
    require(actor, "export_roster", school)
    today = actor.today
    year = current_year(school, today)
    staff = visible(actor, Staff.objects.filter(school=school)).prefetch_related(
        "positions", "employment", "categories", "teaching__subject"
    )
    rows = []
    for person in staff:
        row: dict = {"key": person.key}
        for path, name in CARD.items():
            value = getattr(person, name)
            if value in ("", None):
                continue
            choices = BY_PATH[path].choices
            row[path] = str(choices(value).label) if choices is not None else value
        current = [p for p in person.positions.all() if p.role in roles_at(person, today)]
        if current:
            position = max(current, key=lambda p: (p.start, -list(Role).index(Role(p.role))))
            row["position"] = str(Role(position.role).label)
            row["position_from"] = position.start
        category = category_at(person, today)
        if category is not None:
            row["category"] = str(category.get_category_display())
            row["category_awarded"] = category.awarded
            row["category_valid_until"] = category.valid_until
        if person.employment.all():
            edu = experience_in_education_days(person, today)
            total = experience_total_days(person, today)
            row["experience_in_education"] = str(stated_from_days(edu))
            row["experience_total"] = str(stated_from_days(total))
            row["experience_as_of"] = today
        if year is not None:
            teaching = [t for t in person.teaching.all() if t.year_id == year.pk]
            if teaching:
                row["subjects"] = ", ".join(t.subject.name for t in teaching)
                hours = _total_hours(teaching)
                if hours is not None:
                    row["hours_per_week"] = int(hours) if hours == int(hours) else float(hours)
        rows.append(row)
    return rows


def roster_export(*, actor: Viewer, school: School, language: str) -> bytes:
    rows = roster_rows(actor=actor, school=school)
    return write_roster(language=language, rows=rows, subjects=_subject_names(school))


def roster_template(*, language: str, school: School | None = None) -> bytes:
    return write_roster(language=language, subjects=_subject_names(school) if school else ())


def _subject_names(school: School) -> list[str]:
    return [f"{s.name} ({s.key})" for s in Subject.objects.filter(school=school)]
