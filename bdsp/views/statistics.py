"""Statistics of an indicator across orders and years: table, chart, exports."""

from django.shortcuts import render
from django.utils.translation import gettext as _

from bdsp import selectors, statistics
from bdsp.forms import StatisticsForm
from bdsp.statistics import exports
from opq_intranet.core.spreadsheets import FORMATS
from opq_intranet.core.templatetags.quebec import decimal

MAX_CHART_LINES = 8


def statistics_view(request):
    all_years = list(selectors.reporting_years())[::-1]  # oldest first
    if not all_years:
        return render(request, "bdsp/statistics.html", {"form": None})
    years = [y.year for y in all_years]
    # Indicators are followed by code; the latest year's form names them.
    definition = selectors.form_definition(all_years[-1])
    orders = selectors.orders_for_statistics()
    data = request.GET.copy()
    data.setdefault("start", str(max(years[0], years[-1] - 9)))
    data.setdefault("end", str(years[-1]))
    form = StatisticsForm(data if "indicator" in request.GET else None, form_definition=definition, orders=orders,
                          initial={"start": data["start"], "end": data["end"]})  # fmt: skip
    context = {"form": form, "table": None}
    if form.is_bound and form.is_valid():
        indicator = definition.indicators[form.cleaned_data["indicator"]]
        chosen = list(form.cleaned_data["orders"]) or None
        key = form.cleaned_data["category"] or ""
        years = list(range(form.cleaned_data["start"], form.cleaned_data["end"] + 1))
        public = request.GET.get("public") == "1"
        if public:  # every order: a release of some orders would publish subtotals
            table = statistics.public_release(indicator, key, years, definition)
        else:
            table = statistics.indicator_table(indicator, key, years, chosen)
        export = request.GET.get("export")
        if export in FORMATS:
            return exports.export_response(table, export, public=public, category_label=indicator.key_label(table.key))
        show = _formatter(table.value_type)
        context.update(
            table=table,
            lines=[(order, [show(values[y]) for y in table.years]) for order, values in table.rows],
            total_line=[show(table.totals.get(y)) for y in table.years],
            reporting_line=[table.reporting.get(y, 0) for y in table.years],
            category_label=indicator.key_label(table.key),
            chart=_chart(table, chosen),
            public=public,
        )
    return render(request, "bdsp/statistics.html", context)


def _formatter(value_type):
    """Cells formatted once in Python: a template include per cell costs too much at 460 cells."""
    places = {"money": 0, "percentage": 1, "decimal": 2}.get(value_type, 0)
    suffix = {"money": "\u00a0$", "percentage": "\u00a0%"}.get(value_type, "")

    def show(value):
        if value is None:
            return "—"
        if value == statistics.SUPPRESSED:
            return statistics.SUPPRESSED
        return decimal(value, places) + suffix

    return show


def _number(value):
    return float(value) if value is not None and value != statistics.SUPPRESSED else None


def _chart(table, chosen):
    datasets = []
    if chosen and len(table.rows) <= MAX_CHART_LINES:
        datasets = [{"label": order.name, "data": [_number(v[y]) for y in table.years]} for order, v in table.rows]
    elif any(table.totals.get(y) is not None for y in table.years):
        datasets = [{"label": str(_("All orders")), "data": [_number(table.totals.get(y)) for y in table.years]}]
    return {"labels": table.years, "datasets": datasets, "title": table.label}
