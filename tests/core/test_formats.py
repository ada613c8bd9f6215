"""Dates and money as Quebec writes them."""

from datetime import date
from decimal import Decimal

from django.template import Context, Template
from django.utils import translation

from opq_intranet.core.templatetags.quebec import long_date, money

NBSP = "\u00a0"


def test_money_in_french():
    with translation.override("fr-ca"):
        assert money(530000) == f"530{NBSP}000{NBSP}$"
        assert money(Decimal("1234.5"), 2) == f"1{NBSP}234,50{NBSP}$"
        assert money(None) == "—"


def test_money_in_english():
    with translation.override("en"):
        assert money(530000) == "$530,000"
        assert money(-12.5, 2) == "-$12.50"


def test_dates():
    with translation.override("fr-ca"):
        assert long_date(date(2026, 11, 24)) == "24 novembre 2026"
        rendered = Template("{{ d|date:'SHORT_DATE_FORMAT' }}").render(Context({"d": date(2026, 11, 24)}))
        assert rendered == "2026-11-24"
    with translation.override("en"):
        assert long_date(date(2026, 11, 24)) == "November 24, 2026"
