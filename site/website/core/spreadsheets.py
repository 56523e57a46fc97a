"""Spreadsheet downloads of residents' data: CSV streamed row by row, XLSX in constant memory.

Every cell is text, a number or a date, and text that a spreadsheet would run as a formula is
quoted (OWASP "CSV injection"). Downloads are private and never stored by a cache.
"""

import csv
import tempfile
from collections.abc import Iterator
from datetime import datetime
from decimal import Decimal
from typing import IO

from django.http import FileResponse, HttpResponse, StreamingHttpResponse
from django.utils.cache import patch_cache_control
from django.utils.http import content_disposition_header
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

Cell = str | int | Decimal | datetime | None

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
XLSX_MAX_CELL = 32_767  # characters Excel keeps in one cell
XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def formula_safe(value: Cell) -> Cell:
    """Text a spreadsheet would run as a formula, quoted with a leading ' (OWASP)."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


class _Echo:
    """A file-like object whose write returns the line, for streaming csv.writer output."""

    def write(self, value: str) -> str:
        return value


def csv_stream(rows: Iterator[list[Cell]]) -> Iterator[bytes]:
    """CSV lines as UTF-8 bytes, one row at a time; the byte order mark is for Excel."""
    writer = csv.writer(_Echo())
    yield "\ufeff".encode()
    for row in rows:
        yield writer.writerow(row).encode()


def _xlsx_cell(sheet, value: Cell, datetime_format: str) -> WriteOnlyCell:
    if isinstance(value, str):
        # Control characters are not allowed in the file format: shown as U+FFFD instead.
        value = ILLEGAL_CHARACTERS_RE.sub("\ufffd", value)[:XLSX_MAX_CELL]
    cell = WriteOnlyCell(sheet, value)
    if isinstance(value, str):
        cell.data_type = "s"  # never a formula, whatever openpyxl guesses
    elif isinstance(value, datetime):
        cell.number_format = datetime_format
    return cell


def xlsx_file(
    rows: Iterator[list[Cell]], *, sheet_title: str, datetime_format: str = "yyyy-mm-dd hh:mm"
) -> IO[bytes]:
    """An XLSX workbook in a rewound temporary file; write-only mode keeps memory flat."""
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(sheet_title)
    for row in rows:
        sheet.append([_xlsx_cell(sheet, value, datetime_format) for value in row])
    output = tempfile.TemporaryFile()  # noqa: SIM115 -- FileResponse closes (and so deletes) it
    workbook.save(output)
    output.seek(0)
    return output


def xlsx_response(output: IO[bytes], *, filename: str) -> HttpResponse:
    """An XLSX download of personal data: private, never cached."""
    response = FileResponse(output, as_attachment=True, filename=filename)
    response["Content-Type"] = XLSX_TYPE
    patch_cache_control(response, private=True, no_store=True)
    return response


def csv_response(rows: Iterator[list[Cell]], *, filename: str) -> HttpResponse:
    """A CSV download of personal data, streamed: private, never cached."""
    response = StreamingHttpResponse(csv_stream(rows), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = content_disposition_header(True, filename)
    patch_cache_control(response, private=True, no_store=True)
    return response
