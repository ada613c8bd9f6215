"""Every kind of validation rule, on hand-computed figures."""

from decimal import Decimal

from bdsp.choices import Severity, ValueState
from bdsp.selectors import FormDefinition, FormIndicator, FormRule
from bdsp.validation import Cell, ReturnData, run_rules


def form(*rules, categories=None):
    categories = categories or {}
    codes = {r.indicator_code for r in rules} | {
        c for r in rules for key in ("start", "other", "equals") if (c := r.params.get(key))
    }
    codes |= {c for r in rules for c in r.params.get("plus", []) + r.params.get("minus", [])}
    indicators = {
        code: FormIndicator(i, code, code, "", "integer", [], "", "", "s", keys=categories.get(code, []))
        for i, code in enumerate(sorted(codes))
    }
    return FormDefinition(None, [], indicators, list(rules))


def rule(kind, code="x", severity=Severity.BLOCKING, **params):
    return FormRule(f"{kind}-{code}", kind, code, params, severity, f"message {kind}")


def cells(**values):
    """cells(x=5, x__f=3) -> {("x", ""): 5, ("x", "f"): 3}; None = no activity; "na" = N/A."""
    out = {}
    for name, value in values.items():
        code, _sep, key = name.partition("__")
        code = code.replace("_", "-")
        if value == "na":
            out[(code, key)] = Cell(state=ValueState.NOT_APPLICABLE, answered=True)
        elif value is None:
            out[(code, key)] = Cell(state=ValueState.NO_ACTIVITY, answered=True)
        else:
            out[(code, key)] = Cell(number=Decimal(value), answered=True)
    return out


def check(definition, values, previous=None):
    return [f.rule_code for f in run_rules(ReturnData(definition, values, previous))]


def test_required():
    definition = form(rule("required"))
    assert check(definition, {}) == ["required-x"]
    assert check(definition, cells(x=0)) == []  # zero is an answer
    assert check(definition, cells(x=None)) == []  # so is "no activity"
    assert check(definition, cells(x="na")) == []  # and "not applicable"


def test_required_is_met_by_the_categories_of_a_disaggregated_indicator():
    definition = form(rule("required"), categories={"x": ["f", "h"]})
    assert check(definition, cells(x__f=3)) == []


def test_range_checks_every_cell():
    definition = form(rule("range", min=0, max=10), categories={"x": ["f", "h"]})
    assert check(definition, cells(x=10, x__f=4, x__h=6)) == []
    findings = run_rules(ReturnData(definition, cells(x=12, x__f=11, x__h=1)))
    assert [(f.rule_code, f.category_key) for f in findings] == [("range-x", ""), ("range-x", "f")]


def test_sum_equals_its_own_total():
    definition = form(rule("sum_equals"), categories={"x": ["f", "h"]})
    assert check(definition, cells(x=10, x__f=4, x__h=6)) == []
    assert check(definition, cells(x=11, x__f=4, x__h=6)) == ["sum_equals-x"]
    assert check(definition, cells(x=10, x__f=4, x__h=None)) == ["sum_equals-x"]  # no activity = 0
    assert check(definition, cells(x=10)) == []  # no categories typed: nothing to compare
    assert check(definition, cells(x="na", x__f=4)) == []


def test_sum_equals_another_indicator():
    definition = form(rule("sum_equals", equals="total"), categories={"x": ["01", "06"]})
    assert check(definition, cells(x__01=700, x__06=400, total=1100)) == []
    assert check(definition, cells(x__01=700, x__06=401, total=1100)) == ["sum_equals-x"]


def test_balance_end_equals_start_plus_entries_minus_exits():
    definition = form(rule("balance", code="end", start="start", plus=["entries"], minus=["exits"]))
    assert check(definition, cells(start=1000, entries=120, exits=20, end=1100)) == []
    assert check(definition, cells(start=1000, entries=120, exits=20, end=1101)) == ["balance-end"]
    assert check(definition, cells(start=1000, entries=120, end=1101)) == []  # exits unknown: silent
    assert check(definition, cells(start=1000, entries=120, exits=None, end=1120)) == []  # no exits = 0


def test_balance_reads_totals_from_categories():
    definition = form(
        rule("balance", code="end", start="start", plus=["entries"], minus=["exits"]),
        categories={"exits": ["a", "b"]},
    )
    assert check(definition, cells(start=10, entries=5, exits__a=2, exits__b=1, end=12)) == []


def test_less_or_equal():
    definition = form(rule("less_or_equal", code="done", other="planned"))
    assert check(definition, cells(done=5, planned=5)) == []
    assert check(definition, cells(done=6, planned=5)) == ["less_or_equal-done"]
    with_plus = form(rule("less_or_equal", code="granted", other="received", plus=["refused"]))
    assert check(with_plus, cells(granted=8, refused=3, received=10)) == ["less_or_equal-granted"]
    assert check(with_plus, cells(granted=7, refused=3, received=10)) == []


def test_year_over_year_change_asks_for_an_explanation():
    definition = form(rule("year_over_year", severity=Severity.WARNING, threshold=25))
    previous = {("x", ""): Decimal(1000)}
    assert check(definition, cells(x=1250), previous) == []  # exactly 25 %
    findings = run_rules(ReturnData(definition, cells(x=1251), previous))
    assert [f.rule_code for f in findings] == ["year_over_year-x"]
    assert not findings[0].blocking
    explained = {("x", ""): Cell(number=Decimal(1400), answered=True, explanation="Fusion avec un autre ordre")}
    assert check(definition, explained, previous) == []
    assert check(definition, cells(x=700), previous) == ["year_over_year-x"]  # a fall counts too
    assert check(definition, cells(x=5000), {}) == []  # no previous year: nothing to compare
