"""The Django admin of the administrators' bank: candidacies read-only (their services own the
statuses; every read of a candidacy on the app's pages is logged)."""

from django.contrib import admin

from administrateurs.models import Candidate, PurgeLog
from opq_intranet.core.admin_history import ReadOnlyHistoryAdmin, ReadOnlyMixin


@admin.register(Candidate)
class CandidateAdmin(ReadOnlyHistoryAdmin):
    list_display = ("last_name", "first_name", "region", "status", "received_on")
    list_filter = ("status", "region")
    search_fields = ("last_name", "first_name")


# h1: the purge log, as the purge job wrote it
@admin.register(PurgeLog)
class PurgeLogAdmin(ReadOnlyMixin, admin.ModelAdmin):
    list_display = ("candidate", "purged_at", "status", "closed_on")
    list_filter = ("status",)
    date_hierarchy = "purged_at"
