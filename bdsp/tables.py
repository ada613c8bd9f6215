"""Tables of the BDSP lists."""

from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from bdsp.models import AnnualReturn
from opq_intranet.core.lists.tables import BooleanColumn, Column, Table

BADGES = {"accepted": "text-bg-success", "submitted": "text-bg-primary", "returned": "text-bg-warning"}


def status_cell(label, annual_return):
    """The status badge, and the warning when figures were saved but never submitted."""
    badge = format_html(
        '<span class="badge {}">{}</span>', BADGES.get(annual_return.status, "text-bg-secondary"), label
    )
    if annual_return.saved_never_submitted:
        note = _("saved, never submitted to the Office")
        return format_html('{} <span class="small text-danger-emphasis">{}</span>', badge, note)
    return badge


def version_cell(version, annual_return):
    if annual_return.superseded:
        return format_html('{} <span class="text-body-secondary small">({})</span>', version, _("replaced"))
    return version


class ReturnTable(Table):
    """Every order's returns, for the Office's analysts."""

    model = AnnualReturn
    caption = _("Annual returns")
    year = Column(_("Year"), accessor="reporting_year.year", sort_by=("reporting_year__year",), link=True)
    professional_order = Column(_("Professional order"), sort_by=("professional_order__name",))
    version = Column(_("Version"), display=version_cell)
    status = Column(_("Status"), display=status_cell)
    due_date = Column(_("Due date"))
    is_overdue = BooleanColumn(_("Overdue"), sort_by=("is_overdue",))
    submitted_at = Column(_("Submitted"))


class OrderReturnTable(ReturnTable):
    """A partner's list: its own order's returns, so without the order's column."""

    def __init__(self, queryset, *, sort=None):
        super().__init__(queryset, sort=sort)
        self.columns = [c for c in self.columns if c.name != "professional_order"]
