"""Reading what a person typed into a cell, the way Quebec writes numbers and dates."""

import re
from datetime import date
from decimal import Decimal, InvalidOperation

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from bdsp.choices import ValueState, ValueType

EMPTY_FIELDS = {"number": None, "text": "", "date": None, "boolean": None}
YES = {"oui", "o", "yes", "y", "vrai", "true", "1"}
NO = {"non", "n", "no", "faux", "false", "0"}
MAX_NUMBER = Decimal("99999999999999")


def _number(raw):
    # "1 234,50 $", "1234.5", "12 %": spaces (ordinary and non-breaking), $ and % ignored.
    cleaned = re.sub(r"[\s\u00a0\u202f$%]", "", raw).replace(",", ".")
    try:
        value = Decimal(cleaned)
    except InvalidOperation:
        return None
    return value if value.is_finite() else None


def parse_value(indicator, raw, state=ValueState.VALUE):
    """The model fields for a cell, or a ValidationError whose message says what to type."""
    raw = "" if raw is None else str(raw).strip()
    if state != ValueState.VALUE:
        return {"state": state, **EMPTY_FIELDS}
    fields = {"state": ValueState.VALUE, **EMPTY_FIELDS}
    if raw == "":
        return fields
    kind = indicator.value_type
    if kind in (ValueType.INTEGER, ValueType.DECIMAL, ValueType.MONEY, ValueType.PERCENTAGE):
        value = _number(raw)
        if value is None:
            raise ValidationError(_("Type a number, for example 1 234 or 1 234,50."), code="number")
        if kind == ValueType.INTEGER and value != value.to_integral_value():
            raise ValidationError(_("Type a whole number, without decimals."), code="integer")
        if value < 0:
            raise ValidationError(_("The number cannot be negative."), code="negative")
        if value > MAX_NUMBER:
            raise ValidationError(_("This number is too large."), code="too_large")
        if kind == ValueType.PERCENTAGE and value > 100:
            raise ValidationError(_("A percentage is between 0 and 100."), code="percentage")
        fields["number"] = value
    elif kind == ValueType.BOOLEAN:
        word = raw.lower()
        if word not in YES | NO:
            raise ValidationError(_("Answer yes or no."), code="boolean")
        fields["boolean"] = word in YES
    elif kind == ValueType.DATE:
        try:
            fields["date"] = date.fromisoformat(raw)
        except ValueError:
            raise ValidationError(_("Type a date as 2026-11-24."), code="date") from None
    elif kind == ValueType.CHOICE:
        if raw not in indicator.choices:
            raise ValidationError(
                _("Choose one of: %(choices)s.") % {"choices": ", ".join(indicator.choices)}, code="choice"
            )
        fields["text"] = raw
    else:
        fields["text"] = raw[:5000]
    return fields
