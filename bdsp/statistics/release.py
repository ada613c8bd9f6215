"""The public release of a statistic: what the public may see of an indicator's table.

It covers every order, whatever the analyst chose to look at: a release of some orders only
would publish a subtotal that, next to the release of all, gives the others away. Counts are
suppressed as `suppression` says, jointly over an indicator's categories and its total (they
are released separately, and an order's categories add up to its total); a figure derived
from a hidden count (a share of women whose number of women is hidden) is hidden too, and so
is the system-wide share when a total it is computed from is hidden. Amounts, decimals and
typed percentages are published as they are: they count no people.
"""

from bdsp.choices import ValueType
from bdsp.formulas import references
from bdsp.statistics.suppression import TOTAL_ROW, hidden_cells
from bdsp.statistics.tables import StatTable, accepted_values, indicator_table

SUPPRESSED = "x"


def public_release(indicator, key, years, form):
    """The StatTable of one indicator (a selectors.FormIndicator) and category, every order,
    with SUPPRESSED in place of each hidden figure; `form` is the FormDefinition that names
    the indicators a derived one reads."""
    table = indicator_table(indicator, key, years, None)
    hidden = _hidden(indicator, years, form, {})
    if indicator.is_derived and indicator.value_type == ValueType.INTEGER:
        # A derived count is a count: small ones hidden too, with what protects them.
        for year in years:
            cells = {(order.pk, ""): values[year] for order, values in table.rows}
            hidden[year] = hidden_cells(cells, [], also=hidden[year])
    rows = [
        (order, {y: SUPPRESSED if (order.pk, key) in hidden[y] else values[y] for y in years})
        for order, values in table.rows
    ]
    totals = {y: SUPPRESSED if (TOTAL_ROW, key) in hidden[y] else table.totals.get(y) for y in years}
    return StatTable(table.code, table.key, table.label, table.value_type, table.years, rows, totals, table.reporting)


def _hidden(indicator, years, form, cache):
    """{year: {(order id or TOTAL_ROW, key)}} of the indicator's hidden figures."""
    if indicator.code in cache:
        return cache[indicator.code]
    cache[indicator.code] = {year: set() for year in years}  # a formula that reads itself stops here
    if indicator.is_derived:
        hidden = {year: set() for year in years}
        for code, component_key in references(indicator.formula):
            component = form.indicators.get(code)
            if component is None:
                continue
            for year, cells in _hidden(component, years, form, cache).items():
                # The derived figure has no categories: its cells and total are (order, "").
                hidden[year] |= {(order, "") for order, k in cells if k == component_key}
    elif indicator.value_type == ValueType.INTEGER:
        keys = list(indicator.keys)
        data = accepted_values([(indicator.code, k) for k in ["", *keys]], years, None)
        by_year = {year: {} for year in years}
        for (order_id, year, _code, k), number in data.items():
            by_year[year][(order_id, k)] = number
        hidden = {year: hidden_cells(cells, keys) for year, cells in by_year.items()}
    else:
        hidden = {year: set() for year in years}
    cache[indicator.code] = hidden
    return hidden
