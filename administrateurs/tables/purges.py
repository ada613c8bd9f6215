"""Table of the purge log."""

from django.utils.translation import gettext_lazy as _

from administrateurs.models import PurgeLog
from opq_intranet.core.lists.tables import Column, Table


class PurgeLogTable(Table):
    model = PurgeLog
    purged_at = Column(_("Purged at"))
    candidate = Column(
        _("Candidacy"),
        accessor="candidate",
        sort_by=("candidate_id",),
        link=lambda log: log.candidate.get_absolute_url(),
    )
    status = Column(_("Status"))
    closed_on = Column(_("Closed on"))
    destroyed = Column(_("Destroyed"), orderable=False)
    default_sort = "-purged_at"
