"""The form built from the regulation carries its rules: every indicator answered, totals equal
to their breakdowns, the main counts compared with the order's accepted return of last year.
So does the form the demo data uses (seeded from the regulation, then copied)."""

import html
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from bdsp import regulation, seed, selectors, services
from bdsp.choices import ReturnStatus, RuleKind, Severity, ValueState, ValueType
from bdsp.models import AnnualReturn, ReportingYear, ReturnValue
from bdsp.validation import Cell, ReturnData, run_rules
from tests.bdsp.conftest import dates, entry, fill

pytestmark = pytest.mark.django_db


def rules_of(form, kind):
    return {r.indicator_code: r for r in form.rules if r.kind == kind}


def assert_the_regulations_rules(form):
    required = rules_of(form, RuleKind.REQUIRED)
    own_sums = {r.indicator_code for r in form.rules if r.kind == RuleKind.SUM_EQUALS and not r.params.get("equals")}
    for code, indicator in form.indicators.items():
        if indicator.is_derived:
            continue
        assert code in required, f"{code} need not be answered"
        assert required[code].severity == Severity.BLOCKING
        if indicator.keys:
            assert code in own_sums, f"the total of {code} need not equal its categories"
    year_over_year = rules_of(form, RuleKind.YEAR_OVER_YEAR)
    for code in ("membres-debut", "membres-fin", "inscriptions", "permis-accordees", "revenus"):
        assert code in year_over_year, f"{code} is not compared with last year"
        assert Decimal(str(year_over_year[code].params["threshold"])) == 20
        assert year_over_year[code].severity == Severity.WARNING


def test_a_form_built_from_the_regulation_carries_every_rule(draft_form):
    assert_the_regulations_rules(selectors.form_definition(draft_form))


def test_the_form_the_demo_uses_carries_every_rule(monkeypatch):
    monkeypatch.setattr(seed, "FIRST_YEAR", 2025)
    seed.generate("demo", lambda message: None)
    for year in (2025, 2026):
        assert_the_regulations_rules(selectors.form_definition(ReportingYear.objects.get(year=year)))


def test_the_demo_figures_raise_no_warning_from_one_year_to_the_next(draft_form):
    """The demo's accepted returns are plausible: none would have asked for an explanation."""
    import random

    from opq_intranet.core.models import ProfessionalOrder

    form = selectors.form_definition(draft_form)
    for code in ("infirmieres", "urbanistes", "sages-femmes"):
        order = ProfessionalOrder.objects.get(code=code)
        rng = random.Random(code)
        members, previous = seed.BIG_ORDERS.get(code) or rng.randint(500, 15000), {}
        for year in range(2016, 2026):
            values, members = seed.figures(order, year, rng, members)
            cells = {key: Cell(number=value, answered=True) for key, value in values.items()}
            cells[("rapport-annuel-depose", "")] = Cell(answered=True)
            assert run_rules(ReturnData(form, cells, previous)) == [], (code, year)
            previous = {key: Decimal(value) for key, value in values.items() if key[1] == ""}


def test_a_return_with_most_indicators_blank_has_problems(make_client, filer, draft_return):
    fill(draft_return, filer, [entry("membres-debut", "1000"), entry("membres-fin", "1000")])
    findings = run_rules(selectors.return_data(draft_return))
    blocking = {f.indicator_code for f in findings if f.blocking}
    assert {"audiences", "revenus", "permis-recues", "inscriptions", "rapport-annuel-depose"} <= blocking
    page = make_client(filer).get(reverse("bdsp_portal:return_detail", args=[draft_return.pk]))
    assert "Aucun problème relevé" not in page.text
    assert "Répondez à « Journées d'audience »" in html.unescape(page.text)
    dates(draft_return, filer)
    with pytest.raises(ValidationError) as refused:
        services.return_submit(annual_return=draft_return, user=filer, attestation="Julie Pelletier")
    assert any("Journées d'audience" in message for message in refused.value.messages)
    draft_return.refresh_from_db()
    assert draft_return.status == ReturnStatus.DRAFT


@pytest.mark.parametrize(
    "answer", [{"raw": "0"}, {"state": ValueState.NO_ACTIVITY}, {"state": ValueState.NOT_APPLICABLE}]
)
def test_zero_no_activity_and_not_applicable_are_answers(filer, draft_return, answer):
    findings = fill(draft_return, filer, [entry("audiences", **answer)])
    assert not [f for f in findings if f.indicator_code == "audiences"]


def test_a_total_must_equal_its_breakdown(filer, draft_return):
    findings = fill(
        draft_return,
        filer,
        [
            entry("plaintes-nature", "10"),
            entry("plaintes-nature", "4", "sexuel"),
            entry("plaintes-nature", "5", "autre"),
        ],
    )
    assert [f.indicator_code for f in findings if f.blocking and "somme" in f.message].count("plaintes-nature") == 1
    findings = fill(draft_return, filer, [entry("plaintes-nature", "6", "autre")])
    assert "plaintes-nature" not in {f.indicator_code for f in findings if "somme" in f.message}


def test_a_total_left_blank_is_computed_from_its_breakdown(filer, draft_return):
    findings = fill(
        draft_return, filer, [entry("radiations", "15", "cotisation"), entry("radiations", "5", "retraite")]
    )
    assert "radiations" not in {f.indicator_code for f in findings}  # answered, and adds up
    assert selectors.return_data(draft_return).total("radiations") == 20


# --- Year over year: the order's accepted return of the previous year -----------------------------


@pytest.fixture
def last_year(draft_form, filer):
    """The order's accepted 2024 return: 1 000 members at the end, 100 entries, 80 000 $."""
    previous_year = services.form_copy(source=draft_form, year=2024)
    form = selectors.form_definition(previous_year)
    accepted = AnnualReturn.objects.create(
        professional_order=filer.professional_order, reporting_year=previous_year, status=ReturnStatus.ACCEPTED
    )
    for code, key, number in (
        ("membres-fin", "", 1000),
        ("inscriptions", "", 100),
        ("revenus", "cotisations", 60000),
        ("revenus", "autres", 20000),
    ):
        ReturnValue.objects.create(
            annual_return=accepted, indicator_id=form.indicators[code].id, category_key=key, number=Decimal(number)
        )
    return accepted


def warnings(findings):
    return {f.indicator_code for f in findings if not f.blocking and "an dernier" in f.message}


def test_a_25_percent_drop_in_members_asks_for_an_explanation(filer, draft_return, last_year):
    findings = fill(draft_return, filer, [entry("membres-fin", "750")])
    assert "membres-fin" in warnings(findings)
    findings = fill(draft_return, filer, [entry("membres-fin", "750", explanation="Radiation de 250 membres.")])
    assert "membres-fin" not in warnings(findings)


def test_a_change_within_20_percent_is_not_flagged(filer, draft_return, last_year):
    findings = fill(draft_return, filer, [entry("membres-fin", "820"), entry("inscriptions", "119")])
    assert warnings(findings) == set()


def test_other_main_counts_are_compared_too(filer, draft_return, last_year):
    # Entries 100 -> 130; revenues 80 000 $ (its categories, last year) -> 60 000 $.
    findings = fill(draft_return, filer, [entry("inscriptions", "130"), entry("revenus", "60000")])
    assert {"inscriptions", "revenus"} <= warnings(findings)


def test_the_regulations_rules_are_well_formed():
    codes = [code for code, *_rest in regulation.RULES]
    assert len(codes) == len(set(codes))
    indicators = {row[0]: row for *_s, rows in regulation.SECTIONS for row in rows}
    for _code, kind, indicator, _params, _severity, message in regulation.RULES:
        assert indicator in indicators
        assert message and not indicators[indicator][4]  # never on a derived indicator
        if kind == RuleKind.YEAR_OVER_YEAR:
            assert indicators[indicator][2] in (ValueType.INTEGER, ValueType.MONEY)


def test_forms_made_before_get_the_rules_and_closed_years_stay_as_they_were(draft_form, analyst):
    """A database seeded before: its open (and in preparation) forms lack these rules."""
    import importlib

    from django.apps import apps

    from bdsp.models import ValidationRule

    migration = importlib.import_module("bdsp.migrations.0006_regulation_rules_on_existing_forms")
    closed = services.form_copy(source=draft_form, year=2024)
    written = {code for code, *_rest in regulation.SPECIFIC_RULES}
    for year in (draft_form, closed):
        ValidationRule.objects.filter(reporting_year=year).exclude(code__in=written).delete()
        ValidationRule.objects.filter(reporting_year=year, code="membres-variation").update(
            params={"threshold": 25}, message=migration.OLD_MEMBERS_MESSAGE
        )
    ReportingYear.objects.filter(pk=closed.pk).update(status="closed")
    services.form_open(reporting_year=draft_form, user=analyst)
    selectors._frozen_forms.clear()

    migration.add_missing_rules(apps, None)

    selectors._frozen_forms.clear()
    assert_the_regulations_rules(selectors.form_definition(ReportingYear.objects.get(pk=draft_form.pk)))
    assert ValidationRule.objects.filter(reporting_year=closed).count() == len(regulation.SPECIFIC_RULES)
    migration.add_missing_rules(apps, None)  # idempotent
    assert ValidationRule.objects.filter(reporting_year=draft_form).count() == len(regulation.RULES)
