"""The seeded past years agree with the orders' BDSP returns: the reconciliation finds only the
differences planted on purpose (discipline/seed/history.py)."""

import random

import pytest

from bdsp import seed as bdsp_seed
from bdsp import services as bdsp_services
from bdsp.choices import ReturnStatus
from discipline import selectors
from discipline.models import Case, Council
from discipline.seed import demo, history
from opq_intranet.core.models import ProfessionalOrder
from tests.factories import UserFactory

CODES = ("infirmieres", "dentistes", "notaires")


@pytest.fixture
def returns(db):
    """Accepted returns of 2024 and 2025 for three orders, as the BDSP's seed writes them."""
    UserFactory(username=demo.CLERK)
    demo._councils(lambda _line: None)
    demo._chairs()
    form_2024 = bdsp_services.form_create_from_regulation(year=2024)
    form_2025 = bdsp_services.form_copy(source=form_2024, year=2025)
    for code in CODES:
        order = ProfessionalOrder.objects.get(code=code)
        rng = random.Random(code)
        members = bdsp_seed.BIG_ORDERS.get(code) or 6000
        for form in (form_2024, form_2025):
            values, members = bdsp_seed.figures(order, form.year, rng, members)
            bdsp_seed._store(order, form, values, ReturnStatus.ACCEPTED, None)


def test_the_history_matches_the_returns_but_for_the_planted_differences(returns, monkeypatch):
    nurses = Council.objects.get(order__code="infirmieres")
    monkeypatch.setattr(history, "PLANTED", {(nurses.number, 2025)})
    history.generate("demo", lambda _line: None)
    assert Case.objects.filter(summary=history.HISTORY_SUMMARY).count() > 400
    for year in (2024, 2025):
        for result in selectors.reconciliation(year):
            if result.council.order.code not in CODES:
                continue
            differences = {(line.code, line.key): line.difference for line in result.differences}
            if (result.council.number, year) == (nurses.number, 2025):
                assert differences == {("plaintes-plaignant", "autre"): 1, ("plaintes-plaignant", ""): 1}
            else:
                assert differences == {}, (result.council, year)


def test_the_history_is_loaded_once(returns):
    history.generate("demo", lambda _line: None)
    count = Case.objects.count()
    history.generate("demo", lambda _line: None)
    assert Case.objects.count() == count
