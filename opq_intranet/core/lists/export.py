"""CSV and XLSX exports of a table's filtered rows (every page, not just the visible one)."""

from opq_intranet.core.spreadsheets import FORMATS, spreadsheet_response

EXPORT_FORMATS = FORMATS
CHUNK = 2000


def export_response(table, fmt, basename):
    rows = table.export_rows(table.queryset.iterator(chunk_size=CHUNK))
    return spreadsheet_response(rows, fmt=fmt, basename=basename, dated=True)
