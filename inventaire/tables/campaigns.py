"""Table of the stock-taking campaigns."""

from django.utils.translation import gettext_lazy as _

from inventaire.models import Campaign
from opq_intranet.core.lists.tables import Column, Table


class CampaignTable(Table):
    model = Campaign
    number = Column(_("Number"), link=True)
    scope = Column(_("Scope"), accessor=lambda c: c.scope_label, orderable=False)
    opened_on = Column(_("Opened on"))
    opened_by = Column(_("Opened by"), sort_by=("opened_by__last_name",))
    status = Column(_("Status"))
    default_sort = "-opened_on"
