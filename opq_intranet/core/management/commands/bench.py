"""Time every registered page in-process against the seeded database.

For each scenario (opq_intranet.core.registry.bench): sign in as its user, warm up, then
time N requests. Each row shows the median and p95 server time, the queries per request,
and the "database floor": the same SQL replayed alone, so the share spent outside the
database is visible. Budgets from DESIGN.md are marked OVER when exceeded.
"""

import json
import statistics
import time

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.db import connection, transaction
from django.test import Client
from django.test.utils import CaptureQueriesContext

from opq_intranet.accounts.testing import sign_in
from opq_intranet.core.registry.bench import scenarios

QUERY_BUDGET = 12


def p95(values):
    """Nearest-rank 95th percentile."""
    ordered = sorted(values)
    rank = max(1, round(0.95 * len(ordered)))
    return ordered[rank - 1]


class Command(BaseCommand):
    help = "Benchmark the registered pages: median/p95 server time, queries, database floor."

    def add_arguments(self, parser):
        parser.add_argument("--iterations", type=int, default=30)
        parser.add_argument("--warmup", type=int, default=3)
        parser.add_argument("--only", default="", help="only scenarios whose key starts with this")
        parser.add_argument("--json", dest="json_path", help="also write the results to this file")

    def handle(self, *args, iterations, warmup, only, json_path, **options):
        selected = [s for s in scenarios() if s.key.startswith(only)]
        if not selected:
            raise CommandError("No scenario matches.")
        results = [self.measure(s, iterations, warmup) for s in selected]
        self.print_table(results)
        if json_path:
            with open(json_path, "w") as handle:
                json.dump(results, handle, indent=2, ensure_ascii=False)
        failed = [r["key"] for r in results if r["status"] != 200]
        if failed:
            raise CommandError(f"Pages that did not answer 200: {', '.join(failed)}")

    def measure(self, scenario, iterations, warmup):
        user = get_user_model().objects.get(username=scenario.username)
        client = sign_in(Client(), user)
        url = scenario.url()
        for _ in range(warmup):
            client.get(url, headers=scenario.headers)
        timings, query_counts, status, captured = [], [], None, []
        for _ in range(iterations):
            with CaptureQueriesContext(connection) as queries:
                started = time.perf_counter()
                response = client.get(url, headers=scenario.headers)
                timings.append((time.perf_counter() - started) * 1000)
            status = response.status_code
            query_counts.append(len(queries.captured_queries))
            captured = queries.captured_queries
        floor = [self.replay(captured) for _ in range(iterations)]
        median = statistics.median(timings)
        sql_median = statistics.median(floor)
        return {
            "key": scenario.key,
            "label": scenario.label,
            "url": url,
            "status": status,
            "median_ms": round(median, 2),
            "p95_ms": round(p95(timings), 2),
            "queries": max(query_counts),
            "sql_ms": round(sql_median, 2),
            "ratio": round(median / sql_median, 1) if sql_median else None,
            "median_budget_ms": scenario.median_budget_ms,
            "p95_budget_ms": scenario.p95_budget_ms,
        }

    def replay(self, captured):
        """Run the request's SQL alone (params are already interpolated), then roll back."""
        started = time.perf_counter()
        with transaction.atomic(), connection.cursor() as cursor:
            for query in captured:
                cursor.execute(query["sql"])
                if cursor.description is not None:
                    cursor.fetchall()
            transaction.set_rollback(True)
        return (time.perf_counter() - started) * 1000

    def print_table(self, results):
        columns = ("Median ms", "p95 ms", "Queries", "SQL ms", "Ratio", "Status")
        widths = (9, 8, 7, 7, 6, 6)
        header = f"{'Page':42} " + " ".join(f"{c:>{w}}" for c, w in zip(columns, widths, strict=True)) + "  Budget"
        self.stdout.write(header)
        self.stdout.write("-" * len(header))
        for r in results:
            over = []
            if r["median_ms"] > r["median_budget_ms"]:
                over.append("median")
            if r["p95_ms"] > r["p95_budget_ms"]:
                over.append("p95")
            if r["queries"] > QUERY_BUDGET:
                over.append("queries")
            budget = "OVER: " + ", ".join(over) if over else "ok"
            ratio = f"{r['ratio']:.1f}" if r["ratio"] is not None else "-"
            self.stdout.write(
                f"{r['label'][:42]:42} {r['median_ms']:9.1f} {r['p95_ms']:8.1f} {r['queries']:7d} "
                f"{r['sql_ms']:7.1f} {ratio:>6} {r['status']:>6}  {budget}"
            )
        self.stdout.write(
            f"Budgets (DESIGN.md): median ≤ 30 ms, p95 ≤ 60 ms (unless a page has its own), ≤ {QUERY_BUDGET} queries."
        )
