"""Gap-free, concurrency-safe numbering per series and year.

`next_number` increments the series' row with one `INSERT ... ON CONFLICT DO UPDATE`, which
takes the row lock until the caller's transaction ends: two clerks registering mail at the
same moment get consecutive numbers, and a registration that rolls back gives its number
back. It must therefore run inside the transaction that stores the numbered object.
"""

from django.db import connection
from django.utils import timezone

PERPETUAL = 0  # year value of series that never restart


class NumberingOutsideTransaction(RuntimeError):
    pass


def next_number(series, *, year=None):
    """The next number of `series` for `year` (the current year by default)."""
    if not connection.in_atomic_block:
        raise NumberingOutsideTransaction(
            "next_number() must run inside the transaction that saves the numbered object, "
            "otherwise a failed save leaves a gap."
        )
    if year is None:
        year = timezone.localdate().year
    with connection.cursor() as cursor:
        cursor.execute(
            """
            INSERT INTO core_numbersequence (series, year, last_value) VALUES (%s, %s, 1)
            ON CONFLICT (series, year)
            DO UPDATE SET last_value = core_numbersequence.last_value + 1
            RETURNING last_value
            """,
            [series, year],
        )
        return cursor.fetchone()[0]


def next_reference(series, *, prefix="", year=None, width=5):
    """A number formatted as people quote it: `prefix` + `2026-00042`."""
    if year is None:
        year = timezone.localdate().year
    number = next_number(series, year=year)
    return f"{prefix}{year}-{number:0{width}d}"


def reserve_numbers(series, count, *, year):
    """Reserve `count` consecutive numbers of `series` for `year` at once (bulk loads such as
    the seeded history): returns the first; the series goes on after the last."""
    if not connection.in_atomic_block:
        raise NumberingOutsideTransaction("reserve_numbers() must run inside the transaction that saves the objects.")
    with connection.cursor() as cursor:
        cursor.execute(
            """
            INSERT INTO core_numbersequence (series, year, last_value) VALUES (%s, %s, %s)
            ON CONFLICT (series, year)
            DO UPDATE SET last_value = core_numbersequence.last_value + EXCLUDED.last_value
            RETURNING last_value
            """,
            [series, year, count],
        )
        return cursor.fetchone()[0] - count + 1
