"""Straight-line depreciation, in one place.

An asset of cost C, residual value R (the category's percentage of C) and life L months
(the asset's own, else its category's) loses (C − R) / L each month. A month counts once it
has elapsed in full from the purchase date: an asset bought on 15 March 2026 has lost one month
on 15 April, twelve on 15 March 2027. Nothing is lost after L months (the book value stays R),
nor after the asset's disposal (it leaves the books on that day). Amounts are rounded to the
cent, half up, at the end: never month by month.
"""

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from dateutil.relativedelta import relativedelta

CENT = Decimal("0.01")
HUNDRED = Decimal(100)


def months_elapsed(start, on):
    """Whole months from `start` to `on` (0 when `on` is earlier)."""
    if on < start:
        return 0
    delta = relativedelta(on, start)
    return delta.years * 12 + delta.months


@dataclass(frozen=True)
class Terms:
    cost: Decimal
    residual: Decimal
    life_months: int
    start: object  # the purchase date
    end: object = None  # the disposal date, if any

    @property
    def monthly(self):
        return (self.cost - self.residual) / self.life_months


def terms_of(asset):
    """The asset's depreciation terms, or None when it has no cost or purchase date."""
    if asset.cost is None or asset.purchased_on is None:
        return None
    category = asset.category
    life = asset.life_months or category.life_months
    residual = asset.cost * category.residual_percent / HUNDRED
    return Terms(asset.cost, residual, life, asset.purchased_on, asset.disposed_on)


def accumulated(terms, on):
    """Depreciation accumulated by the day `on` (unrounded)."""
    last = min(on, terms.end) if terms.end else on
    months = min(months_elapsed(terms.start, last), terms.life_months)
    return terms.monthly * months


def cents(value):
    return Decimal(value).quantize(CENT, ROUND_HALF_UP)


def book_value(asset, on):
    """The asset's book value on the day `on`, to the cent: None without a cost or a purchase
    date; nothing before its purchase nor from its disposal on (it is not on the books)."""
    terms = terms_of(asset)
    if terms is None:
        return None
    if on < terms.start or (terms.end and on >= terms.end):
        return cents(0)
    return cents(terms.cost - accumulated(terms, on))
