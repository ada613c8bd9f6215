"""The purge log: every candidacy purged, when, and what was destroyed (read-only)."""

from django.conf import settings
from django.utils.translation import gettext_lazy as _

from administrateurs import permissions, selectors
from administrateurs.filtersets import PurgeLogFilterSet
from administrateurs.tables import PurgeLogTable
from opq_intranet.core.lists.views import ObjectListView


class PurgeLogListView(ObjectListView):
    access_rule = permissions.MANAGE_RULE
    filterset_class = PurgeLogFilterSet
    table_class = PurgeLogTable
    title = _("Purge log")
    export_name = "purges-candidatures"
    template_name = "administrateurs/purge_list.html"

    def get_queryset(self):
        return selectors.purge_logs()

    def get_context_data(self, **kwargs):
        return super().get_context_data(retention_days=settings.ADMINISTRATEURS_RETENTION_DAYS, **kwargs)
