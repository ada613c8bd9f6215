"""The Bureau's reports (not object pages): the art. 115.8 compilation, the yearly report and
the reconciliation with the orders' BDSP returns, each as a page, a PDF and a workbook
(`?export=pdf|xlsx`). Everyone with the app reads them: they hold figures and case numbers."""

from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _

from discipline import exports, selectors
from discipline.forms import CompilationForm, ReconciliationForm, YearForm
from opq_intranet.core.downloads import PDF, XLSX, download_response

EXPORTS = ("pdf", "xlsx")


def _export(request):
    value = request.GET.get("export", "")
    return value if value in EXPORTS else ""


def _file(kind, content, basename):
    return download_response(content, filename=f"{basename}.{kind}", content_type=PDF if kind == "pdf" else XLSX)


def _invalid(request, template, form):
    return render(request, template, {"form": form}, status=422)


def compilation(request):
    form = CompilationForm(request.GET or {}, max_months=selectors.MAX_MONTHS)
    if not form.is_valid():
        return _invalid(request, "discipline/reports/compilation.html", form)
    first, last, council = form.cleaned_data["first"], form.cleaned_data["last"], form.cleaned_data["council"]
    report = selectors.compilation(first, last, council=council)
    title = _("Art. 115.8 compilation")
    subtitle = _("%(council)s, %(first)s to %(last)s") % {
        "council": council or _("all councils"),
        "first": f"{report.first:%Y-%m}",
        "last": f"{report.last:%Y-%m}",
    }
    kind = _export(request)
    basename = f"compilation-115-8-{report.first:%Y-%m}-{report.last:%Y-%m}"
    if kind == "pdf":
        return _file(kind, exports.tables_pdf(title, subtitle, report.tables()), basename)
    if kind == "xlsx":
        return _file(
            kind, exports.tables_xlsx(report.tables(), extra_sheets=[exports.heard_sheet(report.heard)]), basename
        )
    context = {"form": form, "report": report, "tables": report.tables(), "title": title, "subtitle": subtitle}
    return render(request, "discipline/reports/compilation.html", context)


def yearly(request):
    form = YearForm(request.GET or {})
    if not form.is_valid():
        return _invalid(request, "discipline/reports/yearly.html", form)
    report = selectors.yearly_report(form.cleaned_data["year"])
    title = _("Yearly report %(year)s") % {"year": report.label}
    subtitle = _("Fiscal year from %(first)s to %(last)s") % {"first": report.first, "last": report.last}
    kind = _export(request)
    basename = f"rapport-annuel-discipline-{report.label}"
    if kind == "pdf":
        return _file(kind, exports.tables_pdf(title, subtitle, report.tables()), basename)
    if kind == "xlsx":
        return _file(kind, exports.tables_xlsx(report.tables()), basename)
    context = {
        "form": form,
        "report": report,
        "tables": report.tables(),
        "charts": report.charts(),
        "title": title,
        "subtitle": subtitle,
    }
    return render(request, "discipline/reports/yearly.html", context)


def reconciliation(request):
    default = selectors.fiscal_year_of(timezone.localdate()) - 1  # the last year whose returns are in
    form = ReconciliationForm(request.GET or {}, default=default)
    if not form.is_valid():
        return _invalid(request, "discipline/reports/reconciliation.html", form)
    year, council = form.cleaned_data["year"], form.cleaned_data["council"]
    label = selectors.fiscal_year_label(year)
    if council is None:
        context = {"form": form, "year": year, "label": label, "results": selectors.reconciliation(year)}
        return render(request, "discipline/reports/reconciliation.html", context)
    result = selectors.order_reconciliation(year, council)
    title = _("Reconciliation with the BDSP %(year)s: %(council)s") % {"year": label, "council": council}
    kind = _export(request)
    basename = f"rapprochement-bdsp-{label}-conseil-{council.number:02d}"
    if kind == "pdf":
        return _file(kind, exports.reconciliation_pdf(result, title), basename)
    if kind == "xlsx":
        return _file(kind, exports.rows_xlsx(_("Reconciliation"), exports.reconciliation_rows(result)), basename)
    context = {"form": form, "year": year, "label": label, "result": result, "title": title}
    return render(request, "discipline/reports/reconciliation_order.html", context)
