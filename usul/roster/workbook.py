"""The roster as an .xlsx file: reading an upload safely, and writing the template and the
export (openpyxl).

An .xlsx file is a zip archive of XML parts. Before openpyxl opens one, the archive itself is
checked: a file that is not a zip, or whose parts would unpack to far more than any staff list
needs (a "zip bomb"), is refused without being unpacked.
"""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from django.utils import translation
from django.utils.translation import gettext as _
from openpyxl import Workbook, load_workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation

from usul.roster.columns import CHOICE, COLUMNS, DATE, EXPERIENCE, SUBJECTS, Column, choice_labels

# A school's staff list is a few hundred rows: far below these.
MAX_BYTES = 5 * 1024 * 1024
MAX_UNPACKED = 50 * 1024 * 1024
MAX_RATIO = 100  # unpacked size / packed size of one part
MAX_PARTS = 200
MAX_ROWS = 2000
MAX_COLUMNS = 100
DATE_FORMAT = "DD.MM.YYYY"


class Unreadable(ValueError):
    """The file cannot be read as a roster at all (not an .xlsx, too large, damaged)."""


@dataclass
class Table:
    """The first sheet: its header row and the rows below it that hold anything."""

    headers: list[tuple[int, str]]  # (column index from 0, header text) of non-empty headers
    rows: list[tuple[int, tuple]]  # (row number as the spreadsheet shows it, cell values)


def check_archive(data: bytes) -> None:
    if len(data) > MAX_BYTES:
        raise Unreadable(
            _("The file is larger than %(size)s MB.") % {"size": MAX_BYTES // 1024 // 1024}
        )
    buffer = io.BytesIO(data)
    if not zipfile.is_zipfile(buffer):
        raise Unreadable(_("The file is not an Excel workbook (.xlsx)."))
    try:
        with zipfile.ZipFile(buffer) as archive:
            parts = archive.infolist()
    except (zipfile.BadZipFile, OSError):
        raise Unreadable(_("The file is damaged: it cannot be opened.")) from None
    if len(parts) > MAX_PARTS or sum(p.file_size for p in parts) > MAX_UNPACKED:
        raise Unreadable(_("The workbook unpacks to far more than a staff list; it is refused."))
    for part in parts:
        if part.file_size > MAX_RATIO * max(part.compress_size, 1) and part.file_size > 1_000_000:
            raise Unreadable(
                _("The workbook unpacks to far more than a staff list; it is refused.")
            )


def read_table(data: bytes) -> Table:
    """The first sheet of the workbook in ``data``; raises ``Unreadable``."""
    check_archive(data)
    try:
        book = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception:  # openpyxl raises many kinds on a damaged or foreign file
        raise Unreadable(_("The file is damaged or is not an Excel workbook (.xlsx).")) from None
    try:
        if not book.worksheets:
            raise Unreadable(_("The workbook has no sheet."))
        sheet = book.worksheets[0]
        lines = sheet.iter_rows(values_only=True, max_col=MAX_COLUMNS)
        first = next(lines, None) or ()
        headers = [
            (index, str(value).strip())
            for index, value in enumerate(first)
            if value is not None and str(value).strip()
        ]
        rows = []
        for number, values in enumerate(lines, start=2):
            if any(_holds(v) for v in values):
                rows.append((number, tuple(values)))
                if len(rows) > MAX_ROWS:
                    raise Unreadable(
                        _("The sheet has more than %(count)s rows; split it into several files.")
                        % {"count": MAX_ROWS}
                    )
    finally:
        book.close()
    if not headers:
        raise Unreadable(_("The first row of the first sheet must hold the column headers."))
    return Table(headers=headers, rows=rows)


def _holds(value) -> bool:
    return value is not None and (not isinstance(value, str) or value.strip() != "")


# -- writing


HEADER_FILL = PatternFill("solid", fgColor="DDE7F0")


def _cell_value(column: Column, value):
    if value is None or value == "":
        return None
    return value


def write_roster(
    *, language: str, rows: Iterable[dict] = (), subjects: Sequence[str] = ()
) -> bytes:
    """A workbook with the roster's columns headed in ``language`` (the template when
    ``rows`` is empty, the export otherwise), the explanation sheet and the lists behind the
    cells' drop-downs. ``rows`` map field paths to values (dates as ``date``); ``subjects``
    names the school's subjects for the explanation."""
    with translation.override(language):
        book = Workbook()
        sheet = book.active
        sheet.title = _("Staff")
        sheet.freeze_panes = "C2"
        for index, column in enumerate(COLUMNS, start=1):
            cell = sheet.cell(row=1, column=index, value=str(column.header))
            cell.font = Font(bold=True)
            cell.fill = HEADER_FILL
            cell.alignment = Alignment(wrap_text=True, vertical="top")
            sheet.column_dimensions[get_column_letter(index)].width = column.width
        sheet.row_dimensions[1].height = 45
        count = 0
        for count, row in enumerate(rows, start=1):
            for index, column in enumerate(COLUMNS, start=1):
                cell = sheet.cell(row=count + 1, column=index)
                cell.value = _cell_value(column, row.get(column.path))
                _format(cell, column)
        # Empty rows of the template (and below the export) keep the cells' formats, so that a
        # date typed there is a date and "12.10" stays twelve years ten months.
        last = max(count + 1, 1) + 300
        for index, column in enumerate(COLUMNS, start=1):
            for number in range(count + 2, last + 1):
                _format(sheet.cell(row=number, column=index), column)
        lists = book.create_sheet(_("Lists"))
        _explain(book, subjects)
        _validations(sheet, lists, last)
        book.move_sheet(lists, offset=1)
        lists.sheet_state = "hidden"
        output = io.BytesIO()
        book.save(output)
    return output.getvalue()


def _format(cell, column: Column) -> None:
    if column.kind == DATE:
        cell.number_format = DATE_FORMAT
    elif column.kind in (EXPERIENCE, SUBJECTS) or column.path in ("key", "phone"):
        cell.number_format = "@"  # text: "12.10" must not become the number 12.1


def _explain(book: Workbook, subjects: Sequence[str]) -> None:
    sheet = book.create_sheet(_("Explanation"))
    heads = (_("Column"), _("Field"), _("What to write"), _("Allowed values"))
    for index, text in enumerate(heads, start=1):
        cell = sheet.cell(row=1, column=index, value=text)
        cell.font = Font(bold=True)
        cell.fill = HEADER_FILL
    for width, letter in zip((32, 24, 70, 60), "ABCD", strict=True):
        sheet.column_dimensions[letter].width = width
    general = _(
        "Dates: an Excel date, or text as 12.03.1980 or 1980-03-12. Lists: the code or the "
        "label in Kyrgyz, Russian or English, in any letter case. An empty cell changes "
        "nothing that Usul already has. A file with any error imports nothing; every error is "
        "shown with its row and column."
    )
    for number, column in enumerate(COLUMNS, start=2):
        allowed = ""
        if column.kind == CHOICE and column.choices is not None:
            labels = choice_labels(column.choices, translation.get_language())
            allowed = ", ".join(
                f"{code} — {label}"
                for code, label in zip(column.choices.values, labels, strict=True)
            )
        elif column.kind == SUBJECTS and subjects:
            allowed = ", ".join(subjects)
        elif column.kind == DATE:
            allowed = _("a date")
        values = (str(column.header), column.path, str(column.help), allowed)
        for index, text in enumerate(values, start=1):
            cell = sheet.cell(row=number, column=index, value=text)
            cell.alignment = Alignment(wrap_text=True, vertical="top")
    note = sheet.cell(row=len(COLUMNS) + 3, column=1, value=general)
    note.alignment = Alignment(wrap_text=True, vertical="top")
    sheet.merge_cells(
        start_row=len(COLUMNS) + 3, start_column=1, end_row=len(COLUMNS) + 3, end_column=4
    )
    sheet.row_dimensions[len(COLUMNS) + 3].height = 60


def _validations(sheet, lists, last: int) -> None:
    """A drop-down in each cell whose value comes from a list, fed from the hidden sheet."""
    language = translation.get_language()
    list_column = 0
    for index, column in enumerate(COLUMNS, start=1):
        if column.kind != CHOICE or column.choices is None:
            continue
        list_column += 1
        labels = choice_labels(column.choices, language)
        letter = get_column_letter(list_column)
        for number, label in enumerate(labels, start=1):
            lists.cell(row=number, column=list_column, value=label)
        validation = DataValidation(
            type="list",
            formula1=f"'{lists.title}'!${letter}$1:${letter}${len(labels)}",
            allow_blank=True,
            showErrorMessage=False,  # a code typed by hand ("first") is accepted too
        )
        validation.prompt = str(column.help)
        validation.showInputMessage = True
        target = get_column_letter(index)
        validation.add(f"{target}2:{target}{last}")
        sheet.add_data_validation(validation)


def as_date(value) -> dt.date | None:
    if isinstance(value, dt.datetime):
        return value.date()
    return value if isinstance(value, dt.date) else None
