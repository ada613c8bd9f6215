"""The yearly depreciation report for the finance team: for each category, the Office's fiscal
year (1 April to 31 March) rolled forward: cost at the opening, acquisitions, disposals, cost at
the close; accumulated depreciation at the opening, the year's expense, what the disposals take
off, accumulated depreciation at the close; net book values. Each asset's amounts are rounded
to the cent (inventaire/depreciation.py) before they are added up, so every row adds up."""

from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal

from django.db.models import Q

from inventaire.depreciation import accumulated, cents, terms_of
from inventaire.models import Asset
from opq_intranet.core.calendar import fiscal_year, fiscal_year_label

FIELDS = (
    "opening_cost",
    "acquisitions",
    "disposals",
    "closing_cost",
    "opening_depreciation",
    "expense",
    "written_off",
    "closing_depreciation",
    "opening_value",
    "closing_value",
)


@dataclass
class Row:
    label: str
    assets: int = 0
    figures: dict = field(default_factory=lambda: dict.fromkeys(FIELDS, Decimal("0.00")))

    def add(self, figures):
        self.assets += 1
        for name, value in figures.items():
            self.figures[name] += value


def asset_figures(terms, first, last):
    """One asset's amounts for the year [first, last], or None when it is off the books all year.
    A balance "at the opening" is the one at the start of `first`; "at the close", at the end
    of `last` (the months elapsed by the next day)."""
    on_books_at_opening = terms.start < first and not (terms.end and terms.end < first)
    bought = first <= terms.start <= last
    disposed = terms.end is not None and first <= terms.end <= last
    if not (on_books_at_opening or bought):
        return None
    opening_depreciation = cents(accumulated(terms, first)) if on_books_at_opening else cents(0)
    reached = cents(
        accumulated(terms, min(last + timedelta(days=1), terms.end) if disposed else last + timedelta(days=1))
    )
    expense = reached - opening_depreciation
    written_off = reached if disposed else cents(0)
    opening_cost = terms.cost if on_books_at_opening else cents(0)
    acquisitions = terms.cost if bought else cents(0)
    disposals = terms.cost if disposed else cents(0)
    closing_cost = opening_cost + acquisitions - disposals
    closing_depreciation = opening_depreciation + expense - written_off
    return {
        "opening_cost": opening_cost,
        "acquisitions": acquisitions,
        "disposals": disposals,
        "closing_cost": closing_cost,
        "opening_depreciation": opening_depreciation,
        "expense": expense,
        "written_off": written_off,
        "closing_depreciation": closing_depreciation,
        "opening_value": opening_cost - opening_depreciation,
        "closing_value": closing_cost - closing_depreciation,
    }


@dataclass
class Report:
    year: int
    label: str
    first: date
    last: date
    rows: list
    total: Row
    without_terms: int


def depreciation_report(year):
    first, last = fiscal_year(year)
    rows, total = {}, Row(label="")
    assets = (
        Asset.objects.select_related("category")
        .filter(purchased_on__lte=last)
        .exclude(disposed_on__lt=first)
        .only(
            "cost",
            "purchased_on",
            "disposed_on",
            "life_months",
            "category__name",
            "category__life_months",
            "category__residual_percent",
            "category__kind",
        )
        .order_by("category__kind", "category__name", "pk")
    )
    for asset in assets.iterator(chunk_size=2000):
        terms = terms_of(asset)
        if terms is None:
            continue
        figures = asset_figures(terms, first, last)
        if figures is None:
            continue
        rows.setdefault(asset.category_id, Row(label=asset.category.name)).add(figures)
        total.add(figures)
    # Assets the report cannot value (no cost or no purchase date), for the page to say so.
    without_terms = (
        Asset.objects.filter(Q(cost__isnull=True) | Q(purchased_on__isnull=True)).exclude(disposed_on__lt=first).count()
    )
    return Report(year, fiscal_year_label(year), first, last, list(rows.values()), total, without_terms)
