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
CHUNK = 2000


class _Echo:
    def write(self, value):
        return value


def export_response(table, fmt, basename):
    stamp = timezone.localdate().isoformat()
    filename = f"{basename}-{stamp}.{fmt}"
    rows = table.export_rows(table.queryset.iterator(chunk_size=CHUNK))
    if fmt == "csv":
        writer = csv.writer(_Echo())
        stream = (writer.writerow([_cell(v) for v in row]) for row in rows)
        response = StreamingHttpResponse(_with_bom(stream), content_type=EXPORT_FORMATS["csv"])
    else:
        workbook = Workbook(write_only=True)
        sheet = workbook.create_sheet(title=basename[:31])
        for row in rows:
            sheet.append([_cell(v) for v in row])
        buffer = io.BytesIO()
        workbook.save(buffer)
        response = HttpResponse(buffer.getvalue(), content_type=EXPORT_FORMATS["xlsx"])
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def _with_bom(stream):
    # The byte-order mark lets Excel open UTF-8 accents correctly.
    yield "\ufeff"
    yield from stream


def _cell(value):
    # Spreadsheets must not evaluate text typed by users as formulas (CSV/formula injection).
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@"):
        return "'" + value
    return value
