"""The return as a PDF: what the order submitted, section by section, with its attestation."""

from django.utils.formats import date_format
from django.utils.translation import gettext as _
from reportlab.lib.units import cm

from bdsp import display, selectors
from bdsp.choices import ValueState
from opq_intranet.core import pdf

STATE_LABELS = {
    ValueState.NO_ACTIVITY: ValueState.NO_ACTIVITY.label,
    ValueState.NOT_APPLICABLE: ValueState.NOT_APPLICABLE.label,
}
COLUMNS = [11 * cm, 6.4 * cm]


def _date(value, fmt="SHORT_DATE_FORMAT"):
    return date_format(value, fmt) if value else "—"


def _indicator_rows(row):
    """The indicator's total, then each category that holds a value."""
    label = row.indicator.label + (f" ({row.indicator.unit})" if row.indicator.unit else "")
    if row.state in STATE_LABELS:
        return [[label, str(STATE_LABELS[row.state])]]
    if row.indicator.is_derived:
        return [[label, f"{row.derived_value} ({_('computed')})"]]
    total, *parts = row.cells
    rows = [[label, total.raw or "—"]]
    rows += [[f"    {cell.label}", cell.raw] for cell in parts if cell.raw]
    if row.explanation:
        rows.append([f"    {_('Explanation')}", row.explanation])
    return rows


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
        rows = [[_("Indicator"), _("Value")]]
        for row in display.section_view(form, section.code, values):
            rows += _indicator_rows(row)
        story += [pdf.heading(section.title), pdf.table(rows, widths=COLUMNS)]
    if attachments:
        story.append(pdf.heading(_("Attached documents")))
        story += [
            pdf.paragraph(f"{a.get_kind_display()} : {a.file.original_name} (SHA-256 {a.file.sha256[:16]}…)")
            for a in attachments
        ]
    return pdf.render(story, title=f"{title} · {order.name} · v{annual_return.version}", subject=order.name)
