"""Benchmark scenarios: the pages `manage.py bench` times against the seeded database.

In an app's `bench.py`:

    from opq_intranet.core.registry.bench import Scenario, register

    register(Scenario(
        key="courrier.registry",
        label="Registre du courrier",
        url=lambda: reverse("courrier:item_list"),
        username="demo.courrier",
    ))

`url` is called once, after seeding, so it may look objects up. `username` is a seeded
account whose roles open the page; partners are signed in with a verified second factor.
`headers` are sent with each request: `HTMX_REQUEST` times a fragment as htmx asks for it
(a group of the global search).
"""

from collections.abc import Callable
from dataclasses import dataclass, field

_scenarios = {}

HTMX_REQUEST = {"HX-Request": "true"}


@dataclass(frozen=True)
class Scenario:
    key: str
    label: str
    url: Callable
    username: str
    order: int = 100
    # DESIGN.md's page budgets, unless the page has its own (a 10-year statistic: 200 ms).
    median_budget_ms: int = 30
    p95_budget_ms: int = 60
    headers: dict = field(default_factory=dict)


def register(scenario):
    _scenarios[scenario.key] = scenario
    return scenario


def scenarios():
    return sorted(_scenarios.values(), key=lambda s: (s.order, s.key))
