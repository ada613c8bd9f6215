"""The Django admin of the disciplinary cases. Cases, hearings and decisions move only
through their services (numbers, statuses, conflicts, the art. 156 rules): read-only here.
The directory (councils, chairs, members) is kept on the app's pages, and here by IT."""

from django.contrib import admin

from discipline.models import (
    Appeal,
    Case,
    Chair,
    ChairUnavailability,
    Council,
    CouncilMember,
    Count,
    Decision,
    Hearing,
    NonPublicationOrder,
    Sanction,
)
from opq_intranet.core.admin_history import HistoryAdmin, ReadOnlyHistoryAdmin, ReadOnlyMixin


@admin.register(Council)
class CouncilAdmin(HistoryAdmin):
    list_display = ("number", "order", "secretary_name", "secretary_email", "is_active")
    list_filter = ("is_active",)
    search_fields = ("order__name", "secretary_name")
    list_select_related = ("order",)

    def has_delete_permission(self, request, obj=None):
        return False


class UnavailabilityInline(admin.TabularInline):
    model = ChairUnavailability
    extra = 0


@admin.register(Chair)
class ChairAdmin(HistoryAdmin):
    list_display = ("last_name", "first_name", "email", "is_senior", "is_active")
    list_filter = ("is_senior", "is_active")
    search_fields = ("last_name", "first_name")
    raw_id_fields = ("user",)
    exclude = ("calendar_token_hash",)
    inlines = [UnavailabilityInline]

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(CouncilMember)
class CouncilMemberAdmin(HistoryAdmin):
    list_display = ("last_name", "first_name", "title", "council", "is_active")
    list_filter = ("is_active", "council")
    search_fields = ("last_name", "first_name")
    list_select_related = ("council__order",)

    def has_delete_permission(self, request, obj=None):
        return False


class CountInline(ReadOnlyMixin, admin.TabularInline):
    model = Count
    fields = ("number", "description", "provisions", "derogatory_act", "verdict")
    readonly_fields = fields
    extra = 0


class OrderInline(ReadOnlyMixin, admin.TabularInline):
    model = NonPublicationOrder
    fields = ("scope", "matter", "covered_text", "ordered_on", "lifted_on")
    readonly_fields = fields
    extra = 0


@admin.register(Case)
class CaseAdmin(ReadOnlyHistoryAdmin):
    list_display = ("number", "council", "filed_on", "status", "chair", "urgent")
    list_filter = ("status", "urgent", "council")
    search_fields = ("number",)
    list_select_related = ("council__order", "chair")
    date_hierarchy = "filed_on"
    inlines = [CountInline, OrderInline]


@admin.register(Hearing)
class HearingAdmin(ReadOnlyHistoryAdmin):
    list_display = ("case", "kind", "starts_at", "venue", "room", "chair", "outcome")
    list_filter = ("kind", "outcome", "venue")
    search_fields = ("case__number",)
    list_select_related = ("case", "chair")
    date_hierarchy = "starts_at"


class SanctionInline(ReadOnlyMixin, admin.TabularInline):
    model = Sanction
    fields = ("count", "kind", "months", "amount", "details")
    readonly_fields = fields
    extra = 0


@admin.register(Decision)
class DecisionAdmin(ReadOnlyHistoryAdmin):
    list_display = ("case", "stage", "rendered_on", "served_on")
    list_filter = ("stage",)
    search_fields = ("case__number",)
    list_select_related = ("case",)
    inlines = [SanctionInline]


@admin.register(Appeal)
class AppealAdmin(ReadOnlyHistoryAdmin):
    list_display = ("case", "filed_on", "appellant", "outcome", "outcome_on")
    list_filter = ("outcome",)
    search_fields = ("case__number", "tribunal_number")
    list_select_related = ("case",)
