from django.contrib import admin

from documents.models import (
    Box,
    CopyRule,
    DispositionList,
    LegalHold,
    PaperLoan,
    RecordClass,
    RecordFile,
    RetentionRule,
    StorageSpace,
)
from opq_intranet.core.admin_history import HistoryAdmin


class CopyRuleInline(admin.TabularInline):
    model = CopyRule
    extra = 0


@admin.register(RetentionRule)
class RetentionRuleAdmin(HistoryAdmin):
    list_display = ("number", "title", "approval_status", "banq_approved_on", "essential", "confidential")
    list_filter = ("approval_status", "essential", "confidential")
    search_fields = ("number", "title", "legal_references")
    filter_horizontal = ("holding_units",)
    inlines = [CopyRuleInline]


@admin.register(RecordClass)
class RecordClassAdmin(HistoryAdmin):
    """Paths are kept by documents.services.record_class_save: changes go through the plan's pages."""

    list_display = ("code", "title", "parent", "retention_rule", "is_active")
    list_filter = ("is_active",)
    search_fields = ("code", "title", "keywords")
    list_select_related = ("parent", "retention_rule")
    readonly_fields = ("path", "depth")

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(RecordFile)
class RecordFileAdmin(HistoryAdmin):
    """Files change through their pages (the retention dates follow the rules there)."""

    list_display = ("reference", "title", "record_class", "org_unit", "stage", "confidentiality", "opened_on")
    list_filter = ("stage", "confidentiality", "medium")
    search_fields = ("reference", "title")
    list_select_related = ("record_class", "org_unit")

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(LegalHold)
class LegalHoldAdmin(HistoryAdmin):
    list_display = ("title", "placed_at", "placed_by", "lifted_at")
    readonly_fields = ("placed_by", "placed_at", "lifted_by", "lifted_at")

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(DispositionList)
class DispositionListAdmin(HistoryAdmin):
    """Lists are the legal trace of every disposition: shown, never changed here."""

    list_display = ("reference", "kind", "org_unit", "status", "created_at", "processed_at")
    list_filter = ("kind", "status")

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(StorageSpace)
class StorageSpaceAdmin(HistoryAdmin):
    """Spaces are retired (no longer in use), never deleted: their boxes' history points to them."""

    list_display = ("code", "site", "room", "shelf", "capacity", "is_active")
    list_filter = ("site", "is_active")
    search_fields = ("code", "room", "shelf")
    list_select_related = ("site",)

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(Box)
class BoxAdmin(HistoryAdmin):
    """Boxes are numbered and filled through their pages (capacity, unit and space are checked there)."""

    list_display = ("number", "org_unit", "storage_space", "status", "capacity", "created_at")
    list_filter = ("status", "org_unit")
    search_fields = ("number",)
    list_select_related = ("org_unit", "storage_space")

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(PaperLoan)
class PaperLoanAdmin(HistoryAdmin):
    """Loans are the trace of who had a paper file: shown, never changed here."""

    list_display = ("record_file", "borrower", "lent_on", "due_on", "returned_on", "last_reminder_on")
    list_filter = ("returned_on",)
    search_fields = ("record_file__reference", "borrower__last_name", "borrower__username")
    list_select_related = ("record_file", "borrower")
    date_hierarchy = "lent_on"

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
