"""The one CSV/XLSX writer: every export, statistic and report the project sends.

- CSV starts with a byte-order mark, so that Excel reads UTF-8 accents correctly;
- text typed by people never becomes a live formula (CSV/formula injection): in CSV a cell
  starting with = + - @ (or a tab or carriage return) is prefixed with an apostrophe; in
  XLSX such text is stored as a text cell, which Excel never evaluates;
- numbers stay numbers (an integral float is written 29323, not 29323.0), dates stay dates.

    return spreadsheet_response([headers, *rows], fmt="csv", basename="demandes-acces-2026")

A workbook for a template or a styled sheet (bdsp/spreadsheet.py) writes its user text
through `safe_cell_value()`.
"""

import csv
import io
from collections.abc import Iterable
from datetime import datetime

from django.utils import timezone
from django.utils.functional import Promise
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell

from opq_intranet.core.downloads import CSV, XLSX, download_response

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
    workbook = Workbook(write_only=True)
    for title, rows in sheets:
        sheet = workbook.create_sheet(title=str(title)[:SHEET_TITLE_MAX])
        for row in rows:
            sheet.append([safe_cell_value(WriteOnlyCell(sheet), v) for v in row])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


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
