"""The public release never lets anyone compute a hidden figure from the published ones.

A released table shows, for each year, every order's figure and the total of all orders; an
indicator with categories is released category by category and as its total, so an order's
categories and its total are published too. Counts from 1 to 4 are hidden (primary); then
enough other figures are hidden (complementary) that no hidden one can be recomputed, by
subtraction or by any combination of the published sums. A share derived from a hidden count
is hidden.
"""

import io
import random
from decimal import Decimal
from fractions import Fraction

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from bdsp import selectors, statistics
from bdsp.statistics import SUPPRESSED, TOTAL_ROW, hidden_cells
from opq_intranet.core.models import ProfessionalOrder
from tests.bdsp.test_statistics import accepted

# --- An attacker who knows the table's sums, written apart from the code it checks ---------------


def relations(cells, keys):
    """Every sum a released table publishes and that holds in these figures, as
    (parts, total): each key's column sums to its total row; an order's categories sum to its
    total (when they do: an order may give only some of them)."""
    values = {cell: value for cell, value in cells.items() if value is not None}
    found = []
    for key in ["", *keys]:
        column = [cell for cell in values if cell[1] == key]
        if column:
            values[(TOTAL_ROW, key)] = sum(values[cell] for cell in column)
            found.append((column, (TOTAL_ROW, key)))
    if keys:
        for order in {order for order, _key in cells}:
            parts = [(order, key) for key in keys if (order, key) in values]
            if parts and (order, "") in values and sum(values[p] for p in parts) == values[(order, "")]:
                found.append((parts, (order, "")))
    return values, found


def recomputed_by_subtraction(values, sums, hidden):
    """The hidden figures someone gets by solving, again and again, a sum with one unknown."""
    known = {cell: value for cell, value in values.items() if cell not in hidden}
    found = {}
    progress = True
    while progress:
        progress = False
        for parts, total in sums:
            unknown = [cell for cell in [*parts, total] if cell not in known]
            if len(unknown) != 1:
                continue
            [cell] = unknown
            parts_known = sum(known[p] for p in parts if p in known)
            known[cell] = known[total] - parts_known if cell != total else parts_known
            found[cell] = known[cell]
            progress = True
    return found


def determined_by_the_sums(sums, hidden):
    """The hidden cells any linear combination of the published sums gives exactly: those
    whose unit vector lies in the row space of the sums' coefficients on the hidden cells."""
    columns = sorted(hidden, key=repr)
    index = {cell: i for i, cell in enumerate(columns)}
    matrix = []
    for parts, total in sums:
        row = [Fraction(0)] * len(columns)
        for cell in parts:
            if cell in index:
                row[index[cell]] += 1
        if total in index:
            row[index[total]] -= 1
        if any(row):
            matrix.append(row)

    def rank(rows):
        rows = [list(r) for r in rows]
        r = 0
        for c in range(len(columns)):
            pivot = next((i for i in range(r, len(rows)) if rows[i][c] != 0), None)
            if pivot is None:
                continue
            rows[r], rows[pivot] = rows[pivot], rows[r]
            for i in range(len(rows)):
                if i != r and rows[i][c] != 0:
                    factor = rows[i][c] / rows[r][c]
                    rows[i] = [a - factor * b for a, b in zip(rows[i], rows[r], strict=True)]
            r += 1
        return r

    base = rank(matrix)
    determined = []
    for cell, i in index.items():
        unit = [Fraction(int(j == i)) for j in range(len(columns))]
        if rank([*matrix, unit]) == base:
            determined.append(cell)
    return determined


def assert_safe(cells, keys, hidden):
    values, sums = relations(cells, keys)
    for cell, value in values.items():
        if 0 < value < 5:
            assert cell in hidden, f"{cell} = {value} is published"
    assert set(hidden) <= set(values), "only figures that exist are hidden"
    assert recomputed_by_subtraction(values, sums, hidden) == {}
    assert determined_by_the_sums(sums, hidden) == []
    for parts, total in sums:
        assert len(hidden & {*parts, total}) != 1, f"one hidden figure in {parts} = {total}"


# --- Every shape of table, on the rule itself -------------------------------------------------------


def hide(cells, keys=()):
    hidden = hidden_cells({cell: None if v is None else Decimal(v) for cell, v in cells.items()}, list(keys))
    assert_safe({cell: None if v is None else Decimal(v) for cell, v in cells.items()}, list(keys), hidden)
    return hidden


def test_one_row_a_small_count_and_its_total_are_hidden():
    assert hide({(1, ""): 3}) == {(1, ""), (TOTAL_ROW, "")}


def test_one_row_a_large_count_is_published():
    assert hide({(1, ""): 29323}) == set()


def test_one_column_the_smallest_other_count_is_hidden_with_the_small_one():
    hidden = hide({(1, ""): 29000, (2, ""): 4100, (3, ""): 3})
    assert hidden == {(3, ""), (2, "")}  # the total stays published


def test_a_small_count_with_no_other_count_to_hide_hides_the_total():
    # The other orders have 0: hiding a zero would not help, the total (3) gives it away.
    hidden = hide({(1, ""): 3, (2, ""): 0, (3, ""): 0})
    assert hidden == {(1, ""), (TOTAL_ROW, "")}


def test_a_large_count_hidden_to_protect_another_cannot_be_recomputed_either():
    hidden = hide({(1, ""): 3, (2, ""): 250, (3, ""): None})
    assert hidden == {(1, ""), (2, "")}


def test_a_total_from_1_to_4_is_hidden():
    hidden = hide({(1, ""): 1, (2, ""): 1, (3, ""): 0})
    assert (TOTAL_ROW, "") in hidden
    assert hidden >= {(1, ""), (2, "")}


def test_zeros_are_published_and_a_positive_count_is_hidden_before_a_zero():
    hidden = hide({(1, ""): 3, (2, ""): 0, (3, ""): 12, (4, ""): 40})
    assert hidden == {(1, ""), (3, "")}


def test_no_small_count_nothing_hidden():
    assert hide({(1, ""): 0, (2, ""): 5, (3, ""): 0}) == set()


def test_an_orders_categories_and_total_protect_each_other():
    # Order 1 has 3 women among 503 members: publishing its men (500) and its total would
    # give the women away, and the column of women gives order 2's away.
    cells = {(1, ""): 503, (1, "f"): 3, (1, "h"): 500, (2, ""): 900, (2, "f"): 450, (2, "h"): 450}
    hidden = hide(cells, ["f", "h"])
    assert (1, "f") in hidden
    assert len(hidden & {(1, "h"), (1, "")}) >= 1
    assert len(hidden & {(2, "f"), (TOTAL_ROW, "f")}) >= 1


def test_an_order_that_gives_only_part_of_its_categories():
    cells = {(1, ""): 100, (1, "f"): 3, (1, "h"): None, (2, ""): 80, (2, "f"): 40, (2, "h"): 40}
    hide(cells, ["f", "h"])


def test_a_pattern_that_lines_alone_do_not_protect():
    # Every line of this table has two hidden figures or none, yet summing the lines of the
    # first block gives its bridge away: the release must see it and hide more.
    cells = {
        (1, ""): 10, (1, "a"): 3, (1, "b"): 7, (1, "c"): 0,
        (2, ""): 10, (2, "a"): 3, (2, "b"): 7, (2, "c"): 0,
        (3, ""): 20, (3, "a"): 0, (3, "b"): 10, (3, "c"): 10,
    }  # fmt: skip
    hide(cells, ["a", "b", "c"])


@pytest.mark.parametrize("seed", range(150))
def test_no_random_table_lets_a_hidden_figure_be_computed(seed):
    rng = random.Random(seed)
    keys = [f"k{i}" for i in range(rng.choice([0, 0, 1, 2, 3, 4]))]
    orders = range(1, rng.randint(1, 7) + 1)
    cells = {}

    def figure():
        return rng.choice([None, 0, 0, 1, 2, 3, 4, 5, 6, rng.randint(5, 60), rng.randint(100, 30000)])

    for order in orders:
        if keys:
            parts = {key: figure() for key in keys}
            for key, value in parts.items():
                cells[(order, key)] = value
            present = [v for v in parts.values() if v is not None]
            roll = rng.random()
            if roll < 0.7 and present:
                cells[(order, "")] = sum(present)  # consistent
            elif roll < 0.85:
                cells[(order, "")] = figure()  # given, not matching (a part missing, an error)
            else:
                cells[(order, "")] = None
        else:
            cells[(order, "")] = figure()
    hide(cells, keys)


# --- The released tables -------------------------------------------------------------------------


@pytest.fixture
def years(draft_form):
    from bdsp import services

    return {2025: draft_form, 2026: services.form_copy(source=draft_form, year=2026)}


def release(years, code, key="", span=(2025, 2026)):
    form = selectors.form_definition(years[2026])
    return statistics.public_release(form.indicators[code], key, list(range(span[0], span[1] + 1)), form)


def by_order(table):
    return {order.code: values for order, values in table.rows}


def assert_table_safe(table):
    """What the release publishes, for each year: no hidden count can be recomputed from the
    orders' published figures and the published total."""
    for year in table.years:
        cells = {
            (order.pk, ""): values[year]
            for order, values in table.rows
            if values[year] is not None and values[year] != SUPPRESSED
        }
        known = sum(cells.values(), Decimal(0))
        hidden = [values[year] for _o, values in table.rows if values[year] == SUPPRESSED]
        if table.totals[year] not in (None, SUPPRESSED):
            assert len(hidden) != 1, f"{year}: the total gives the hidden figure: {table.totals[year] - known}"
        for value in cells.values():
            assert not 0 < value < 5


def test_release_hides_the_total_when_it_is_a_small_count(years):
    accepted("sages-femmes", years[2026], {("membres-fin", ""): 3})
    accepted("notaires", years[2026], {("membres-fin", ""): 0})
    table = release(years, "membres-fin")
    assert by_order(table)["sages-femmes"][2026] == SUPPRESSED
    assert table.totals[2026] == SUPPRESSED  # 3 + 0: the total is the hidden figure
    assert_table_safe(table)


def test_release_over_several_years_each_year_on_its_own(years):
    accepted("barreau", years[2025], {("membres-fin", ""): 28000})
    accepted("notaires", years[2025], {("membres-fin", ""): 4000})
    accepted("barreau", years[2026], {("membres-fin", ""): 29000})
    accepted("notaires", years[2026], {("membres-fin", ""): 4100})
    accepted("sages-femmes", years[2026], {("membres-fin", ""): 3})
    table = release(years, "membres-fin")
    rows = by_order(table)
    assert rows["barreau"] == {2025: 28000, 2026: 29000}
    assert rows["notaires"] == {2025: 4000, 2026: SUPPRESSED}
    assert rows["sages-femmes"] == {2025: None, 2026: SUPPRESSED}
    assert table.totals == {2025: 32000, 2026: 33103}
    assert_table_safe(table)


def test_a_category_release_protects_what_the_total_release_shows(years):
    """The women of an order are hidden; its men must be too, since its total is published."""
    accepted("sages-femmes", years[2026], {("membres-sexe", ""): 503, ("membres-sexe", "f"): 500,
                                           ("membres-sexe", "h"): 3})  # fmt: skip
    accepted("notaires", years[2026], {("membres-sexe", ""): 4100, ("membres-sexe", "f"): 2700,
                                       ("membres-sexe", "h"): 1400})  # fmt: skip
    accepted("barreau", years[2026], {("membres-sexe", ""): 29000, ("membres-sexe", "f"): 16000,
                                      ("membres-sexe", "h"): 13000})  # fmt: skip
    men, women, total = (release(years, "membres-sexe", key, (2026, 2026)) for key in ("h", "f", ""))
    published = {}
    for key, table in (("h", men), ("f", women), ("", total)):
        assert_table_safe(table)
        for order, values in table.rows:
            published[(order.code, key)] = values[2026]
    assert published[("sages-femmes", "h")] == SUPPRESSED
    # Neither her total nor her women may then both be published.
    assert SUPPRESSED in (published[("sages-femmes", "f")], published[("sages-femmes", "")])


def test_a_share_derived_from_a_hidden_count_is_hidden(years):
    accepted("sages-femmes", years[2026], {("membres-fin", ""): 503, ("membres-sexe", "f"): 3})
    accepted("notaires", years[2026], {("membres-fin", ""): 4100, ("membres-sexe", "f"): 2700})
    accepted("barreau", years[2026], {("membres-fin", ""): 29000, ("membres-sexe", "f"): 16000})
    share = release(years, "part-femmes", "", (2026, 2026))
    rows = by_order(share)
    assert rows["sages-femmes"][2026] == SUPPRESSED  # 3 / 503 with 503 published: the 3 again
    assert rows["notaires"][2026] == SUPPRESSED  # its women are hidden to protect the 3
    assert rows["barreau"][2026].quantize(Decimal("0.01")) == Decimal("55.17")
    assert share.totals[2026] != SUPPRESSED  # the total of women stays published


def test_a_system_share_of_a_hidden_total_is_hidden(years):
    accepted("sages-femmes", years[2026], {("membres-fin", ""): 503, ("membres-sexe", "f"): 3})
    share = release(years, "part-femmes", "", (2026, 2026))
    assert share.totals[2026] == SUPPRESSED


def test_the_release_covers_every_order_whatever_the_selection(make_client, analyst, years):
    """A release of some orders only would publish a subtotal that, next to the full one, gives
    the others away: the public export always covers every order."""
    accepted("sages-femmes", years[2026], {("membres-fin", ""): 3})
    accepted("notaires", years[2026], {("membres-fin", ""): 4100})
    accepted("barreau", years[2026], {("membres-fin", ""): 29000})
    notaires = ProfessionalOrder.objects.get(code="notaires")
    params = {"indicator": "membres-fin", "category": "", "start": 2026, "end": 2026, "orders": [notaires.pk],
              "export": "xlsx", "public": "1"}  # fmt: skip
    response = make_client(analyst).get(reverse("bdsp:statistics"), params)
    sheet = load_workbook(io.BytesIO(response.content)).active
    rows = {row[0]: row[1:] for row in sheet.iter_rows(values_only=True)}
    assert rows["Ordre des sages-femmes du Québec"][0] == SUPPRESSED
    assert rows["Chambre des notaires du Québec"][0] == SUPPRESSED
    assert rows["Barreau du Québec"][0] == 29000
    assert rows["Total"][0] == 33103


def test_amounts_are_published_as_they_are(years):
    accepted("chimistes", years[2026], {("revenus", ""): 3})
    table = release(years, "revenus", "", (2026, 2026))
    assert by_order(table)["chimistes"][2026] == 3
