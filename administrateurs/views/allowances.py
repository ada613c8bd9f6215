"""The attendance allowances of a period: the page (one row per appointee), the payment export
(CSV, XLSX: one row per attended meeting, through core's spreadsheet helper) and an appointee's
statement (PDF). Function views: a report, not an object page."""

from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.translation import gettext as _

from administrateurs import allowances, permissions, selectors
from administrateurs.forms import PeriodForm
from administrateurs.statements import statement_pdf
from administrateurs.views.candidates import HOME
from opq_intranet.accounts.access import access
from opq_intranet.core.downloads import PDF, download_response
from opq_intranet.core.spreadsheets import FORMATS, spreadsheet_response
from opq_intranet.core.views.generic import REFUSED


def _page(request, form, lines, *, refused):
    start, end, body = form.period()
    context = {
        "form": form,
        "start": start,
        "end": end,
        "body": body,
        "totals": allowances.totals_by_appointee(lines),
        "grand_total": allowances.period_total(lines),
        "no_rate": sum(1 for line in lines if line.allowance.no_rate),
        "breadcrumbs": [(HOME[1], reverse(HOME[0])), (_("Allowances"), None)],
    }
    return render(request, "administrateurs/allowances.html", context, status=REFUSED if refused else 200)


@access(permissions.MANAGE_RULE)
def allowance_report(request):
    form = PeriodForm(request.GET or None)
    refused = form.is_bound and not form.is_valid()
    start, end, body = form.period()
    lines = allowances.period_lines(start, end, body=body)
    fmt = request.GET.get("export")
    if fmt in FORMATS and not refused:
        return spreadsheet_response(
            allowances.payment_rows(lines),
            fmt=fmt,
            basename=f"allocations-{start.isoformat()}-{end.isoformat()}",
            sheet_title=_("Allowances"),
        )
    return _page(request, form, lines, refused=refused)


@access(permissions.MANAGE_RULE)
def allowance_statement(request, pk):
    candidate = get_object_or_404(selectors.candidates(), pk=pk)
    form = PeriodForm(request.GET or None)
    if form.is_bound and not form.is_valid():  # the page says why, rather than another period's statement
        start, end, body = form.period()
        return _page(request, form, allowances.period_lines(start, end, body=body), refused=True)
    start, end, _body = form.period()
    lines = allowances.period_lines(start, end, candidate=candidate)
    content = statement_pdf(candidate, lines, start=start, end=end)
    return download_response(
        content,
        filename=f"releve-allocations-{candidate.last_name}-{start.isoformat()}-{end.isoformat()}.pdf",
        content_type=PDF,
    )
