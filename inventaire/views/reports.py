"""The depreciation report for the finance team: on the page, and as CSV or XLSX through core's
spreadsheet helper (`?export=csv|xlsx`)."""

from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _

from inventaire import permissions, selectors
from inventaire.forms.reports import FiscalYearForm
from inventaire.selectors.depreciation import FIELDS
from inventaire.views.assets import HOME
from opq_intranet.accounts.access import access
from opq_intranet.core.spreadsheets import FORMATS, spreadsheet_response
from opq_intranet.core.views.generic import REFUSED


def column_labels():
    return [
        _("Cost at the opening"),
        _("Acquisitions"),
        _("Disposals"),
        _("Cost at the close"),
        _("Accumulated depreciation at the opening"),
        _("Depreciation of the year"),
        _("Depreciation of the disposals"),
        _("Accumulated depreciation at the close"),
        _("Net book value at the opening"),
        _("Net book value at the close"),
    ]


def _rows(report):
    rows = [[_("Category"), _("Assets"), *column_labels()]]
    for row in [*report.rows, report.total]:
        rows.append([row.label or _("Total"), row.assets, *(row.figures[name] for name in FIELDS)])
    return rows


@access(permissions.MANAGE_RULE)
def depreciation(request):
    form = FiscalYearForm(request.GET or None)
    refused = form.is_bound and not form.is_valid()
    report = selectors.depreciation_report(form.year_or_default())
    fmt = request.GET.get("export")
    if fmt in FORMATS and not refused:
        return spreadsheet_response(
            _rows(report), fmt=fmt, basename=f"amortissement-{report.label}", sheet_title=report.label
        )
    context = {
        "form": form,
        "report": report,
        "columns": column_labels(),
        "fields": FIELDS,
        "breadcrumbs": [(HOME[1], reverse(HOME[0])), (_("Depreciation"), None)],
    }
    return render(request, "inventaire/depreciation.html", context, status=REFUSED if refused else 200)
