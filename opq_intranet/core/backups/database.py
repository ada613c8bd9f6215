"""The database side of a set: pg_dump / pg_restore (Debian's postgresql-client) and the
inventory they are checked against (tables, row counts, migration state).

Everything takes a connection dict shaped like Django's settings_dict (NAME, USER, PASSWORD,
HOST, PORT), so the restore drill can aim at a fresh database without touching the settings.
"""

import os
import shutil
import subprocess
from contextlib import contextmanager

import psycopg
from psycopg import sql


class ToolMissingError(RuntimeError):
    pass


def _tool(name):
    path = shutil.which(name)
    if not path:
        raise ToolMissingError(f"{name} not found: install Debian's postgresql-client (scripts/system-deps.sh)")
    return path


def _libpq_args(db):
    args = ["--dbname", db["NAME"]]
    if db.get("HOST"):
        args += ["--host", str(db["HOST"])]
    if db.get("PORT"):
        args += ["--port", str(db["PORT"])]
    if db.get("USER"):
        args += ["--username", db["USER"]]
    return args


def _env(db):
    env = dict(os.environ)
    if db.get("PASSWORD"):
        env["PGPASSWORD"] = db["PASSWORD"]  # never on the command line, where ps shows it
    return env


def connect(db, dbname=None, **kwargs):
    return psycopg.connect(
        dbname=dbname or db["NAME"],
        user=db.get("USER") or None,
        password=db.get("PASSWORD") or None,
        host=db.get("HOST") or None,
        port=db.get("PORT") or None,
        **kwargs,
    )


def tables(cursor):
    cursor.execute(
        "SELECT table_name FROM information_schema.tables"
        " WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name"
    )
    return [row[0] for row in cursor.fetchall()]


def row_counts(cursor):
    counts = {}
    for table in tables(cursor):
        cursor.execute(sql.SQL("SELECT count(*) FROM {}").format(sql.Identifier(table)))
        counts[table] = cursor.fetchone()[0]
    return counts


def migration_state(cursor):
    """The latest applied migration of each app (names are numbered, so max() is the latest)."""
    if "django_migrations" not in tables(cursor):
        return {}
    cursor.execute("SELECT app, max(name) FROM django_migrations GROUP BY app ORDER BY app")
    return dict(cursor.fetchall())


@contextmanager
def snapshot(db):
    """An open REPEATABLE READ transaction and its exported snapshot: the counts taken in it and
    the dump taken with `pg_dump --snapshot` see exactly the same rows, even under writes."""
    with connect(db) as conn:
        conn.isolation_level = psycopg.IsolationLevel.REPEATABLE_READ
        conn.read_only = True
        with conn.transaction(), conn.cursor() as cursor:
            cursor.execute("SELECT pg_export_snapshot()")
            yield cursor, cursor.fetchone()[0]


def dump(db, snapshot_id, path):
    """Custom-format dump (-Fc: compressed, restorable table by table) of the snapshot."""
    subprocess.run(  # noqa: S603 - fixed tool, argument list, no shell
        [_tool("pg_dump"), "--format=custom", f"--snapshot={snapshot_id}", "--file", str(path), *_libpq_args(db)],
        env=_env(db),
        check=True,
        capture_output=True,
        text=True,
    )


def restore(db, path):
    """pg_restore in one transaction: an error leaves the target as empty as it was."""
    subprocess.run(  # noqa: S603 - fixed tool, argument list, no shell
        [
            _tool("pg_restore"),
            *("--no-owner", "--no-privileges", "--exit-on-error", "--single-transaction"),
            *_libpq_args(db),
            str(path),
        ],
        env=_env(db),
        check=True,
        capture_output=True,
        text=True,
    )


def inventory(db):
    with connect(db, autocommit=True) as conn, conn.cursor() as cursor:
        return {"row_counts": row_counts(cursor), "migrations": migration_state(cursor)}


def our_tables(db):
    with connect(db, autocommit=True) as conn, conn.cursor() as cursor:
        return tables(cursor)


def create_database(db, name):
    with connect(db, dbname="postgres", autocommit=True) as conn:
        conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))


def drop_database(db, name):
    with connect(db, dbname="postgres", autocommit=True) as conn:
        conn.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name)))
