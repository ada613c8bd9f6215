"""The Django admin of the administrators' bank: candidacies read-only (their services own the
statuses; every read of a candidacy on the app's pages is logged)."""

from django.contrib import admin

from administrateurs.models import Candidate
from opq_intranet.core.admin_history import ReadOnlyHistoryAdmin


@admin.register(Candidate)
class CandidateAdmin(ReadOnlyHistoryAdmin):
    list_display = ("last_name", "first_name", "region", "status", "received_on")
    list_filter = ("status", "region")
    search_fields = ("last_name", "first_name")
