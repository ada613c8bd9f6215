"""The BDSP demo data is coherent: every seeded return passes the form's rules."""

import random

import pytest

from bdsp import seed, selectors
from bdsp.choices import ReturnStatus
from bdsp.models import AnnualReturn
from bdsp.validation import Cell, ReturnData, run_rules
from opq_intranet.core.models import ProfessionalOrder

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("code", ["infirmieres", "ingenieurs", "urbanistes", "sages-femmes"])
def test_generated_figures_pass_every_rule(draft_form, code):
    form = selectors.form_definition(draft_form)
    order = ProfessionalOrder.objects.get(code=code)
    rng = random.Random(code)
    members = 5000
    for year in range(2016, 2026):
        values, members = seed.figures(order, year, rng, members)
        cells = {key: Cell(number=value, answered=True) for key, value in values.items()}
        cells[("rapport-annuel-depose", "")] = Cell(answered=True)  # stored apart, as a yes
        assert run_rules(ReturnData(form, cells)) == [], (code, year)


def test_seed_is_idempotent_and_closes_the_past_years(monkeypatch):
    monkeypatch.setattr(seed, "FIRST_YEAR", 2025)
    seed.generate("demo", lambda message: None)
    count = AnnualReturn.objects.count()
    assert AnnualReturn.objects.filter(reporting_year__year=2025, status=ReturnStatus.ACCEPTED).count() == 46
    assert 0 < AnnualReturn.objects.filter(reporting_year__year=2026).count() < 46
    seed.generate("demo", lambda message: None)
    assert AnnualReturn.objects.count() == count
    accepted = AnnualReturn.objects.filter(reporting_year__year=2025).first()
    assert [f for f in run_rules(selectors.return_data(accepted)) if f.blocking] == []
