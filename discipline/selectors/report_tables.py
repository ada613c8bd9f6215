"""What the Bureau's reports are made of: periods (months, the fiscal year the Office and the
orders report on) and tables that the page, the PDF and the workbook all draw the same way."""

from dataclasses import dataclass, field
from datetime import datetime, time, timedelta
from statistics import median

from django.db.models import Exists, OuterRef
from django.utils import timezone
from django.utils.formats import get_format
from django.utils.safestring import mark_safe

from discipline.choices import MERITS_HEARINGS, HearingOutcome
from discipline.models import Hearing
from opq_intranet.core.calendar import fiscal_year, fiscal_year_label, fiscal_year_of  # noqa: F401 (the reports' names)


@dataclass
class ReportRow:
    label: str
    values: list  # ints, floats (averages, shares) or None (nothing to average)
    url: str = ""
    is_total: bool = False

    @property
    def cells(self):
        separators = (get_format("THOUSAND_SEPARATOR"), get_format("DECIMAL_SEPARATOR"))
        return [cell_text(value, separators) for value in self.values]


def cell_text(value, separators=None):
    """How the page and the PDF print a figure, in the language's separators (2 500; 35,5):
    "—" when there is nothing to count or average. Digits and separators only: safe HTML.
    Formatted here rather than by number_format, which costs more than the rest of a cell."""
    if value is None:
        return "—"
    thousands, decimal = separators or (get_format("THOUSAND_SEPARATOR"), get_format("DECIMAL_SEPARATOR"))
    text = f"{value:,.1f}" if isinstance(value, float) else f"{value:,}"
    return mark_safe(text.replace(",", "\0").replace(".", decimal).replace("\0", thousands))  # noqa: S308


@dataclass
class ReportTable:
    key: str  # the table's id on the page and its sheet in the workbook
    title: str
    columns: list
    rows: list = field(default_factory=list)
    note: str = ""
    first_column: str = ""


def months_between(first, last):
    """The first day of every month from `first`'s month to `last`'s, in order."""
    months, month = [], first.replace(day=1)
    while month <= last:
        months.append(month)
        month = (month + timedelta(days=32)).replace(day=1)
    return months


def month_end(month):
    return (month + timedelta(days=32)).replace(day=1) - timedelta(days=1)


def aware_bounds(first, last):
    """[start, end) in the Office's time zone for the days `first` to `last` inclusive."""
    start = timezone.make_aware(datetime.combine(first, time.min))
    end = timezone.make_aware(datetime.combine(last + timedelta(days=1), time.min))
    return start, end


def local_day(moment):
    return timezone.localtime(moment).date()


class Delays:
    """Delays in days, for their average and median."""

    def __init__(self):
        self.days = []

    def add(self, first, last):
        if first is not None and last is not None:
            self.days.append((last - first).days)

    @property
    def count(self):
        return len(self.days)

    @property
    def average(self):
        return round(sum(self.days) / len(self.days), 1) if self.days else None

    @property
    def median(self):
        return median(self.days) if self.days else None


def share(part, whole):
    """A percentage with one decimal, or None when there is nothing to divide."""
    return round(100 * part / whole, 1) if whole else None


def first_merits_hearings(start, end):
    """The first hearing on the merits (held) of each complaint, for those held in [start, end):
    a hearing with no earlier one of its case (an index lookup each, not a scan of all time)."""
    held = Hearing.objects.filter(outcome=HearingOutcome.HELD, kind__in=MERITS_HEARINGS)
    earlier = held.filter(case=OuterRef("case"), starts_at__lt=OuterRef("starts_at"))
    return held.filter(starts_at__gte=start, starts_at__lt=end).exclude(Exists(earlier)).order_by()
