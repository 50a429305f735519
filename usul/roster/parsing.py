"""From the cells of a roster to checked values: every error found, each with its row number,
its column header (as the file writes it) and a sentence in the user's language.

Nothing here reads the database but the school's subjects; what needs the staff already
recorded (keys of other people, the experience already counted) is checked in ``services``.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.utils.translation import gettext as _

from usul.lib.dates import format_date
from usul.people.models import CategoryLevel
from usul.roster.columns import (
    BY_PATH,
    CHOICE,
    DATE,
    EMAIL,
    EXPERIENCE,
    HOURS,
    IGNORED_HEADERS,
    KEY,
    PHONE,
    REQUIRED,
    SUBJECTS,
    TEXT,
    YEAR,
    Column,
    choice_values,
    column_for,
    fold,
)
from usul.roster.experience import parse_stated
from usul.roster.workbook import Table
from usul.schools.validation import KEY_PATTERN, RESERVED_KEYS

HEADER_ROW = 1
_TEXT_DATE = re.compile(r"^(\d{1,2})\.(\d{1,2})\.(\d{4})$")
_ISO_DATE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")
_PHONE = re.compile(r"^[0-9+()\- ]{5,30}$")
_SEPARATORS = re.compile(r"[,;\n]")


@dataclass(frozen=True)
class RosterError:
    row: int
    column: str  # the header as the file writes it (in the template's language if missing)
    message: str
    path: str = ""  # the column's field path, for ordering the errors as the columns go

    def as_dict(self) -> dict:
        return {"row": self.row, "column": self.column, "message": self.message}

    def __str__(self) -> str:
        return _("row %(row)s, “%(column)s”: %(message)s") % {
            "row": self.row,
            "column": self.column,
            "message": self.message,
        }


@dataclass
class Record:
    """One row of the roster: the values of its non-empty cells, by field path."""

    row: int
    values: dict = field(default_factory=dict)
    failed: set[str] = field(default_factory=set)  # paths of the cells refused already

    def get(self, path: str, default=None):
        return self.values.get(path, default)


@dataclass
class Parsed:
    records: list[Record]
    headers: dict[str, str]  # field path -> the header as the file writes it
    errors: list[RosterError]

    def header(self, path: str) -> str:
        return self.headers.get(path) or str(BY_PATH[path].header)


class _Subjects:
    """The school's subjects by every name a roster may use: key, name in each language."""

    def __init__(self, subjects):
        self.by_name: dict[str, object] = {}
        for subject in subjects:
            for name in (subject.key, subject.name_ky, subject.name_ru, subject.name_en):
                if name:
                    self.by_name.setdefault(fold(name), subject)


def parse(table: Table, *, subjects, today: dt.date) -> Parsed:
    """Checks every cell of ``table``; ``subjects`` are the school's subjects."""
    errors: list[RosterError] = []
    headers: dict[str, str] = {}
    positions: dict[int, Column] = {}
    for index, text in table.headers:
        column = column_for(text)
        if column is None:
            if fold(text) not in IGNORED_HEADERS:
                errors.append(
                    RosterError(
                        HEADER_ROW,
                        text,
                        _(
                            "Usul does not know this column. Give it a header of the template, "
                            "or delete it."
                        ),
                    )
                )
            continue
        if column.path in headers:
            errors.append(
                RosterError(
                    HEADER_ROW,
                    text,
                    _("This column is there twice (also as “%(other)s”).")
                    % {"other": headers[column.path]},
                )
            )
            continue
        headers[column.path] = text
        positions[index] = column
    for path in REQUIRED:
        if path not in headers:
            errors.append(
                RosterError(
                    HEADER_ROW,
                    str(BY_PATH[path].header),
                    _("The file has no such column; it is required."),
                )
            )
    names = _Subjects(subjects)
    records = []
    for number, cells in table.rows:
        record = Record(row=number)
        for index, column in positions.items():
            raw = cells[index] if index < len(cells) else None
            if raw is None or (isinstance(raw, str) and not raw.strip()):
                continue
            try:
                record.values[column.path] = _value(column, raw, names=names, today=today)
            except ValidationError as exc:
                record.failed.add(column.path)
                errors.append(
                    RosterError(number, headers[column.path], exc.messages[0], column.path)
                )
        records.append(record)
        errors += _check_row(record, headers, present=set(headers), today=today)
    return Parsed(records=records, headers=headers, errors=errors)


def _value(column: Column, raw, *, names: _Subjects, today: dt.date):
    kind = column.kind
    if kind == DATE:
        return _date(raw)
    text = _text(raw)
    if column.max_length and len(text) > column.max_length:
        raise ValidationError(
            _("At most %(count)s characters (this has %(length)s).")
            % {"count": column.max_length, "length": len(text)}
        )
    if kind == TEXT:
        return text
    if kind == KEY:
        if text in RESERVED_KEYS or not KEY_PATTERN.fullmatch(text):
            raise ValidationError(
                _(
                    "Use Latin letters, digits, “.”, “_” or “-” (for example t-asanova), up to "
                    "100 characters."
                )
            )
        return text
    if kind == YEAR:
        if not text.isdigit() or not 1940 <= int(text) <= today.year:
            raise ValidationError(
                _("Give the year, for example 2002 (from 1940 to %(year)s).") % {"year": today.year}
            )
        return int(text)
    if kind == CHOICE:
        assert column.choices is not None  # noqa: S101 — every CHOICE column names its list
        code = choice_values(column.choices).get(fold(text))
        if code is None:
            raise ValidationError(
                _("“%(value)s” is not one of: %(allowed)s.")
                % {"value": text, "allowed": ", ".join(str(c.label) for c in column.choices)}
            )
        return code
    if kind == EXPERIENCE:
        try:
            return parse_stated(text)
        except ValueError:
            raise ValidationError(
                _(
                    "Give years, or years and months after a point: 12 or 12.03 (12 years 3 "
                    "months); months from 0 to 11."
                )
            ) from None
    if kind == SUBJECTS:
        found, unknown = [], []
        for name in (n.strip() for n in _SEPARATORS.split(text)):
            if not name:
                continue
            subject = names.by_name.get(fold(name))
            if subject is None:
                unknown.append(name)
            elif subject not in found:
                found.append(subject)
        if unknown:
            raise ValidationError(
                _("The school has no such subject: %(names)s.") % {"names": ", ".join(unknown)}
            )
        return found
    if kind == HOURS:
        try:
            hours = Decimal(text.replace(",", "."))
        except InvalidOperation:
            hours = Decimal(-1)
        if not hours.is_finite() or not Decimal(0) < hours <= Decimal(60):
            raise ValidationError(_("Give the hours per week, more than 0 and at most 60."))
        return hours.quantize(Decimal("0.1"))
    if kind == EMAIL:
        validate_email_text(text)
        return text
    if kind == PHONE:
        if not _PHONE.fullmatch(text):
            raise ValidationError(_("Give a phone number: digits, spaces, “+”, “-”, brackets."))
        return text
    raise AssertionError(kind)


def validate_email_text(text: str) -> None:
    try:
        validate_email(text)
    except ValidationError:
        raise ValidationError(_("This is not an e-mail address.")) from None


def _text(raw) -> str:
    if isinstance(raw, float) and raw.is_integer():
        return str(int(raw))
    if isinstance(raw, dt.datetime | dt.date):
        return format_date(raw)
    return str(raw).strip()


def _date(raw) -> dt.date:
    if isinstance(raw, dt.datetime):
        return raw.date()
    if isinstance(raw, dt.date):
        return raw
    text = str(raw).strip()
    try:
        if match := _TEXT_DATE.fullmatch(text):
            day, month, year = (int(g) for g in match.groups())
            return dt.date(year, month, day)
        if match := _ISO_DATE.fullmatch(text):
            year, month, day = (int(g) for g in match.groups())
            return dt.date(year, month, day)
    except ValueError:
        raise ValidationError(_("There is no such date: %(text)s.") % {"text": text}) from None
    raise ValidationError(
        _("Give a date as 12.03.1980 or 1980-03-12 (or an Excel date); not “%(text)s”.")
        % {"text": text}
    )


def _check_row(
    record: Record, headers: dict[str, str], *, present: set[str], today: dt.date
) -> list[RosterError]:
    """What one row must say together: a name, a start for a position, a date for a
    category…"""
    errors = []

    def error(path: str, message: str) -> None:
        header = headers.get(path) or str(BY_PATH[path].header)
        errors.append(RosterError(record.row, header, message, path))

    get = record.values.get

    def given(path: str) -> bool:
        # A cell refused already counts as given: one error per mistake.
        return bool(get(path)) or path in record.failed

    for path in REQUIRED:
        if path in present and not get(path):
            error(path, _("Required: the row has no name."))
    birth = get("birth_date")
    if birth is not None:
        # Input sanity, not a rule of the regulation: "today" is the viewer's.
        if birth > today:
            error("birth_date", _("A birth date cannot be in the future."))
        elif birth.year < 1920:
            error("birth_date", _("Check the year: %(date)s.") % {"date": format_date(birth)})
    if get("position") and not given("position_from"):
        error("position_from", _("Give the date the person holds the position since."))
    if get("position_from") and not given("position"):
        error("position", _("Give the position that starts on this date."))
    category = get("category")
    if category and category != CategoryLevel.NONE and not given("category_awarded"):
        error("category_awarded", _("Give the date the category was awarded."))
    if (get("category_awarded") or get("category_valid_until")) and not given("category"):
        error("category", _("Give the category awarded on this date."))
    awarded, until = get("category_awarded"), get("category_valid_until")
    if awarded and until and until < awarded:
        error(
            "category_valid_until",
            _("It ends before it was awarded (%(date)s).") % {"date": format_date(awarded)},
        )
    education, total = get("experience_in_education"), get("experience_total")
    if (education is not None or total is not None) and not given("experience_as_of"):
        error("experience_as_of", _("Give the date the experience is counted at."))
    if education is not None and total is not None and total < education:
        error(
            "experience_total",
            _("The total experience cannot be less than the experience in education (%(value)s).")
            % {"value": education},
        )
    if get("hours_per_week") is not None and not given("subjects"):
        error("subjects", _("Name the subjects these hours per week are for."))
    return errors
