"""Real .xlsx files for the tests, written with openpyxl as a school's spreadsheet would be."""

from __future__ import annotations

import io

from openpyxl import Workbook, load_workbook


def xlsx(headers: list, rows: list[list]) -> bytes:
    book = Workbook()
    sheet = book.active
    sheet.append(headers)
    for row in rows:
        sheet.append(row)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def sheet_rows(data: bytes, sheet: int = 0) -> list[tuple]:
    book = load_workbook(io.BytesIO(data))
    return [tuple(r) for r in book.worksheets[sheet].iter_rows(values_only=True)]
