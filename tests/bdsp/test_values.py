"""Reading typed values: numbers the Quebec way, and "none" apart from zero."""

from datetime import date
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from bdsp.choices import ValueState
from bdsp.selectors import FormIndicator
from bdsp.services import parse_value


def indicator(value_type, choices=()):
    return FormIndicator(1, "x", "X", "", value_type, list(choices), "", "", "s")


@pytest.mark.parametrize(
    ("value_type", "raw", "expected"),
    [
        ("integer", "1 234", Decimal(1234)),
        ("integer", "1\u00a0234", Decimal(1234)),
        ("money", "530 000 $", Decimal(530000)),
        ("money", "1 234,50", Decimal("1234.50")),
        ("decimal", "3.75", Decimal("3.75")),
        ("percentage", "72,5 %", Decimal("72.5")),
        ("integer", "0", Decimal(0)),
    ],
)
def test_numbers(value_type, raw, expected):
    assert parse_value(indicator(value_type), raw)["number"] == expected


@pytest.mark.parametrize(
    ("value_type", "raw", "code"),
    [
        ("integer", "douze", "number"),
        ("integer", "12,5", "integer"),
        ("integer", "-3", "negative"),
        ("percentage", "140", "percentage"),
        ("money", "1e999", "too_large"),
        ("money", "NaN", "number"),
        ("boolean", "peut-être", "boolean"),
        ("date", "24/11/2026", "date"),
    ],
)
def test_bad_input_is_refused_with_a_reason(value_type, raw, code):
    with pytest.raises(ValidationError) as refused:
        parse_value(indicator(value_type), raw)
    assert refused.value.code == code


def test_other_types():
    assert parse_value(indicator("boolean"), "Oui")["boolean"] is True
    assert parse_value(indicator("boolean"), "non")["boolean"] is False
    assert parse_value(indicator("date"), "2026-11-24")["date"] == date(2026, 11, 24)
    assert parse_value(indicator("choice", ["A", "B"]), "B")["text"] == "B"
    with pytest.raises(ValidationError):
        parse_value(indicator("choice", ["A", "B"]), "C")
    assert parse_value(indicator("text"), "  Texte  ")["text"] == "Texte"


def test_no_activity_and_not_applicable_are_not_zero():
    for state in (ValueState.NO_ACTIVITY, ValueState.NOT_APPLICABLE):
        fields = parse_value(indicator("integer"), "12", state)
        assert fields["state"] == state
        assert fields["number"] is None
    assert parse_value(indicator("integer"), "0")["state"] == ValueState.VALUE
