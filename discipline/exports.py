"""The Bureau's reports as files: the tables the page shows (selectors' ReportTable), as a PDF
through core's PDF look and as a workbook through core's spreadsheet writer. The reports hold
counts, delays and case numbers only: nothing a non-publication order covers."""

from django.utils.translation import gettext as _

from discipline.selectors.report_tables import cell_text
from opq_intranet.core import pdf
from opq_intranet.core.spreadsheets import xlsx_bytes


def _table_rows(table):
    rows = [[table.first_column, *table.columns]]
    rows += [[row.label, *row.cells] for row in table.rows]
    return rows


def tables_pdf(title, subtitle, tables):
    story = [pdf.heading(title, "title"), pdf.paragraph(subtitle)]
    for table in tables:
        story += [pdf.heading(table.title), pdf.table(_table_rows(table))]
        if table.note:
            story.append(pdf.paragraph(table.note, "small"))
    return pdf.render(story, title=title, subject=subtitle, wide=True)


def sheet_title(index, title):
    """A sheet's name: numbered, so that two titles cut at Excel's 31 characters stay apart."""
    return f"{index}. {title}"[:31]


def tables_xlsx(tables, *, extra_sheets=()):
    """One sheet per table (its title in the first row), then `extra_sheets` [(title, rows)]."""
    sheets = []
    for index, table in enumerate(tables, start=1):
        rows = [[table.title], [table.first_column, *table.columns]]
        rows += [[row.label, *row.values] for row in table.rows]
        sheets.append((sheet_title(index, table.title), rows))
    return xlsx_bytes([*sheets, *extra_sheets])


def rows_xlsx(title, rows):
    return xlsx_bytes([(title, rows)])


def heard_sheet(heard):
    """The places and dates of the complaints heard (art. 115.8), one row per hearing."""
    rows = [[_("Council"), _("Case"), _("Date"), _("Hearing"), _("Place")]]
    rows += [[str(h.council), h.case_number, h.day, h.kind, h.place] for h in heard]
    return (_("Places and dates"), rows)


def reconciliation_rows(result):
    rows = [[_("Line"), _("Declared in the BDSP"), _("Computed from the cases"), _("Difference"), _("Cases")]]
    for line in result.lines:
        numbers = ", ".join(number for number, _url in line.links)
        declared = None if line.declared is None else int(line.declared)
        rows.append([line.label, declared, line.computed, line.difference, numbers])
    return rows


def reconciliation_pdf(result, title):
    subtitle = _("Fiscal year from %(first)s to %(last)s") % {"first": result.first, "last": result.last}
    header, *lines = reconciliation_rows(result)
    rows = [header[:4], *([label, *(cell_text(v) for v in figures)] for label, *figures, _cases in lines)]
    story = [pdf.heading(title, "title"), pdf.paragraph(subtitle), pdf.table(rows)]
    if not result.has_return:
        story.append(pdf.paragraph(_("No accepted BDSP return for this year: nothing declared to compare with.")))
    differing = [line for line in result.lines if line.differs and line.case_ids]
    if differing:
        story.append(pdf.heading(_("Cases behind the differences")))
        for line in differing:
            numbers = ", ".join(number for number, _url in line.links)
            story.append(pdf.paragraph(_("%(line)s: %(cases)s") % {"line": line.label, "cases": numbers}))
    return pdf.render(story, title=title, subject=subtitle)
