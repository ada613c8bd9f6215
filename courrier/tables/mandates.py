"""Table of the mandates' list."""

from django.utils import formats, timezone
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from courrier.models import Mandate
from opq_intranet.core.lists.tables import EMPTY, Column, Table


def _due(value, record):
    """The due date, flagged when an active mandate is past it."""
    if value is None:
        return EMPTY
    text = formats.date_format(value, "SHORT_DATE_FORMAT")
    if record.is_active and value < timezone.localdate():
        return format_html('{} <span class="badge text-bg-danger">{}</span>', text, _("overdue"))
    return text


class MandateTable(Table):
    model = Mandate
    reference = Column(_("Number"), link=True)
    title = Column(_("Title"))
    status = Column(_("Status"))
    # The list's queryset ranks the priorities (selectors.mandates_for_list).
    priority = Column(_("Priority"), sort_by=("priority_rank",))
    org_unit = Column(_("Unit"), sort_by=("org_unit__name",))
    lead = Column(_("Lead"), sort_by=("lead__last_name", "lead__first_name"))
    due_on = Column(_("Due on"), display=_due)
    completed_on = Column(_("Completed on"))
    created_at = Column(_("Created"))
    default_sort = "-created_at"
