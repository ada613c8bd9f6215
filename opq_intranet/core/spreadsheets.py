"""The one CSV/XLSX writer (every export, statistic and report the project sends) and the one
bounded reader of uploaded workbooks and CSV files (every import).

Writing:

- CSV starts with a byte-order mark, so that Excel reads UTF-8 accents correctly;
- text typed by people never becomes a live formula (CSV/formula injection): in CSV a cell
  starting with = + - @ (or a tab or carriage return) is prefixed with an apostrophe; in
  XLSX such text is stored as a text cell, which Excel never evaluates;
- numbers stay numbers (an integral float is written 29323, not 29323.0), dates stay dates.

    return spreadsheet_response([headers, *rows], fmt="csv", basename="demandes-acces-2026")

A workbook for a template or a styled sheet (bdsp/spreadsheet.py) is made by
`styled_workbook()` and saved by `workbook_bytes()`: however its cells are written
(`sheet.append`, `sheet.cell(value=…)`, `sheet["A1"] = …`), no text is saved as a formula (a
write-only sheet guards each row as it is appended; any other sheet is checked on saving).
No other module writes CSV or builds a workbook (tests/core/test_spreadsheet_writers.py).

Reading (`read_workbook`, `read_csv`): an XLSX is a zip of XML parts, so a file of 200 KB can
declare millions of cells or inflate to gigabytes. Before openpyxl parses anything, the zip's
members are checked (each one's declared uncompressed size, and the total, at most
MAX_UNCOMPRESSED_BYTES; a member holding more than it declares fails its checksum), then every
XML part is streamed once through expat, counting its elements (MAX_XML_ELEMENTS) and each
sheet's cells: the scan stops at the first value past the last row or column allowed, or past
the cell budget, and the file is refused with a French message. A document type declaration
(entities: "billion laughs") is refused. Only then does openpyxl read the values, in read-only
mode and within the rows and columns found (a sheet's declared dimension is never trusted):

    sheets = read_workbook(uploaded, max_rows=5000, max_columns=26, max_cells=100_000)
    for title, rows in sheets:  # rows: tuples of values, row 1 first
        ...
"""

import csv
import io
import logging
import re
import zipfile
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime
from xml.parsers import expat

from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils import timezone
from django.utils.formats import number_format
from django.utils.functional import Promise
from django.utils.translation import gettext as _
from openpyxl import Workbook, load_workbook
from openpyxl.cell import Cell, WriteOnlyCell
from openpyxl.utils import column_index_from_string, get_column_letter

from opq_intranet.core.downloads import CSV, XLSX, download_response
from opq_intranet.core.files import validate_upload

FORMATS = {"csv": CSV, "xlsx": XLSX}
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
SHEET_TITLE_MAX = 31


def plain_value(value):
    """What a cell holds: integral floats as integers, lazy text as text, local times."""
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, Promise):
        return str(value)
    if isinstance(value, datetime) and value.tzinfo is not None:
        return timezone.localtime(value).replace(tzinfo=None)  # spreadsheets have no time zones
    return value


def cell_text(value):
    """An uploaded cell as the text a person typed: integral floats without ".0", dates in ISO,
    no surrounding spaces, empty for an empty cell (the imports' readers)."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    return str(value).strip()


def csv_cell(value):
    value = plain_value(value)
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return "" if value is None else value


def safe_cell_value(cell, value):
    """Set an openpyxl cell's value so that text is never read as a formula."""
    value = plain_value(value)
    cell.value = value
    if isinstance(value, str) and value.startswith("="):
        cell.data_type = "s"
    return cell


class GuardedWorkbook(Workbook):
    """An openpyxl workbook that never saves a formula: the Office's spreadsheets hold values
    and text only, so any cell that openpyxl took for a formula (text starting with "=") is
    saved as the text it is."""

    def create_sheet(self, title=None, index=None):
        sheet = super().create_sheet(title, index)
        if self.write_only:  # its cells are written as they are appended: guard each row then
            append = sheet.append
            sheet.append = lambda row: append([_guarded(sheet, value) for value in row])
        return sheet

    def save(self, filename):
        if not self.write_only:
            for sheet in self.worksheets:
                for cell in sheet._cells.values():  # the cells written, without creating others
                    _as_text_if_formula(cell)
        super().save(filename)


def _guarded(sheet, value):
    if isinstance(value, Cell):
        return _as_text_if_formula(value)
    return safe_cell_value(WriteOnlyCell(sheet), value)


def _as_text_if_formula(cell):
    if cell.data_type == "f" and isinstance(cell.value, str):
        cell.data_type = "s"
    return cell


def styled_workbook(*, write_only=False):
    """A workbook to style (fonts, widths, validations) that never saves a formula."""
    return GuardedWorkbook(write_only=write_only)


def workbook_bytes(workbook):
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


class _Echo:
    def write(self, value):
        return value


def csv_chunks(rows: Iterable):
    """The CSV as an iterator of text chunks (streamed: the rows may be a million)."""
    writer = csv.writer(_Echo())
    yield "\ufeff"
    for row in rows:
        yield writer.writerow([csv_cell(v) for v in row])


def csv_text(rows: Iterable):
    return "".join(csv_chunks(rows))


def xlsx_bytes(sheets):
    """`sheets`: [(title, rows)]; one write-only workbook (constant memory per row)."""
    workbook = styled_workbook(write_only=True)
    for title, rows in sheets:
        sheet = workbook.create_sheet(title=str(title)[:SHEET_TITLE_MAX])
        for row in rows:
            sheet.append(row)  # each value guarded (GuardedWorkbook)
    return workbook_bytes(workbook)


def spreadsheet_response(rows, *, fmt, basename, sheet_title=None, dated=False):
    """The rows (the header row first) as a CSV or XLSX download named `basename.fmt`."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown spreadsheet format {fmt!r}")
    stem = f"{basename}-{timezone.localdate().isoformat()}" if dated else basename
    filename = f"{stem}.{fmt}"
    if fmt == "csv":
        return download_response(csv_chunks(rows), filename=filename, content_type=CSV)
    content = xlsx_bytes([(sheet_title or basename, rows)])
    return download_response(content, filename=filename, content_type=XLSX)


# --- Reading uploaded workbooks and CSV files, bounded ----------------------------------------------

logger = logging.getLogger(__name__)
MAX_UNCOMPRESSED_BYTES = 20 * 1024 * 1024  # all the zip's members together, once inflated
MAX_MEMBERS = 1000
MAX_XML_ELEMENTS = 500_000  # every XML part: styles, shared strings, sheets
SCAN_CHUNK = 64 * 1024
CELL_REFERENCE = re.compile(r"([A-Za-z]{1,3})([0-9]{1,7})")


class _Refused(Exception):
    def __init__(self, message):
        super().__init__(message)
        self.message = message


def not_a_workbook():
    return _("This file is not a readable Excel workbook (.xlsx).")


@dataclass
class _SheetExtent:
    """What the scan found in one worksheet part: the last row and column holding a value, or
    the first value past the limits (the scan of that part stopped there)."""

    last_row: int = 0
    last_column: int = 0
    past: str = ""  # "row" or "column"


class _PastLimit(Exception):
    pass


def read_workbook(uploaded, *, max_rows, max_columns, max_cells, max_elements=MAX_XML_ELEMENTS):
    """[(sheet title, [row tuple, ...])] of an uploaded XLSX, every worksheet in order, values
    only (formulas give their saved result), each row padded to the sheet's last used column.
    The upload is checked first (size, type sniffed). Raises ValidationError with a French
    message for a file that is not a readable workbook or that holds more than the limits,
    before parsing it whole."""
    try:
        validate_upload(uploaded, allowed_types={XLSX})
    except ValidationError as error:
        if error.code in ("type", "mismatch"):
            raise ValidationError(not_a_workbook(), code="not_a_workbook") from error
        raise
    uploaded.seek(0)
    try:
        return read_xlsx(uploaded, max_rows=max_rows, max_columns=max_columns, max_cells=max_cells,
                         max_elements=max_elements)  # fmt: skip
    finally:
        uploaded.seek(0)


def read_xlsx(handle, *, max_rows, max_columns, max_cells, max_elements=MAX_XML_ELEMENTS):
    """`read_workbook` for an open binary file (a seekable one) whose upload is already checked."""
    limits = {"max_rows": max_rows, "max_columns": max_columns, "max_cells": max_cells, "max_elements": max_elements}
    try:
        with zipfile.ZipFile(handle) as archive:
            _check_members(archive)
            extents = _scan(archive, **limits)
        handle.seek(0)
        return _values(handle, extents, max_rows=max_rows, max_columns=max_columns)
    except _Refused as refused:
        raise ValidationError(refused.message, code="limit") from None
    except Exception as error:  # noqa: BLE001 - a hostile file makes zipfile or openpyxl raise anything
        logger.info("unreadable workbook: %r", error)
        raise ValidationError(not_a_workbook(), code="not_a_workbook") from None


def _check_members(archive):
    members = archive.infolist()
    total = sum(info.file_size for info in members)
    if len(members) > MAX_MEMBERS or total > MAX_UNCOMPRESSED_BYTES:
        raise _Refused(
            _(
                "This workbook is too large once uncompressed (more than %(limit)s): keep only the sheets "
                "and rows to import."
            )
            % {"limit": filesizeformat(MAX_UNCOMPRESSED_BYTES)}
        )


def _scan(archive, **limits):
    """{member name: _SheetExtent} of every part; raises _Refused past the cell or element budget."""
    counts = {"elements": 0, "cells": 0}
    extents = {}
    for info in archive.infolist():
        if not info.is_dir():
            extents[info.filename] = extent = _SheetExtent()
            _scan_part(archive, info, extent, counts, **limits)
    return extents


def _scan_part(archive, info, extent, counts, *, max_rows, max_columns, max_cells, max_elements):
    parser = expat.ParserCreate(namespace_separator=" ")
    state = {"sheet_data": 0, "row": 0, "column": 0, "in_cell": False}

    def refuse_doctype(*args):
        raise _Refused(not_a_workbook())

    def start(name, attributes):
        counts["elements"] += 1
        if counts["elements"] > max_elements:
            raise _Refused(
                _(
                    "This workbook holds too much formatting or text to be read here: keep only the sheets "
                    "and rows to import."
                )
            )
        local = name.rsplit(" ", 1)[-1]
        if local == "sheetData":
            state["sheet_data"] += 1
        elif not state["sheet_data"]:
            return
        elif local == "row":
            state["row"] = _number(attributes.get("r"), state["row"] + 1)
            state["column"] = 0
        elif local == "c":
            counts["cells"] += 1
            if counts["cells"] > max_cells:
                raise _Refused(
                    _("This workbook has more than %(limit)s cells: keep only the rows to import.")
                    % {"limit": number_format(max_cells, force_grouping=True)}
                )
            _move_to(state, attributes.get("r"))
            state["in_cell"] = True
        elif local in ("v", "is") and state["in_cell"]:
            if state["row"] > max_rows or state["column"] > max_columns:
                extent.past = "row" if state["row"] > max_rows else "column"
                raise _PastLimit
            extent.last_row = max(extent.last_row, state["row"])
            extent.last_column = max(extent.last_column, state["column"])

    def end(name):
        local = name.rsplit(" ", 1)[-1]
        if local == "sheetData":
            state["sheet_data"] -= 1
        elif local == "c":
            state["in_cell"] = False

    parser.StartDoctypeDeclHandler = refuse_doctype
    parser.EntityDeclHandler = refuse_doctype
    parser.StartElementHandler = start
    parser.EndElementHandler = end
    with archive.open(info) as handle:  # zipfile stops at the declared size and checks the CRC
        try:
            while chunk := handle.read(SCAN_CHUNK):
                parser.Parse(chunk, False)
            parser.Parse(b"", True)
        except _PastLimit:
            return
        except expat.ExpatError:
            return  # not XML (an image…): openpyxl does not parse it, or fails on it as well


def _number(text, default):
    if text is None:
        return default
    if not text.isdigit() or len(text) > 7:
        raise _Refused(not_a_workbook())
    return int(text)


def _move_to(state, reference):
    """A cell's position: its reference (B12), or the one after the previous cell of the row."""
    if not reference:
        state["column"] += 1
        return
    match = CELL_REFERENCE.fullmatch(reference)
    if match is None:
        raise _Refused(not_a_workbook())
    state["column"] = column_index_from_string(match.group(1).upper())
    state["row"] = int(match.group(2))


def _values(uploaded, extents, *, max_rows, max_columns):
    workbook = load_workbook(uploaded, read_only=True, data_only=True)
    try:
        if not workbook.worksheets:
            raise _Refused(not_a_workbook())
        sheets = []
        for sheet in workbook.worksheets:
            extent = extents.get(sheet._worksheet_path)
            if extent is None:
                raise _Refused(not_a_workbook())
            if extent.past == "row":
                raise _Refused(
                    _(
                        "The sheet “%(sheet)s” has values beyond row %(limit)s: a workbook imported here has at "
                        "most %(limit)s rows per sheet."
                    )
                    % {"sheet": sheet.title, "limit": number_format(max_rows, force_grouping=True)}
                )
            if extent.past == "column":
                raise _Refused(
                    _(
                        "The sheet “%(sheet)s” has values beyond column %(column)s: a workbook imported here "
                        "has at most %(limit)s columns."
                    )
                    % {"sheet": sheet.title, "column": get_column_letter(max_columns), "limit": max_columns}
                )
            if not extent.last_row:  # no value: never ask openpyxl, which would trust the dimension
                sheets.append((sheet.title, []))
                continue
            rows = sheet.iter_rows(max_row=extent.last_row, max_col=extent.last_column, values_only=True)
            sheets.append((sheet.title, list(rows)))
        return sheets
    finally:
        workbook.close()


def read_csv(text, *, max_rows, max_columns, max_cells, delimiter=","):
    """The rows of a CSV text (lists of strings), refused in French past the limits.
    `delimiter`: ";" for the CSV that Excel writes in a French locale."""
    rows, cells = [], 0
    for row in csv.reader(io.StringIO(text), delimiter=delimiter):
        if len(rows) >= max_rows:
            raise ValidationError(
                _("The file has more than %(limit)s rows: keep only the rows to import.")
                % {"limit": number_format(max_rows, force_grouping=True)},
                code="limit",
            )
        if len(row) > max_columns:
            raise ValidationError(_("The file has more than %(limit)s columns.") % {"limit": max_columns}, code="limit")
        cells += len(row)
        if cells > max_cells:
            raise ValidationError(
                _("The file has more than %(limit)s cells: keep only the rows to import.")
                % {"limit": number_format(max_cells, force_grouping=True)},
                code="limit",
            )
        rows.append(row)
    return rows
