"""CSV and XLSX exports of a table's filtered rows (every page, not just the visible one)."""

import csv
import io

from django.http import HttpResponse, StreamingHttpResponse
from django.utils import timezone
from openpyxl import Workbook

EXPORT_FORMATS = {
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}


class _Echo:
    def write(self, value):
        return value


def _rows(table):
    excluded = [c.name for c in table.columns if not c.column.exclude_from_export]
    excluded = [name for name in table.columns.names() if name not in excluded]
    return table.as_values(exclude_columns=excluded)


def export_response(table, fmt, basename):
    stamp = timezone.localtime().strftime("%Y-%m-%d")
    filename = f"{basename}-{stamp}.{fmt}"
    if fmt == "csv":
        writer = csv.writer(_Echo())
        # The BOM lets Excel open UTF-8 accents correctly.
        stream = (writer.writerow([_cell(v) for v in row]) for row in _rows(table))
        response = StreamingHttpResponse(_with_bom(stream), content_type=EXPORT_FORMATS["csv"])
    else:
        workbook = Workbook(write_only=True)
        sheet = workbook.create_sheet(title=basename[:31])
        for row in _rows(table):
            sheet.append([_cell(v) for v in row])
        buffer = io.BytesIO()
        workbook.save(buffer)
        response = HttpResponse(buffer.getvalue(), content_type=EXPORT_FORMATS["xlsx"])
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def _with_bom(stream):
    yield "\ufeff"
    yield from stream


def _cell(value):
    # Spreadsheets must not evaluate text typed by users as formulas (CSV/formula injection).
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@"):
        return "'" + value
    return value
