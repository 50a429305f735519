"""Writes to the staff data bank (DOC-9): a person's card and the rows that hang from it.

``staff_update`` saves a whole card — personal fields, education, positions, employment,
categories, teaching — in one transaction: the page is saved entirely or not at all. Errors
name the field; errors on a row carry its path like the bundle does (``employment[1].end``),
so the page can put them next to that row.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Model
from django.utils import timezone
from django.utils.translation import gettext as _

from usul.accounts.policy import Viewer, require
from usul.lib import uploads
from usul.lib.history import delete_with_history, save_with_history
from usul.lib.text_limits import PARAGRAPH, SENTENCE, require_within
from usul.people.models import (
    Category,
    Course,
    CreativeReport,
    Employment,
    Position,
    SelfDevelopmentTopic,
    Staff,
    Teaching,
)
from usul.schools.models import School, SchoolYear
from usul.schools.services import unique_key
from usul.schools.validation import check_interval, check_key, given, required

# Fields of the card itself (the data bank of DOC-9).
PERSONAL_FIELDS = (
    "last_name",
    "first_name",
    "patronymic",
    "birth_date",
    "gender",
    "email",
    "phone",
)
EDUCATION_FIELDS = (
    "education_level",
    "education_institution",
    "education_graduated",
    "education_specialty",
)
CARD_FIELDS = PERSONAL_FIELDS + EDUCATION_FIELDS


@dataclass
class Row:
    """One row of a card's list: an existing record (``instance``) or a new one (None)."""

    values: dict = field(default_factory=dict)
    instance: Model | None = None
    delete: bool = False


def _row_error(section: str, index: int, name: str, message) -> ValidationError:
    return ValidationError({f"{section}[{index}].{name}": message})


def _check_card(values: dict) -> None:
    required((values.get("last_name") or "").strip(), field="last_name", label=_("Last name"))
    required((values.get("first_name") or "").strip(), field="first_name", label=_("First name"))
    birth = values.get("birth_date")
    # Input sanity, not a rule of the regulation: the clock is read here, not in a rule.
    today = timezone.localdate()
    if birth is not None and birth > today:
        raise ValidationError({"birth_date": _("“Birth date” cannot be in the future.")})
    graduated = values.get("education_graduated")
    if graduated is not None and not 1940 <= graduated <= today.year:
        raise ValidationError(
            {"education_graduated": _("“Graduated”: give the year, for example 2002.")}
        )


def _apply_card(staff: Staff, values: dict) -> list[str]:
    changed = []
    for name in CARD_FIELDS:
        if name not in values:
            continue
        value = values[name]
        if isinstance(value, str):
            value = value.strip()
        if getattr(staff, name) != value:
            setattr(staff, name, value)
            changed.append(name)
    # ``has_education`` tells "no education section" from an empty one in the bundle; a card
    # whose education was edited now has one.
    if set(changed) & set(EDUCATION_FIELDS) and not staff.has_education:
        staff.has_education = True
        changed.append("has_education")
    return changed


@transaction.atomic
def staff_create(*, actor: Viewer, school: School, key: str = "", **values) -> Staff:
    """A new staff record (DOC-9); positions and the rest are added on its card. The school's
    leadership keeps the data bank."""
    require(actor, "manage_school", school)
    unknown = set(values) - set(CARD_FIELDS)
    if unknown:
        raise TypeError(f"unknown staff fields: {sorted(unknown)}")
    _check_card(values)
    if key:
        check_key(key)
        if Staff.objects.filter(school=school, key=key).exists():
            raise ValidationError(
                {"key": _("A staff member with the key “%(key)s” already exists.") % {"key": key}}
            )
    else:
        key = unique_key(Staff, school, "t")
    staff = Staff(school=school, key=key)
    _apply_card(staff, values)
    save_with_history(staff, actor)
    return staff


# Per section: the model, and how to check one row's values (raising with the row's path).
def _check_position(staff, values, index):
    required(values.get("role"), field=f"positions[{index}].role", label=_("Role"))
    required(values.get("start"), field=f"positions[{index}].start", label=_("From"))
    check_interval(
        values.get("start"),
        values.get("end"),
        field=f"positions[{index}].end",
        start_label=_("From"),
        end_label=_("To"),
    )


def _check_employment(staff, values, index):
    required(
        (values.get("organization") or "").strip(),
        field=f"employment[{index}].organization",
        label=_("Organization"),
    )
    required(values.get("start"), field=f"employment[{index}].start", label=_("From"))
    check_interval(
        values.get("start"),
        values.get("end"),
        field=f"employment[{index}].end",
        start_label=_("From"),
        end_label=_("To"),
    )


def _check_category(staff, values, index):
    required(values.get("category"), field=f"categories[{index}].category", label=_("Category"))
    required(values.get("awarded"), field=f"categories[{index}].awarded", label=_("Awarded"))
    check_interval(
        values.get("awarded"),
        values.get("valid_until"),
        field=f"categories[{index}].valid_until",
        start_label=_("Awarded"),
        end_label=_("Valid until"),
    )
    # Certification is recorded once it took place (HEAD-D3): an award is never in the future.
    if values["awarded"] > timezone.localdate():
        raise _row_error(
            "categories", index, "awarded", _("“Awarded”: the day cannot be in the future.")
        )


def _check_teaching(staff, values, index):
    for name, label in (("year", _("School year")), ("subject", _("Subject"))):
        required(values.get(name), field=f"teaching[{index}].{name}", label=label)
        if values[name].school_id != staff.school_id:
            raise _row_error("teaching", index, name, _("It belongs to another school."))
    # Grades may be left for later (a roster lists the subjects, not the classes); the card's
    # form asks for them.
    grades = values.get("grades") or []
    if any(not isinstance(g, int) or not 1 <= g <= 11 for g in grades):
        raise _row_error(
            "teaching",
            index,
            "grades",
            _("“Grades”: give the grades 1 to 11, separated by commas, for example 5, 6, 9."),
        )
    hours = values.get("hours_per_week")
    if hours is not None and not Decimal(0) < Decimal(hours) <= Decimal(60):
        raise _row_error(
            "teaching", index, "hours_per_week", _("“Hours per week”: between 0 and 60.")
        )


SECTIONS = {
    "positions": (Position, _check_position),
    "employment": (Employment, _check_employment),
    "categories": (Category, _check_category),
    "teaching": (Teaching, _check_teaching),
}


def _sync_rows(*, actor: Viewer, staff: Staff, section: str, rows: Sequence[Row]) -> None:
    model, check = SECTIONS[section]
    for index, row in enumerate(rows):
        instance = row.instance
        if instance is not None and (
            not isinstance(instance, model) or getattr(instance, "staff_id", None) != staff.pk
        ):
            raise ValueError(f"{section}[{index}] is not a row of this card")
        if row.delete:
            if instance is not None:
                # Deleting a wrong row is allowed; the history keeps what it said.
                delete_with_history(instance, actor)
            continue
        check(staff, row.values, index)
        if instance is None:
            instance = model(staff=staff, **row.values)
            changed = None
        else:
            changed = [n for n, v in row.values.items() if getattr(instance, n) != v]
            if not changed:
                continue
            for name in changed:
                setattr(instance, name, row.values[name])
        try:
            save_with_history(instance, actor, changed)
        except ValidationError as exc:
            raise ValidationError(
                {
                    f"{section}[{index}].{name}": messages
                    for name, messages in exc.message_dict.items()
                }
            ) from None


@transaction.atomic
def staff_update(
    *,
    actor: Viewer,
    staff: Staff,
    values: dict,
    positions: Sequence[Row] | None = None,
    employment: Sequence[Row] | None = None,
    categories: Sequence[Row] | None = None,
    teaching: Sequence[Row] | None = None,
) -> Staff:
    """Saves a staff card. A section left as None is not touched.

    A person edits their own card (``edit_own_card``); positions, categories and teaching are
    the leadership's (``manage_school``): positions give roles, and so rights; categories come
    from certification, teaching from the school's timetable (DOC-9)."""
    require(actor, "edit_own_card", staff)
    if any(rows is not None for rows in (positions, categories, teaching)):
        require(actor, "manage_school", staff)
    unknown = set(values) - set(CARD_FIELDS)
    if unknown:
        raise TypeError(f"unknown staff fields: {sorted(unknown)}")
    merged = {name: getattr(staff, name) for name in CARD_FIELDS} | values
    _check_card(merged)
    changed = _apply_card(staff, values)
    if changed:
        save_with_history(staff, actor, changed)
    for section, rows in (
        ("positions", positions),
        ("employment", employment),
        ("categories", categories),
        ("teaching", teaching),
    ):
        if rows is not None:
            _sync_rows(actor=actor, staff=staff, section=section, rows=rows)
    return staff


# Self-development (DOC-10, DUTY-1): the teacher's topic of the year and creative reports on it.
REPORT_FORM_LIMIT = 200
LINK_LIMIT = 500


@transaction.atomic
def self_development_save(
    *,
    actor: Viewer,
    staff: Staff,
    year: SchoolYear,
    topic: str,
    plan: str = "",
    expected_result: str = "",
) -> SelfDevelopmentTopic:
    """The teacher's self-development topic for ``year`` with its plan and expected result
    (DOC-10): one per year — saving again edits it, the history keeps what it said. The teacher
    records their own (DUTY-1); the leadership may too (``edit_own_card``)."""
    require(actor, "edit_own_card", staff)
    if year.school_id != staff.school_id:
        raise ValidationError({"year": _("School year: it belongs to another school.")})
    values = {
        "topic": (topic or "").strip(),
        "plan": (plan or "").strip(),
        "expected_result": (expected_result or "").strip(),
    }
    required(values["topic"], field="topic", label=_("Topic"))
    require_within("topic", _("Topic"), values["topic"], SENTENCE)
    require_within("plan", _("Plan of work on the topic"), values["plan"], PARAGRAPH)
    require_within("expected_result", _("Expected result"), values["expected_result"], PARAGRAPH)
    record = (
        SelfDevelopmentTopic.objects.select_for_update()
        .filter(staff=staff, year=year)
        .order_by("id")
        .first()
    )
    if record is None:
        record = SelfDevelopmentTopic(staff=staff, year=year, **values)
        save_with_history(record, actor)
        return record
    changed = [name for name, value in values.items() if getattr(record, name) != value]
    if changed:
        for name in changed:
            setattr(record, name, values[name])
        save_with_history(record, actor, changed)
    return record


def _report_values(*, actor: Viewer, topic: SelfDevelopmentTopic, values: dict) -> dict:
    """A creative report's values checked field by field: a day of the topic's school year,
    never in the future — the list records what was given."""
    form = (values.get("form") or "").strip()
    materials = (values.get("materials") or "").strip()
    link = (values.get("link") or "").strip()
    date = given(values.get("date"), field="date", label=_("Date"))
    year = topic.year
    if not year.in_window(date):
        raise ValidationError(
            {
                "date": _("Date: the day must fall within the school year %(year)s.")
                % {"year": year.key}
            }
        )
    if date > actor.today:
        raise ValidationError({"date": _("Date: the day cannot be in the future.")})
    required(form, field="form", label=_("Form of the report"))
    require_within("form", _("Form of the report"), form, REPORT_FORM_LIMIT)
    require_within("materials", _("Materials"), materials, PARAGRAPH)
    require_within("link", _("Link"), link, LINK_LIMIT)
    if link and not link.startswith(("http://", "https://")):
        raise ValidationError({"link": _("Link: give an address starting with https://.")})
    return {"date": date, "form": form, "materials": materials, "link": link}


@transaction.atomic
def creative_report_add(
    *,
    actor: Viewer,
    topic: SelfDevelopmentTopic,
    date: dt.date | None,
    form: str,
    materials: str = "",
    link: str = "",
) -> CreativeReport:
    """A creative report on the year's topic (DOC-10)."""
    require(actor, "edit_own_card", topic.staff)
    values = _report_values(
        actor=actor,
        topic=topic,
        values={"date": date, "form": form, "materials": materials, "link": link},
    )
    report = CreativeReport(topic=topic, **values)
    save_with_history(report, actor)
    return report


@transaction.atomic
def creative_report_update(*, actor: Viewer, report: CreativeReport, **values) -> CreativeReport:
    """A creative report corrected by whoever may record it; the history keeps the old text."""
    require(actor, "edit_own_card", report.topic.staff)
    checked = _report_values(actor=actor, topic=report.topic, values=values)
    changed = [name for name, value in checked.items() if getattr(report, name) != value]
    if changed:
        for name in changed:
            setattr(report, name, checked[name])
        save_with_history(report, actor, changed)
    return report


@transaction.atomic
def creative_report_remove(*, actor: Viewer, report: CreativeReport) -> None:
    require(actor, "edit_own_card", report.topic.staff)
    delete_with_history(report, actor)


@transaction.atomic
def self_development_remove(*, actor: Viewer, topic: SelfDevelopmentTopic) -> None:
    """A year's topic removed with its creative reports (written for the wrong year, say); the
    history keeps each of them."""
    require(actor, "edit_own_card", topic.staff)
    for report in topic.reports.all():
        delete_with_history(report, actor)
    delete_with_history(topic, actor)


# Qualification upgrading (DUTY-1, HEAD-D3, SVC-D2): the person records their own courses.
COURSE_HOURS_LIMIT = 2000


def _course_values(
    *, actor: Viewer, staff: Staff, values: dict, course: Course | None = None
) -> dict:
    """A course's values checked field by field: dates ending on or after the start, begun by
    today; hours within reason; a certificate number once among the person's courses (the
    course being corrected aside)."""
    title, provider, certificate = (
        (values.get(name) or "").strip() for name in ("title", "provider", "certificate")
    )
    required(title, field="title", label=_("Course"))
    require_within("title", _("Course"), title, SENTENCE)
    require_within("provider", _("Provider"), provider, 300)
    require_within("certificate", _("Certificate No."), certificate, 100)
    start = given(values.get("start"), field="start", label=_("From"))
    end = given(values.get("end"), field="end", label=_("To"))
    check_interval(start, end, field="end", start_label=_("From"), end_label=_("To"))
    if start > actor.today:
        raise ValidationError(
            {"start": _("From: a course is recorded once it has begun; this day is ahead.")}
        )
    hours = values.get("hours")
    if hours is not None and not 1 <= hours <= COURSE_HOURS_LIMIT:
        raise ValidationError(
            {"hours": _("Hours: between 1 and %(limit)s.") % {"limit": COURSE_HOURS_LIMIT}}
        )
    if certificate:
        # Row-locked through the person: two saves at once cannot both add the number.
        Staff.objects.select_for_update().filter(pk=staff.pk).first()
        # Compared in Python: SQLite's case-insensitive match does not fold Cyrillic.
        wanted = " ".join(certificate.split()).casefold()
        others = Course.objects.filter(staff=staff).exclude(certificate="")
        if course is not None:
            others = others.exclude(pk=course.pk)
        earlier = next(
            (c for c in others if " ".join(c.certificate.split()).casefold() == wanted), None
        )
        if earlier is not None:
            raise ValidationError(
                {
                    "certificate": _(
                        "Certificate No.: %(number)s is already recorded for the course "
                        "“%(title)s”."
                    )
                    % {"number": certificate, "title": earlier.title}
                }
            )
    return {
        "title": title,
        "provider": provider,
        "hours": hours,
        "start": start,
        "end": end,
        "certificate": certificate,
    }


@transaction.atomic
def course_add(
    *,
    actor: Viewer,
    staff: Staff,
    title: str,
    start: dt.date | None,
    end: dt.date | None,
    provider: str = "",
    hours: int | None = None,
    certificate: str = "",
    scan=None,
) -> Course:
    """A course the person attended: its dates (ending on or after it starts, begun by today),
    hours and certificate — a certificate number appears once among the person's courses —
    and the certificate's scan, if sent (PDF, JPEG or PNG, checked by usul.lib.uploads)."""
    require(actor, "edit_own_card", staff)
    values = _course_values(
        actor=actor,
        staff=staff,
        values={
            "title": title,
            "provider": provider,
            "hours": hours,
            "start": start,
            "end": end,
            "certificate": certificate,
        },
    )
    checked = _checked_scan(scan)
    course = Course(staff=staff, **values)
    if checked is not None:
        course.scan, course.scan_name = _stored_scan(checked)
    save_with_history(course, actor)
    return course


def _checked_scan(scan) -> uploads.Checked | None:
    """A certificate's scan recognised by its content: PDF, JPEG or PNG, nothing hidden."""
    return uploads.check(scan, accept=uploads.SCANS, field="scan") if scan is not None else None


def _stored_scan(checked: uploads.Checked) -> tuple[str, str]:
    return uploads.store(checked, folder="certificate-scans"), checked.name


@transaction.atomic
def course_update(*, actor: Viewer, course: Course, **values) -> Course:
    """A recorded course corrected, by whoever may record it; checked as a new one is, the
    history keeps what it said before. ``scan``: a new certificate scan, or None to keep it."""
    require(actor, "edit_own_card", course.staff)
    scan = _checked_scan(values.pop("scan", None))
    checked = _course_values(actor=actor, staff=course.staff, values=values, course=course)
    changed = [name for name, value in checked.items() if getattr(course, name) != value]
    for name in changed:
        setattr(course, name, checked[name])
    if scan is not None:
        # A new scan replaces the old one on the course; the old file stays in storage, the
        # history names it (only a disposal act deletes files).
        course.scan, course.scan_name = _stored_scan(scan)
        changed += ["scan", "scan_name"]
    if changed:
        save_with_history(course, actor, changed)
    return course


@transaction.atomic
def course_remove(*, actor: Viewer, course: Course) -> None:
    """A course recorded by mistake removed; its history keeps that it was, and what it said."""
    require(actor, "edit_own_card", course.staff)
    delete_with_history(course, actor)


# Certification (GEN-3, HEAD-D3): a category is recorded by the school's leadership.
@transaction.atomic
def category_update(*, actor: Viewer, award: Category, **values) -> Category:
    """A recorded category corrected — its level, dates or order — checked as on the card."""
    require(actor, "manage_school", award.staff)
    values = {
        "category": values.get("category") or "",
        "awarded": values.get("awarded"),
        "valid_until": values.get("valid_until"),
        "order": (values.get("order") or "").strip(),
    }
    try:
        _check_category(award.staff, values, 0)
    except ValidationError as error:
        # The card's row path ("categories[0].awarded") is the field's name on this form.
        raise ValidationError(
            {name.split(".", 1)[-1]: messages for name, messages in error.message_dict.items()}
        ) from None
    require_within("order", _("Order"), values["order"], 100)
    changed = [name for name, value in values.items() if getattr(award, name) != value]
    if changed:
        for name in changed:
            setattr(award, name, values[name])
        save_with_history(award, actor, changed)
    return award


@transaction.atomic
def category_remove(*, actor: Viewer, award: Category) -> None:
    """A category recorded by mistake removed; its history keeps it."""
    require(actor, "manage_school", award.staff)
    delete_with_history(award, actor)
