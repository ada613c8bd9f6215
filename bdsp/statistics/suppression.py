"""Which figures a public release hides, so that no published figure reveals a small count.

A released table shows, for a year, every order's figure and the total of all orders. An
indicator with categories is released category by category and as its total, so, for each
order, its categories and its total are all published. The sums anyone can rely on are:

- each category's (and the total's) column: the orders' figures add up to the total row;
- each order's categories add up to its total (when they do: an order may give only some).

Primary suppression hides every count from 1 to 4, totals included. Complementary
suppression then hides more, until no hidden figure can be computed from the published ones:
a sum with exactly one hidden figure gives it by subtraction, so a second one is hidden (the
smallest other count of that sum, an order's figure before a total, a positive count before a
zero); and since several sums together can give a figure that no single one gives (a
"bridge" between two blocks of hidden figures), every hidden figure is checked against all
the sums at once (it is given exactly when its unit vector lies in the row space of the sums'
coefficients on the hidden figures), and one more is hidden next to any that is given. Each
step hides one more figure, so it ends; with everything hidden, nothing is given.
"""

from collections import deque
from fractions import Fraction

SMALL_CELL = 5
# The row of the totals of all orders in a cell's id (order ids are positive).
TOTAL_ROW = -1


def is_small(value):
    """A count that could identify people: from 1 to 4."""
    return value is not None and 0 < value < SMALL_CELL


def table_sums(cells, keys):
    """(values, sums) of one year's table of an indicator.

    `cells`: {(order id, key): number or None}, key "" the order's total, the others its
    categories (`keys`). `values` adds the total row, `(TOTAL_ROW, key)`; `sums` are the
    published relations, each (parts, total), that hold in these figures."""
    values = {cell: value for cell, value in cells.items() if value is not None}
    sums = []
    for key in ["", *keys]:
        column = sorted(cell for cell in values if cell[1] == key)
        if column:
            values[(TOTAL_ROW, key)] = sum(values[cell] for cell in column)
            sums.append((tuple(column), (TOTAL_ROW, key)))
    if keys:
        for order in sorted({order for order, _key in cells if order != TOTAL_ROW}):
            total = values.get((order, ""))
            parts = tuple((order, key) for key in keys if (order, key) in values)
            if total is not None and parts and sum(values[part] for part in parts) == total:
                sums.append((parts, (order, "")))
    return values, sums


def hidden_cells(cells, keys, *, also=()):
    """The ids of the figures of one year's table that a public release hides (`also`: hidden
    for another reason, e.g. a share whose count is hidden)."""
    values, sums = table_sums(cells, keys)
    return suppress(values, sums, also=also)


def suppress(values, sums, *, also=()):
    """Primary and complementary suppression over `values` ({id: number}) and their published
    `sums` ([(parts, total)]); returns the set of hidden ids."""
    hidden = {cell for cell, value in values.items() if is_small(value)} | (set(also) & set(values))
    if not hidden:
        return hidden
    while True:
        _no_lone_hidden_figure(values, sums, hidden)
        if hidden >= values.keys():
            return hidden
        given = _given_by_the_sums(sums, hidden)
        if not given:
            return hidden
        _hide_next_to(given[0], values, sums, hidden)


def _candidate_order(values, cell, total):
    """Which published figure of a sum to hide first: an order's figure before a total, a
    positive count before a zero, the smallest, then a stable order."""
    value = values[cell]
    return (cell == total, value == 0, value, cell)


def _candidates(values, sum_, hidden):
    parts, total = sum_
    return sorted(
        (cell for cell in (*parts, total) if cell not in hidden), key=lambda c: _candidate_order(values, c, total)
    )


def _no_lone_hidden_figure(values, sums, hidden):
    """Until stable: every sum with exactly one hidden figure gets a second one."""
    changed = True
    while changed:
        changed = False
        for sum_ in sums:
            parts, total = sum_
            if sum(1 for cell in (*parts, total) if cell in hidden) == 1:
                candidates = _candidates(values, sum_, hidden)
                if candidates:
                    hidden.add(candidates[0])
                    changed = True


def _given_by_the_sums(sums, hidden):
    """The hidden ids that a combination of the published sums gives exactly (Gauss-Jordan
    elimination on the sums' coefficients over the hidden figures, in exact fractions)."""
    pivots = {}  # column -> its reduced row, {column: coefficient}, pivot coefficient 1
    for parts, total in sums:
        row = {}
        for cell in parts:
            if cell in hidden:
                row[cell] = row.get(cell, 0) + 1
        if total in hidden:
            row[total] = row.get(total, 0) - 1
        row = {cell: Fraction(c) for cell, c in row.items() if c}
        for column in [c for c in row if c in pivots]:
            factor = row.get(column, 0)
            if factor:
                for cell, coefficient in pivots[column].items():
                    row[cell] = row.get(cell, 0) - factor * coefficient
                row = {cell: c for cell, c in row.items() if c}
        if not row:
            continue
        column = min(row)
        lead = row[column]
        row = {cell: c / lead for cell, c in row.items()}
        for other, other_row in pivots.items():
            factor = other_row.get(column, 0)
            if factor:
                for cell, coefficient in row.items():
                    other_row[cell] = other_row.get(cell, 0) - factor * coefficient
                pivots[other] = {cell: c for cell, c in other_row.items() if c}
        pivots[column] = row
    return sorted(column for column, row in pivots.items() if len(row) == 1)


def _hide_next_to(cell, values, sums, hidden):
    """Hide one more figure in the nearest sum (through hidden figures) that has one to hide."""
    seen_sums, seen_cells = set(), {cell}
    queue = deque([cell])
    while queue:
        current = queue.popleft()
        for index, sum_ in enumerate(sums):
            parts, total = sum_
            if index in seen_sums or current not in (*parts, total):
                continue
            seen_sums.add(index)
            candidates = _candidates(values, sum_, hidden)
            if candidates:
                hidden.add(candidates[0])
                return
            for other in (*parts, total):
                if other in hidden and other not in seen_cells:
                    seen_cells.add(other)
                    queue.append(other)
    # Nothing left to hide around it: every figure it is summed with is hidden already.
    hidden.update(values)
