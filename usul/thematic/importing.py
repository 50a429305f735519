"""A calendar-thematic plan read from the file a teacher already keeps (DOC-11): an Excel
workbook (.xlsx) or a CSV table, one lesson per row.

Columns, recognised by their header in Kyrgyz, Russian or English, in any letter case:

- ``№`` (n, No.) — the lesson's number; optional, rows are numbered in order when it is absent;
- ``Темасы`` / ``Тема`` / ``Topic`` — required;
- ``Саат`` / ``Часы`` / ``Hours`` — optional, a number such as 1 or 0.5;
- ``Күнү`` / ``Дата`` / ``Date`` — optional, DD.MM.YYYY, YYYY-MM-DD or an Excel date.

All or nothing: every bad cell is reported with its row and column, and nothing is taken.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from django.utils.translation import gettext as _

from usul.roster.workbook import Unreadable, as_date, read_table

MAX_BYTES = 2 * 1024 * 1024
MAX_ROWS = 400  # a year of a subject is 34 weeks × a few lessons
TOPIC_LIMIT = 500

HEADERS = {
    "n": {"№", "n", "no", "no.", "номер", "#"},
    "topic": {"темасы", "тема", "topic", "тема урока", "сабактын темасы"},
    "hours": {"саат", "саат саны", "часы", "кол-во часов", "количество часов", "hours"},
    "planned": {"күнү", "дата", "date", "планируемая дата", "пландалган күнү"},
}


@dataclass(frozen=True)
class Lesson:
    n: int
    topic: str
    hours: Decimal | None
    planned: dt.date | None


@dataclass(frozen=True)
class CellError:
    row: int
    column: str
    message: str


class Refused(ValueError):
    def __init__(self, errors: list[CellError]):
        super().__init__("; ".join(e.message for e in errors))
        self.errors = errors


def _normal(header: str) -> str:
    return re.sub(r"\s+", " ", header.strip().lower().rstrip(":"))


def _rows(data: bytes, name: str) -> tuple[list[tuple[int, str]], list[tuple[int, tuple]]]:
    if len(data) > MAX_BYTES:
        raise Unreadable(_("The file is larger than %(size)s MB.") % {"size": 2})
    if data[:2] == b"PK":
        table = read_table(data)
        return table.headers, table.rows
    # Not a zip: a CSV table (what a spreadsheet saves as "CSV"), UTF-8 or Windows Cyrillic.
    if b"\x00" in data[:4096]:
        raise Unreadable(_("The file is neither an Excel workbook (.xlsx) nor a CSV table."))
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = data.decode("cp1251", errors="replace")
    try:
        dialect = csv.Sniffer().sniff(text[:4096], delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    lines = list(csv.reader(io.StringIO(text), dialect))
    if not lines:
        raise Unreadable(_("The file is empty."))
    headers = [(i, h.strip()) for i, h in enumerate(lines[0]) if h.strip()]
    rows = [
        (number, tuple(values))
        for number, values in enumerate(lines[1:], start=2)
        if any(v.strip() for v in values)
    ]
    return headers, rows


def read_lessons(data: bytes, name: str = "") -> tuple[list[Lesson], bool]:
    """The lessons of the file and whether it numbers them; raises ``Unreadable`` or
    ``Refused`` (every error listed)."""
    headers, rows = _rows(data, name)
    columns: dict[str, tuple[int, str]] = {}
    errors: list[CellError] = []
    for index, header in headers:
        field = next((f for f, names in HEADERS.items() if _normal(header) in names), None)
        if field is None:
            errors.append(
                CellError(
                    1, header, _("This column is not known: %(header)s.") % {"header": header}
                )
            )
        elif field in columns:
            errors.append(CellError(1, header, _("This column appears twice.")))
        else:
            columns[field] = (index, header)
    if "topic" not in columns:
        errors.append(
            CellError(
                1, _("Topic"), _("The file needs a column of topics (“Темасы”, “Тема” or “Topic”).")
            )
        )
    if errors:
        raise Refused(errors)
    if len(rows) > MAX_ROWS:
        raise Unreadable(_("The file has more than %(count)s lessons.") % {"count": MAX_ROWS})
    lessons: list[Lesson] = []
    seen: dict[int, int] = {}
    for position, (row, values) in enumerate(rows, start=1):

        def cell(field, values=values):
            if field not in columns:
                return None
            index = columns[field][0]
            value = values[index] if index < len(values) else None
            return value.strip() if isinstance(value, str) else value

        topic = str(cell("topic") or "").strip()
        if not topic:
            errors.append(CellError(row, columns["topic"][1], _("The topic is empty.")))
        elif len(topic) > TOPIC_LIMIT:
            errors.append(
                CellError(
                    row,
                    columns["topic"][1],
                    _("At most %(limit)s characters.") % {"limit": TOPIC_LIMIT},
                )
            )
        n = position
        if cell("n") not in (None, ""):
            try:
                n = int(Decimal(str(cell("n")).rstrip(".")))
                if n < 1:
                    raise InvalidOperation
            except (InvalidOperation, ValueError):
                errors.append(
                    CellError(
                        row,
                        columns["n"][1],
                        _("Not a lesson number: %(value)s.") % {"value": cell("n")},
                    )
                )
            else:
                if n in seen:
                    errors.append(
                        CellError(
                            row,
                            columns["n"][1],
                            _("Lesson №%(n)s is already on row %(row)s.")
                            % {"n": n, "row": seen[n]},
                        )
                    )
                seen[n] = row
        hours = None
        if cell("hours") not in (None, ""):
            try:
                hours = Decimal(str(cell("hours")).replace(",", "."))
                if not 0 < hours <= 20:
                    raise InvalidOperation
            except InvalidOperation:
                errors.append(
                    CellError(
                        row,
                        columns["hours"][1],
                        _("Hours: a number from 0.5 to 20, not %(value)s.")
                        % {"value": cell("hours")},
                    )
                )
                hours = None
        planned = None
        value = cell("planned")
        if value not in (None, ""):
            planned = as_date(value) or _text_date(str(value))
            if planned is None:
                errors.append(
                    CellError(
                        row,
                        columns["planned"][1],
                        _("Not a date: %(value)s (write DD.MM.YYYY).") % {"value": value},
                    )
                )
        lessons.append(Lesson(n=n, topic=topic, hours=hours, planned=planned))
    if errors:
        raise Refused(errors)
    if not lessons:
        raise Unreadable(_("The file holds no lessons below its header row."))
    return lessons, "n" in columns


def _text_date(text: str) -> dt.date | None:
    for pattern in ("%d.%m.%Y", "%Y-%m-%d", "%d.%m.%y"):
        try:
            return dt.datetime.strptime(text.strip(), pattern).date()  # noqa: DTZ007 — a date
        except ValueError:
            continue
    return None
