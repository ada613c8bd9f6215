"""Derived indicators: safe arithmetic over other indicators."""

from decimal import Decimal

import pytest

from bdsp.formulas import FormulaError, evaluate, parse, references


def lookup_from(values):
    return lambda code, key: values.get((code, key))


def test_share_of_women_by_hand():
    values = {("membres-sexe", "f"): Decimal(800), ("membres-fin", ""): Decimal(1100)}
    result = evaluate("100 * membres_sexe['f'] / membres_fin", lookup_from(values))
    assert result.quantize(Decimal("0.01")) == Decimal("72.73")  # 800 / 1100 = 72.727…


def test_missing_value_or_zero_division_gives_nothing():
    assert evaluate("100 * a / b", lookup_from({("a", ""): Decimal(1)})) is None
    assert evaluate("a / b", lookup_from({("a", ""): Decimal(1), ("b", ""): Decimal(0)})) is None


def test_references():
    assert references("100 * (x['a'] + x['b']) / y_z") == [("x", "a"), ("x", "b"), ("y-z", "")]


@pytest.mark.parametrize(
    "formula",
    ["__import__('os').system('ls')", "a.b", "a ** 2", "[1, 2]", "a if b else c", "a[b]", "lambda: 1", "a +"],
)
def test_anything_but_arithmetic_is_refused(formula):
    with pytest.raises(FormulaError):
        parse(formula)
