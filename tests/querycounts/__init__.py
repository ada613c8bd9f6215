"""Exact query counts per page, recorded in one JSON file per URL namespace (NetBox, Zulip).

    def test_registry(assert_query_count, make_client, mail_clerk):
        client = make_client(mail_clerk)
        client.get(url)  # warm the session: its first write is not the page's
        with assert_query_count("courrier:item_list"):
            client.get(url)

    def test_registry_with_10_and_100_rows(assert_constant_queries, make_client, mail_clerk):
        assert_constant_queries("courrier:item_list", make_client(mail_clerk), url, make_rows)

The count of `courrier:item_list` lives in `tests/querycounts/courrier.json`: the file is the
URL name's namespace (`bdsp_portal:return_list` is in `bdsp_portal.json`), the key the full
URL name. A page whose count depends on who looks at it or on its filters gets a variant,
`assert_query_count("courrier:item_list", variant="filtered")`, recorded under
`"courrier:item_list [filtered]"`.

`UPDATE_QUERY_COUNTS=1 pytest ...` writes the counts measured instead of failing (only the
names measured in that run change). Under pytest-xdist each worker sends its measurements to
the controller, which writes once at the end; writes take a lock on each file.

`tests/test_query_counts.py` fails when a list, detail or history page (or one of ALSO_REQUIRED)
has no count, and when a recorded count is asserted by no test.
"""

import fcntl
import json
import os
from contextlib import contextmanager
from pathlib import Path

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

DIRECTORY = Path(__file__).parent
UPDATE_VARIABLE = "UPDATE_QUERY_COUNTS"

# Pages that must have a count although their name ends in none of _list, _detail, _history.
ALSO_REQUIRED = {
    "core:dashboard",
    "core:search",
    "core:calendar",
    "core:portal",
    "bdsp:campaign",
    "bdsp:statistics",
    "documents:plan",
    "documents:search",
    "courrier:mandate_due",
}

# URL names (fnmatch patterns) the walker does not ask a count for, each with its reason.
EXEMPT = {
    "admin:*": "the Django admin: Django's own pages, for IT only",
    "bdsp_api:*": "the JSON API: its tests check its answers, not pages (DRF serializers)",
}


def update_requested():
    return os.environ.get(UPDATE_VARIABLE, "") not in ("", "0")


def key_for(name, variant=None):
    return f"{name} [{variant}]" if variant else name


def url_name_of(key):
    return key.split(" [", 1)[0]


def file_for(name, directory=DIRECTORY):
    namespace, sep, _rest = name.partition(":")
    if not sep or not namespace:
        raise ValueError(f"{name!r}: a recorded URL name needs its namespace (e.g. 'core:dashboard')")
    return directory / f"{namespace}.json"


def load_counts(directory=DIRECTORY):
    counts = {}
    for path in sorted(directory.glob("*.json")):
        counts.update(json.loads(path.read_text()))
    return counts


def dumps(counts):
    return json.dumps(counts, indent=2, sort_keys=True, ensure_ascii=False) + "\n"


def write_counts(measured, directory=DIRECTORY):
    """Merge {key: count} into the JSON files, each under an exclusive lock (runs at once)."""
    by_file = {}
    for key, count in measured.items():
        by_file.setdefault(file_for(url_name_of(key), directory), {})[key] = count
    for path, counts in sorted(by_file.items()):
        fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
        with os.fdopen(fd, "r+", encoding="utf-8") as handle:
            fcntl.flock(handle, fcntl.LOCK_EX)
            text = handle.read()
            current = json.loads(text) if text.strip() else {}
            current.update(counts)
            handle.seek(0)
            handle.truncate()
            handle.write(dumps(current))
    return sorted(by_file)


def up_to(create):
    """make_rows for assert_constant_queries from create(count), which adds count rows."""
    made = 0

    def make_rows(total):
        nonlocal made
        if total > made:
            create(total - made)
            made = total

    return make_rows


def format_queries(queries):
    return "\n".join(f"{n}. {q['sql']}" for n, q in enumerate(queries, start=1))


class QueryCountRecorder:
    """Compares each measured count with the recorded one, or keeps it for writing."""

    def __init__(self, counts, *, update=False):
        self.counts = counts
        self.update = update
        self.measured = {}  # key -> (count, test id), this process only
        self.conflicts = []  # one key measured with two counts: nothing is written
        self.written = []

    @contextmanager
    def expect(self, name, *, variant=None, at_most=None, where=""):
        key = key_for(name, variant)
        file_for(name)  # a name without a namespace fails before the page is fetched
        with CaptureQueriesContext(connection) as captured:
            yield captured
        self.check(key, captured.captured_queries, at_most=at_most, where=where)

    def check(self, key, queries, *, at_most=None, where=""):
        count = len(queries)
        if at_most is not None and count > at_most:
            pytest.fail(
                f"{key}: {count} queries, more than the page's budget of {at_most}.\n"
                f"Queries:\n{format_queries(queries)}",
                pytrace=False,
            )
        if self.update:
            previous = self.measured.get(key)
            if previous and previous[0] != count:
                self.conflicts.append(f"{key}: {count} queries in {where}, {previous[0]} in {previous[1]}")
                pytest.fail(
                    f"{key}: {count} queries here, {previous[0]} in {previous[1]}: one page, one count. "
                    f"Give one of them a variant (assert_query_count(..., variant=...)).\n"
                    f"Queries:\n{format_queries(queries)}",
                    pytrace=False,
                )
            self.measured[key] = (count, where)
            return
        expected = self.counts.get(key)
        if expected is None:
            pytest.fail(
                f"{key}: no query count recorded in tests/querycounts/{file_for(url_name_of(key)).name}. "
                f"Record it with: {UPDATE_VARIABLE}=1 .venv/bin/pytest {where.split('::')[0] or '<this test file>'}\n"
                f"({count} queries measured)\nQueries:\n{format_queries(queries)}",
                pytrace=False,
            )
        if count != expected:
            pytest.fail(
                f"{key}: {count} queries, {expected} recorded in tests/querycounts/"
                f"{file_for(url_name_of(key)).name}. If the change is intended, re-record with "
                f"{UPDATE_VARIABLE}=1.\nQueries:\n{format_queries(queries)}",
                pytrace=False,
            )

    def constant(
        self,
        name,
        client,
        url,
        make_rows,
        *,
        variant=None,
        params=None,
        per_page=True,
        at_most=None,
        sizes=(10, 100),
        where="",
    ):
        """The page costs the same with 10 rows as with 100, and that is the recorded count.

        make_rows(n) brings the rows the page shows to n in total (it is called with 10, then
        100). The page is fetched once before any row is made; then for each size, once to
        warm the session and caches, and once measured, with params and
        per_page=n (per_page=False for a page that does not paginate, e.g. a detail page).
        at_most: a budget the count must also keep (DESIGN.md's 12 queries). Returns the
        last response.
        """
        measured = []
        response = None
        # Once before any row: in a test's transaction, the history context a request sets (its
        # user) stays for the writes after it, so the rows made for each size are written alike.
        client.get(url, params or {})
        for size in sizes:
            make_rows(size)
            query = {**({"per_page": size} if per_page else {}), **(params or {})}
            client.get(url, query)  # the session's first write, forms cached in memory...
            with CaptureQueriesContext(connection) as captured:
                response = client.get(url, query)
            assert response.status_code == 200, f"{url}: {response.status_code}"
            measured.append((size, captured.captured_queries))
        counts = {size: len(queries) for size, queries in measured}
        if len(set(counts.values())) != 1:
            (small, few), (large, many) = measured[0], measured[-1]
            pytest.fail(
                f"{key_for(name, variant)}: the query count grows with the rows ({counts}): an N+1 query. "
                f"Queries with {small} rows:\n{format_queries(few)}\n\nQueries with {large} rows:\n"
                f"{format_queries(many)}",
                pytrace=False,
            )
        self.check(key_for(name, variant), measured[-1][1], at_most=at_most, where=where)
        return response
