"""The campaign of a year: where each of the 46 orders stands."""

from dataclasses import dataclass

from bdsp.choices import Completeness
from bdsp.models import AnnualReturn
from opq_intranet.core.models import ProfessionalOrder


@dataclass
class OrderProgress:
    order: ProfessionalOrder
    annual_return: AnnualReturn | None
    completeness: str

    @property
    def overdue(self):
        # AnnualReturnQuerySet.with_overdue(): the one definition of "overdue".
        return bool(self.annual_return and self.annual_return.is_overdue)

    @property
    def completeness_label(self):
        return Completeness(self.completeness).label


def year_progress(reporting_year):
    """One OrderProgress per active order, from its latest return version (two queries)."""
    latest = {}
    returns = (
        AnnualReturn.objects.filter(reporting_year=reporting_year)
        .with_overdue()
        .order_by("professional_order_id", "version")
    )
    for annual_return in returns:
        latest[annual_return.professional_order_id] = annual_return
    progress = []
    for order in ProfessionalOrder.objects.filter(is_active=True).order_by("name"):
        annual_return = latest.get(order.pk)
        status = annual_return.status if annual_return else Completeness.NOT_STARTED
        progress.append(OrderProgress(order, annual_return, status))
    return progress


OVERDUE = "overdue"


def progress_in_state(progress, state):
    """The orders in one completeness state, or overdue (`OVERDUE`); all for anything else."""
    if state == OVERDUE:
        return [p for p in progress if p.overdue]
    if state in Completeness.values:
        return [p for p in progress if p.completeness == state]
    return progress


def summary(progress):
    """{completeness: count} in the order of the enumeration, plus overdue."""
    counts = dict.fromkeys(Completeness.values, 0)
    for item in progress:
        counts[item.completeness] += 1
    return [(Completeness(value).label, value, count) for value, count in counts.items()], sum(
        1 for p in progress if p.overdue
    )
