"""Row counts without scanning millions of rows."""

from django.db import connection


def estimated_count(model):
    """The planner's row estimate for the model's table (no scan); None if never analysed."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT reltuples::bigint FROM pg_class WHERE oid = %s::regclass", [model._meta.db_table])
        row = cursor.fetchone()
    if row is None or row[0] < 0:
        return None
    return row[0]
