"""Numbers and dates the way Quebec writes them, in either language.

{% load quebec %}
{{ budget|money }}          530 000 $   (English: $530,000)
{{ amount|money:2 }}        1 234,50 $
{{ day|long_date }}         24 novembre 2026
"""

from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from django import template
from django.utils import formats, translation

register = template.Library()
NBSP = "\u00a0"


@register.filter
def money(value, decimals=0):
    """An amount in dollars: "530 000 $" in French, "$530,000" in English; "—" if empty."""
    if value in (None, ""):
        return "—"
    try:
        amount = Decimal(str(value)).quantize(Decimal(1).scaleb(-int(decimals)), rounding=ROUND_HALF_UP)
    except (InvalidOperation, ValueError):
        return value
    number = formats.number_format(amount, decimal_pos=int(decimals), use_l10n=True, force_grouping=True)
    if translation.get_language() == "en":
        return f"-${number.lstrip('-')}" if amount < 0 else f"${number}"
    return f"{number}{NBSP}$"


@register.filter
def long_date(value):
    """24 novembre 2026 / November 24, 2026."""
    if not value:
        return "—"
    return formats.date_format(value, "DATE_FORMAT")


@register.filter
def decimal(value, places=0):
    """A number with `places` decimals and Quebec grouping: 1 234,5."""
    if value in (None, ""):
        return "—"
    try:
        number = Decimal(str(value)).quantize(Decimal(1).scaleb(-int(places)), rounding=ROUND_HALF_UP)
    except (InvalidOperation, ValueError):
        return value
    return formats.number_format(number, decimal_pos=int(places), use_l10n=True, force_grouping=True)
