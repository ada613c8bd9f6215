"""Statistics of an indicator across orders and years, and their public release.

- `tables`: the table of one indicator and category, per order and year, from the accepted
  returns in force, with system-wide totals and the number of orders reporting;
- `suppression`: which figures a public release hides (primary and complementary);
- `release`: the public release of a table (every order, hidden figures as "x").
"""

from .release import SUPPRESSED, public_release
from .suppression import SMALL_CELL, TOTAL_ROW, hidden_cells, is_small, suppress, table_sums
from .tables import StatTable, accepted_values, indicator_table

__all__ = [
    "SMALL_CELL",
    "SUPPRESSED",
    "TOTAL_ROW",
    "StatTable",
    "accepted_values",
    "hidden_cells",
    "indicator_table",
    "is_small",
    "public_release",
    "suppress",
    "table_sums",
]
