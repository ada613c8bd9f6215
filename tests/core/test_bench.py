"""The benchmark command: every registered page timed, failures reported."""

import io
import json

import pytest
from django.core.management import CommandError, call_command

from opq_intranet.core.registry import bench

pytestmark = pytest.mark.django_db


@pytest.fixture
def seeded():
    call_command("seed_demo", "--scale", "demo", "--only", "core.accounts", stdout=io.StringIO())


def test_bench_prints_a_row_per_core_page(seeded, tmp_path):
    out = io.StringIO()
    report = tmp_path / "bench.json"
    call_command("bench", "--iterations", "2", "--warmup", "1", "--only", "core.", "--json", str(report), stdout=out)
    table = out.getvalue()
    assert "Median ms" in table and "SQL ms" in table
    results = json.loads(report.read_text())
    labels = {r["label"] for r in results}
    assert {"Mon travail", "Ordres professionnels (liste)", "Portail (accueil d'un ordre)"} <= labels
    for row in results:
        assert row["status"] == 200, row
        assert row["median_ms"] > 0 and row["sql_ms"] > 0
        assert 1 <= row["queries"] <= 12
        assert row["label"][:20] in table


def test_a_page_that_fails_makes_the_command_fail(seeded):
    bench.register(
        bench.Scenario(key="zz.broken", label="Page cassée", url=lambda: "/nexiste-pas/", username="marie.tremblay")
    )
    try:
        with pytest.raises(CommandError, match=r"zz\.broken"):
            call_command("bench", "--iterations", "1", "--warmup", "0", "--only", "zz.", stdout=io.StringIO())
    finally:
        bench._scenarios.pop("zz.broken")
