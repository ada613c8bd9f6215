"""A statistic as CSV or XLSX: the table as the page shows it, every line of it.

The title, a line per order, the number of orders reporting, the total, then the notes.
Numbers stay numbers: counts as integers, amounts and shares rounded as the page rounds
them; in the XLSX each number carries the format the page shows it in (29 323 ; 530 000 $ ;
55,2 %). The CSV goes through core's writer, the XLSX is core's styled workbook (each cell
through `safe_cell_value`), so that no text (an indicator's label) becomes a live formula.
"""

from decimal import ROUND_HALF_UP, Decimal

from django.utils import timezone
from django.utils.translation import gettext as _
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Font

from bdsp.choices import ValueType
from bdsp.statistics.release import SUPPRESSED
from opq_intranet.core.downloads import XLSX, download_response
from opq_intranet.core.spreadsheets import (
    SHEET_TITLE_MAX,
    safe_cell_value,
    spreadsheet_response,
    styled_workbook,
    workbook_bytes,
)

# Decimals kept, and the XLSX number format, of each type of figure.
PLACES = {ValueType.INTEGER: 0, ValueType.DECIMAL: 2, ValueType.MONEY: 2, ValueType.PERCENTAGE: 2}
NUMBER_FORMATS = {
    ValueType.INTEGER: "#,##0",
    ValueType.DECIMAL: "#,##0.00",
    ValueType.MONEY: '#,##0 "$"',
    ValueType.PERCENTAGE: '0.0 "%"',
}


def _number(value, value_type):
    """A figure as a number of the spreadsheet: an int when whole (29323, never 29323.0)."""
    if value is None or value == SUPPRESSED:
        return value
    places = PLACES.get(value_type, 4)
    rounded = Decimal(value).quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)
    return int(rounded) if rounded == rounded.to_integral_value() else float(rounded)


def rows(table, category_label, public):
    """[(cells, kind)]: kind "title", "header", "figures", "count" or "note"."""
    title = table.label + (f" — {category_label}" if category_label else "")
    out = [([title], "title"), ([str(_("Professional order")), *table.years], "header")]
    for order, values in table.rows:
        out.append(([order.name, *[_number(values[y], table.value_type) for y in table.years]], "figures"))
    out.append(([str(_("Orders with a figure")), *[table.reporting.get(y, 0) for y in table.years]], "count"))
    out.append(([str(_("Total")), *[_number(table.totals.get(y), table.value_type) for y in table.years]], "total"))
    if public:
        notes = [
            _("x: a count from 1 to 4, or a figure hidden so that no published figure reveals one."),
            _("Every order is included, whatever the orders chosen on the page."),
        ]
        out += [([str(note)], "note") for note in notes]
    out.append(([str(_("Source: annual returns of the professional orders, accepted by the Office."))], "note"))
    return out


def export_response(table, fmt, *, public, category_label):
    basename = f"bdsp-{table.code}{'-diffusion' if public else ''}"
    lines = rows(table, category_label, public)
    if fmt == "csv":
        return spreadsheet_response((cells for cells, _kind in lines), fmt="csv", basename=basename, dated=True)
    filename = f"{basename}-{timezone.localdate().isoformat()}.xlsx"
    return download_response(_workbook(table, lines), filename=filename, content_type=XLSX)


def _workbook(table, lines):
    workbook = styled_workbook(write_only=True)
    sheet = workbook.create_sheet(title=table.code[:SHEET_TITLE_MAX])
    sheet.column_dimensions["A"].width = 60
    number_format = NUMBER_FORMATS.get(table.value_type, "General")
    bold = Font(bold=True)
    for cells, kind in lines:
        row = []
        for index, value in enumerate(cells):
            cell = safe_cell_value(WriteOnlyCell(sheet), value)
            if index and kind in ("figures", "total") and isinstance(value, int | float):
                cell.number_format = number_format
            elif index and kind == "count":
                cell.number_format = NUMBER_FORMATS[ValueType.INTEGER]
            if kind in ("title", "header", "total"):
                cell.font = bold
            row.append(cell)
        sheet.append(row)
    return workbook_bytes(workbook)
