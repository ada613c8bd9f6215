"""Statistics of an indicator across orders and years: table, chart, exports."""

from django.shortcuts import render
from django.utils.translation import gettext as _

from bdsp import selectors, statistics
from bdsp.forms import StatisticsForm
from opq_intranet.core.spreadsheets import FORMATS, spreadsheet_response
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
        table = statistics.indicator_table(
            indicator,
            form.cleaned_data["category"] or "",
            list(range(form.cleaned_data["start"], form.cleaned_data["end"] + 1)),
            chosen,
        )
        public = request.GET.get("public") == "1"
        if public:
            table = statistics.for_public_release(table)
        export = request.GET.get("export")
        if export in FORMATS:
            return _export(table, export, public, indicator.key_label(table.key))
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


def _rows(table, category_label, public):
    title = table.label + (f" — {category_label}" if category_label else "")
    yield [title]
    yield [str(_("Professional order")), *table.years]
    for order, values in table.rows:
        yield [order.name, *[_cell(values[y]) for y in table.years]]
    yield [str(_("Total")), *[_cell(table.totals.get(y)) for y in table.years]]
    if public:
        yield [str(_("x: fewer than 5, or hidden so that a total does not reveal a small count."))]
    yield [str(_("Source: annual returns of the professional orders, accepted by the Office."))]


def _cell(value):
    """A number stays a number (29323, not "29323.0": the writer drops an integral float's .0)."""
    if value is None or value == statistics.SUPPRESSED:
        return value
    return float(value)


def _export(table, fmt, public, category_label):
    basename = f"bdsp-{table.code}{'-diffusion' if public else ''}"
    rows = _rows(table, category_label, public)
    return spreadsheet_response(rows, fmt=fmt, basename=basename, sheet_title=table.code, dated=True)
