"""pytest side of the query-count kit: the fixtures, and writing the counts at the session's end.

Registered by tests/conftest.py (`pytest_plugins`). With UPDATE_QUERY_COUNTS=1, each process
keeps what it measured; an xdist worker hands its measurements to the controller
(`workeroutput`), and the controller (or the only process) writes the JSON files once.
"""

import json

import pytest

from tests.querycounts import UPDATE_VARIABLE, QueryCountRecorder, load_counts, update_requested, write_counts

RECORDER = pytest.StashKey[QueryCountRecorder]()
WORKER_OUTPUT = "query_counts"


def pytest_configure(config):
    config.stash[RECORDER] = QueryCountRecorder(load_counts(), update=update_requested())


@pytest.fixture
def assert_query_count(request):
    """`with assert_query_count("courrier:item_list"): client.get(url)`: exactly the recorded count."""
    recorder = request.config.stash[RECORDER]

    def expect(name, *, variant=None, at_most=None):
        return recorder.expect(name, variant=variant, at_most=at_most, where=request.node.nodeid)

    return expect


@pytest.fixture
def assert_constant_queries(request, db):
    """`assert_constant_queries(name, client, url, make_rows)`: same count with 10 and 100 rows."""
    recorder = request.config.stash[RECORDER]

    def constant(name, client, url, make_rows, **options):
        return recorder.constant(name, client, url, make_rows, where=request.node.nodeid, **options)

    return constant


@pytest.hookimpl(optionalhook=True)
def pytest_testnodedown(node, error):
    """xdist controller: a worker's measurements (sent from its pytest_sessionfinish)."""
    recorder = node.config.stash[RECORDER]
    output = getattr(node, "workeroutput", {}).get(WORKER_OUTPUT)
    if not output:
        return
    for key, (count, where) in json.loads(output).items():
        previous = recorder.measured.get(key)
        if previous and previous[0] != count:
            recorder.conflicts.append(f"{key}: {count} queries in {where}, {previous[0]} in {previous[1]}")
        recorder.measured[key] = (count, where)


def pytest_sessionfinish(session, exitstatus):
    config = session.config
    recorder = config.stash[RECORDER]
    if not recorder.update:
        return
    if hasattr(config, "workerinput"):  # an xdist worker: the controller writes
        config.workeroutput[WORKER_OUTPUT] = json.dumps(recorder.measured)
        return
    if recorder.conflicts:
        session.exitstatus = pytest.ExitCode.TESTS_FAILED
        return
    measured = {key: count for key, (count, _where) in recorder.measured.items()}
    recorder.written = write_counts(measured) if measured else []


def pytest_terminal_summary(terminalreporter, config):
    recorder = config.stash.get(RECORDER, None)
    if recorder is None or not recorder.update:
        return
    if recorder.conflicts:
        terminalreporter.section("query counts", red=True)
        terminalreporter.line(f"{UPDATE_VARIABLE}: nothing written, one page measured with two counts:")
        for conflict in recorder.conflicts:
            terminalreporter.line(f"  {conflict}")
        return
    written = recorder.written
    terminalreporter.section("query counts")
    terminalreporter.line(
        f"{UPDATE_VARIABLE}: {len(recorder.measured)} counts written to "
        + (", ".join(path.name for path in written) or "no file")
    )
