"""The table of an indicator across orders and years, from the accepted returns.

Only accepted returns count, in their version in force (an accepted amendment replaces the
version it amends). Indicators are followed across years by their code. A derived
indicator is computed per order and year from its components, and system-wide from the
components' totals (a share of totals, not an average of shares).
"""

from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal

from bdsp.choices import ReturnStatus, ValueState, ValueType
from bdsp.formulas import evaluate, references
from bdsp.models import ReturnValue


@dataclass
class StatTable:
    code: str
    key: str
    label: str
    value_type: str
    years: list
    rows: list = field(default_factory=list)  # [(order, {year: Decimal | None})]
    totals: dict = field(default_factory=dict)  # {year: Decimal | None}, all orders
    reporting: dict = field(default_factory=dict)  # {year: number of orders with a figure}


def accepted_values(codes_keys, years, order_ids):
    """{(order id, year, code, key): number}: one query over the accepted returns in force."""
    codes = {code for code, _key in codes_keys}
    queryset = ReturnValue.objects.filter(
        indicator__code__in=codes,
        annual_return__status=ReturnStatus.ACCEPTED,
        annual_return__superseded=False,
        annual_return__reporting_year__year__in=years,
    )
    if order_ids:
        queryset = queryset.filter(annual_return__professional_order_id__in=order_ids)
    rows = queryset.values_list(
        "annual_return__professional_order_id",
        "annual_return__reporting_year__year",
        "indicator__code",
        "category_key",
        "state",
        "number",
    )
    wanted = set(codes_keys)
    found = {}
    for order_id, year, code, key, state, number in rows:
        if (code, key) not in wanted:
            continue
        found[(order_id, year, code, key)] = Decimal(0) if state == ValueState.NO_ACTIVITY else number
    return found


def indicator_table(indicator, key, years, orders):
    """The StatTable of one indicator (a selectors.FormIndicator) and category, per order and year."""
    needed = references(indicator.formula) if indicator.is_derived else [(indicator.code, key)]
    data = accepted_values(needed, years, [o.pk for o in orders] if orders is not None else None)
    order_ids = {order_id for order_id, *_rest in data}
    table = StatTable(indicator.code, key, indicator.label, indicator.value_type, list(years))
    shown_orders = orders if orders is not None else _orders(order_ids)
    for order in shown_orders:
        by_year = {}
        for year in years:
            if indicator.is_derived:
                by_year[year] = evaluate(indicator.formula, lambda c, k, o=order.pk, y=year: data.get((o, y, c, k)))
            else:
                by_year[year] = data.get((order.pk, year, indicator.code, key))
        if any(v is not None for v in by_year.values()):
            table.rows.append((order, by_year))
    for year in years:
        table.reporting[year] = sum(1 for _order, values in table.rows if values[year] is not None)
        if indicator.is_derived:
            sums = defaultdict(Decimal)
            present = set()
            for (_order_id, y, c, k), number in data.items():
                if y == year and number is not None:
                    sums[(c, k)] += number
                    present.add((c, k))
            table.totals[year] = evaluate(
                indicator.formula, lambda c, k, s=sums, p=present: s[(c, k)] if (c, k) in p else None
            )
        elif indicator.value_type == ValueType.PERCENTAGE:
            table.totals[year] = None  # a sum of percentages means nothing
        else:
            values = [row[1][year] for row in table.rows if row[1][year] is not None]
            table.totals[year] = sum(values, Decimal(0)) if values else None
    return table


def _orders(order_ids):
    from opq_intranet.core.models import ProfessionalOrder

    return list(ProfessionalOrder.objects.filter(pk__in=order_ids).order_by("name"))
