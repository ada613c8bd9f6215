"""Every list and detail page has an exact query count, every count is asserted by a test, and
the kit (tests/querycounts/) fails, prints and records as it says."""

import fnmatch
import json
import re
from pathlib import Path
from types import SimpleNamespace

import pytest
from django.db import connection

from tests.querycounts import (
    ALSO_REQUIRED,
    DIRECTORY,
    EXEMPT,
    QueryCountRecorder,
    dumps,
    file_for,
    load_counts,
    up_to,
    url_name_of,
    write_counts,
)
from tests.querycounts.plugin import RECORDER, WORKER_OUTPUT, pytest_testnodedown
from tests.urlwalk import all_routes

TESTS = Path(__file__).parent
KIT_SOURCES = {Path(__file__), *DIRECTORY.glob("*.py")}


def exemption(name):
    return next((reason for pattern, reason in EXEMPT.items() if fnmatch.fnmatchcase(name, pattern)), None)


def route_names():
    return {route.name for route in all_routes()}


def required_names():
    return sorted(
        name
        for name in route_names()
        if (name.endswith(("_list", "_detail", "_history")) or name in ALSO_REQUIRED) and not exemption(name)
    )


def test_every_list_and_detail_page_has_a_recorded_count():
    recorded = {url_name_of(key) for key in load_counts()}
    missing = [name for name in required_names() if name not in recorded]
    assert not missing, (
        "These pages have no query count: add a test with assert_query_count or assert_constant_queries "
        "(tests/<app>/test_query_counts.py), record it with UPDATE_QUERY_COUNTS=1, or give a reason in "
        "tests/querycounts EXEMPT:\n  " + "\n  ".join(missing)
    )


def test_every_recorded_count_is_asserted_by_a_test():
    sources = {
        path: text
        for path in TESTS.rglob("*.py")
        if path not in KIT_SOURCES
        and ("assert_query_count" in (text := path.read_text()) or "assert_constant_queries" in text)
    }
    unasserted = []
    for key in sorted(load_counts()):
        name = url_name_of(key)
        variant = re.fullmatch(r".* \[(.*)\]", key)
        needles = [f'"{name}"'] + ([f'"{variant.group(1)}"'] if variant else [])
        if not any(all(needle in text for needle in needles) for text in sources.values()):
            unasserted.append(key)
    assert not unasserted, (
        "These recorded counts are asserted by no test (no test file using the kit names them): remove "
        "them from "
        "tests/querycounts/*.json or assert them:\n  " + "\n  ".join(unasserted)
    )


def test_every_recorded_name_is_a_page_of_the_project_in_its_namespace_file():
    names = route_names()
    for path in sorted(DIRECTORY.glob("*.json")):
        for key in json.loads(path.read_text()):
            assert url_name_of(key) in names, f"{path.name}: {key} is no URL name of the project"
            assert file_for(url_name_of(key)) == path, f"{key} belongs in {file_for(url_name_of(key)).name}"


def test_the_exemptions_and_extra_pages_name_real_urls():
    names = route_names()
    assert all(reason.strip() for reason in EXEMPT.values())
    for pattern in EXEMPT:
        assert fnmatch.filter(names, pattern), f"EXEMPT {pattern!r} matches no URL name"
    assert not ALSO_REQUIRED - names, ALSO_REQUIRED - names


def test_the_files_are_written_as_the_kit_writes_them():
    for path in sorted(DIRECTORY.glob("*.json")):
        text = path.read_text()
        counts = json.loads(text)
        assert text == dumps(counts), f"{path.name}: sorted keys, 2-space indent, trailing newline"
        assert all(isinstance(count, int) and count > 0 for count in counts.values()), path.name


# --- The kit itself ---------------------------------------------------------------------------------


def sql(*statements):
    return [{"sql": statement, "time": "0.000"} for statement in statements]


def test_a_different_count_fails_with_every_statement_numbered():
    recorder = QueryCountRecorder({"core:dashboard": 1})
    with pytest.raises(pytest.fail.Exception) as failure:
        recorder.check("core:dashboard", sql("SELECT 1", "SELECT 2"))
    message = str(failure.value)
    assert "core:dashboard: 2 queries, 1 recorded in tests/querycounts/core.json" in message
    assert "1. SELECT 1\n2. SELECT 2" in message
    recorder.check("core:dashboard", sql("SELECT 1"))  # the same count passes


def test_a_page_without_a_count_says_how_to_record_it():
    recorder = QueryCountRecorder({})
    with pytest.raises(pytest.fail.Exception) as failure:
        recorder.check("courrier:item_list", sql("SELECT 1"), where="tests/courrier/test_views.py::test_x")
    message = str(failure.value)
    assert "no query count recorded in tests/querycounts/courrier.json" in message
    assert "UPDATE_QUERY_COUNTS=1 .venv/bin/pytest tests/courrier/test_views.py" in message


def test_a_budget_fails_above_it():
    recorder = QueryCountRecorder({"core:dashboard": 3})
    with pytest.raises(pytest.fail.Exception, match="more than the page's budget of 2"):
        recorder.check("core:dashboard", sql("SELECT 1", "SELECT 2", "SELECT 3"), at_most=2)


def test_a_name_needs_its_namespace():
    with pytest.raises(ValueError, match="namespace"):
        file_for("set_language")


def test_update_mode_keeps_the_counts_and_refuses_two_counts_for_one_page():
    recorder = QueryCountRecorder({"core:dashboard": 9}, update=True)
    recorder.check("core:dashboard", sql("SELECT 1"), where="a")
    recorder.check("core:dashboard [filtered]", sql("SELECT 1", "SELECT 2"), where="b")
    assert recorder.measured == {"core:dashboard": (1, "a"), "core:dashboard [filtered]": (2, "b")}
    with pytest.raises(pytest.fail.Exception, match="one page, one count"):
        recorder.check("core:dashboard", sql("SELECT 1", "SELECT 2"), where="c")
    assert recorder.conflicts


def test_written_files_merge_with_what_they_hold(tmp_path):
    (tmp_path / "core.json").write_text(dumps({"core:dashboard": 8, "core:search": 4}))
    written = write_counts({"core:dashboard": 9, "courrier:item_list [unit]": 7}, tmp_path)
    assert [path.name for path in written] == ["core.json", "courrier.json"]
    assert (tmp_path / "core.json").read_text() == '{\n  "core:dashboard": 9,\n  "core:search": 4\n}\n'
    assert json.loads((tmp_path / "courrier.json").read_text()) == {"courrier:item_list [unit]": 7}


def test_the_xdist_controller_merges_the_workers_counts():
    recorder = QueryCountRecorder({}, update=True)
    config = SimpleNamespace(stash={RECORDER: recorder})

    def worker(counts):
        return SimpleNamespace(config=config, workeroutput={WORKER_OUTPUT: json.dumps(counts)})

    pytest_testnodedown(worker({"core:dashboard": [8, "gw0::a"]}), None)
    pytest_testnodedown(worker({"core:search": [4, "gw1::b"]}), None)
    assert recorder.measured == {"core:dashboard": (8, "gw0::a"), "core:search": (4, "gw1::b")}
    assert not recorder.conflicts
    pytest_testnodedown(worker({"core:dashboard": [9, "gw1::c"]}), None)
    assert recorder.conflicts == ["core:dashboard: 9 queries in gw1::c, 8 in gw0::a"]


class FakeClient:
    """A page that runs one query, plus one per row when `per_row`."""

    def __init__(self, per_row):
        self.per_row, self.rows, self.params = per_row, 0, []

    def get(self, url, params):
        self.params.append(params)
        with connection.cursor() as cursor:
            for _n in range(1 + (self.rows if self.per_row else 0)):
                cursor.execute("SELECT 1")
        return SimpleNamespace(status_code=200)


@pytest.mark.django_db
def test_the_helper_measures_10_then_100_rows_against_the_recorded_count():
    client = FakeClient(per_row=False)
    recorder = QueryCountRecorder({"core:person_list": 1})

    def make_rows(total):
        client.rows = total

    recorder.constant("core:person_list", client, "/personnel/", make_rows, params={"q": "x"})
    assert client.params == [{"q": "x"}] + [{"per_page": 10, "q": "x"}] * 2 + [{"per_page": 100, "q": "x"}] * 2
    recorder.counts["core:person_list"] = 2
    with pytest.raises(pytest.fail.Exception, match="1 queries, 2 recorded"):
        recorder.constant("core:person_list", client, "/personnel/", make_rows, per_page=False)
    assert client.params[-1] == {}


@pytest.mark.django_db
def test_the_helper_reports_a_count_that_grows_with_the_rows():
    client = FakeClient(per_row=True)
    recorder = QueryCountRecorder({"core:person_list": 1}, update=True)  # even when recording

    def make_rows(total):
        client.rows = total

    with pytest.raises(pytest.fail.Exception) as failure:
        recorder.constant("core:person_list", client, "/personnel/", make_rows)
    assert "grows with the rows ({10: 11, 100: 101}): an N+1 query" in str(failure.value)
    assert "Queries with 100 rows:\n1. SELECT 1" in str(failure.value)
    assert not recorder.measured


def test_up_to_adds_only_the_missing_rows():
    made = []
    make_rows = up_to(made.append)
    make_rows(10)
    make_rows(100)
    make_rows(100)
    assert made == [10, 90]
