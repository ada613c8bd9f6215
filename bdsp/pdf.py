"""The return as a PDF: what the order submitted, section by section, with its attestation."""

from datetime import datetime
from xml.sax.saxutils import escape

from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import cm
from reportlab.platypus import Paragraph

from bdsp import display, selectors
from bdsp.choices import ValueState, ValueType
from opq_intranet.core import pdf
from opq_intranet.core.templatetags.quebec import money

STATE_LABELS = {
    ValueState.NO_ACTIVITY: ValueState.NO_ACTIVITY.label,
    ValueState.NOT_APPLICABLE: ValueState.NOT_APPLICABLE.label,
}
COLUMNS = [11 * cm, 6.4 * cm]


INDENT = "    "
TOTAL = ParagraphStyle("bdsp-total", parent=pdf.STYLES["cell"], fontName="Helvetica-Bold")


def _date(value, fmt="SHORT_DATE_FORMAT"):
    """A date, or a moment in Quebec time (settings.TIME_ZONE), as the pages show it."""
    if not value:
        return "—"
    if isinstance(value, datetime) and timezone.is_aware(value):
        value = timezone.localtime(value)
    return date_format(value, fmt)


def _shown(value, raw, value_type):
    """A figure as the pages write it: amounts in dollars (530 000 $), shares with their %."""
    if value_type == ValueType.MONEY and value is not None and value.number is not None:
        cents = value.number != value.number.to_integral_value()
        return money(value.number, 2 if cents else 0)
    if value_type == ValueType.PERCENTAGE and raw:
        return f"{raw}\u00a0%"
    return raw


def _indicator_rows(row, values):
    """(rows, index of the total row or None): an indicator without categories on one line;
    one with categories as a heading, each category that holds a value, then its total."""
    indicator = row.indicator
    label = indicator.label + (f" ({indicator.unit})" if indicator.unit else "")
    if row.state in STATE_LABELS:
        return [[label, str(STATE_LABELS[row.state])]], None
    if indicator.is_derived:
        shown = _shown(None, row.derived_value if row.derived_value != "—" else "", indicator.value_type)
        return [[label, f"{shown or '—'} ({_('computed')})"]], None
    total, *parts = row.cells
    explanation = [[f"{INDENT}{_('Explanation')}", row.explanation]] if row.explanation else []
    total_shown = _shown(values.get((indicator.code, "")), total.raw, indicator.value_type) or "—"
    if not indicator.keys:
        return [[label, total_shown], *explanation], None
    rows = [[label, ""]]
    rows += [
        [f"{INDENT}{cell.label}", _shown(values.get((indicator.code, cell.key)), cell.raw, indicator.value_type)]
        for cell in parts
        if cell.raw
    ]
    rows.append([f"{INDENT}{_('Total')}", total_shown])
    return [*rows, *explanation], len(rows) - 1


def indicator_table_style(rows, *, total_rows):
    """The table style that sets each total apart from its breakdown: bold, a rule above."""
    commands = []
    for index in total_rows:
        commands.append(("LINEABOVE", (0, index), (-1, index), 1, colors.black))
    return commands


def _total_cell(value):
    return Paragraph(escape(pdf.text(value)), TOTAL)


def _section_table(form, section, values):
    rows, total_rows = [[_("Indicator"), _("Value")]], []
    for row in display.section_view(form, section.code, values):
        indicator_rows, total = _indicator_rows(row, values)
        if total is not None:
            total_rows.append(len(rows) + total)
        rows += indicator_rows
    cells = [
        [_total_cell(cell) if index in total_rows else pdf.paragraph(cell, "cell") for cell in row]
        for index, row in enumerate(rows)
    ]
    return pdf.table(cells, widths=COLUMNS, styles=indicator_table_style(rows, total_rows=total_rows))


def return_pdf(annual_return, *, attachments=()):
    """The PDF's bytes for the return as it stands (call it when the return is not editable)."""
    order = annual_return.professional_order
    year = annual_return.reporting_year.year
    title = _("Annual return %(year)s") % {"year": year}
    story = [
        pdf.heading(f"{title} — {order.name}", "title"),
        pdf.table(
            [
                [_("Version"), str(annual_return.version)],
                [_("Status"), str(annual_return.get_status_display())],
                [_("End of the fiscal year"), _date(annual_return.fiscal_year_end)],
                [_("Date of the annual general meeting"), _date(annual_return.general_meeting_date)],
                [_("Due date"), _date(annual_return.due_date)],
                [_("Submitted at"), _date(annual_return.submitted_at, "SHORT_DATETIME_FORMAT")],
                [_("Attestation"), annual_return.attestation or "—"],
            ],
            widths=COLUMNS,
            header=False,
        ),
    ]
    if annual_return.amendment_reason:
        story += [pdf.spacer(), pdf.paragraph(_("Amendment. Reason:") + " " + annual_return.amendment_reason)]
    form = selectors.form_definition(annual_return.reporting_year)
    values = selectors.return_values(annual_return)
    for section, _indicators in form.sections:
        story += [pdf.heading(section.title), _section_table(form, section, values)]
    if attachments:
        story.append(pdf.heading(_("Attached documents")))
        story += [
            pdf.paragraph(f"{a.get_kind_display()} : {a.file.original_name} (SHA-256 {a.file.sha256[:16]}…)")
            for a in attachments
        ]
    return pdf.render(story, title=f"{title} · {order.name} · v{annual_return.version}", subject=order.name)
