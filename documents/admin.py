from django.contrib import admin

from documents.models import (
    Box,
    CopyRule,
    DispositionList,
    LegalHold,
    PaperLoan,
    Record,
    RecordClass,
    RecordFile,
    RecordVersion,
    RetentionRule,
    StorageSpace,
)
from opq_intranet.core.admin_history import HistoryAdmin, ReadOnlyHistoryAdmin, ReadOnlyMixin


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
class RecordFileAdmin(ReadOnlyHistoryAdmin):
    """Files change through their pages (the retention dates follow the rules there)."""

    list_display = ("reference", "title", "record_class", "org_unit", "stage", "confidentiality", "opened_on")
    list_filter = ("stage", "confidentiality", "medium")
    search_fields = ("reference", "title")
    list_select_related = ("record_class", "org_unit")


class RecordVersionInline(ReadOnlyMixin, admin.TabularInline):
    model = RecordVersion
    fields = ("number", "stored_file", "comment", "created_by", "created_at")
    readonly_fields = fields
    extra = 0


@admin.register(Record)
class RecordAdmin(ReadOnlyHistoryAdmin):
    """Records are filed and versioned through their file's pages (text extraction, search index)."""

    list_display = ("title", "record_file", "medium", "record_date", "created_at")
    list_filter = ("medium",)
    search_fields = ("title", "record_file__reference")
    list_select_related = ("record_file",)
    exclude = ("search_vector",)
    inlines = [RecordVersionInline]


@admin.register(LegalHold)
class LegalHoldAdmin(ReadOnlyHistoryAdmin):
    """Holds are placed and lifted on their pages, which check every file and class they name."""

    list_display = ("title", "placed_at", "placed_by", "lifted_at")


@admin.register(DispositionList)
class DispositionListAdmin(ReadOnlyHistoryAdmin):
    """Lists are the legal trace of every disposition: shown, never changed here."""

    list_display = ("reference", "kind", "org_unit", "status", "created_at", "processed_at")
    list_filter = ("kind", "status")


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
class BoxAdmin(ReadOnlyHistoryAdmin):
    """Boxes are numbered and filled through their pages (capacity, unit and space are checked there)."""

    list_display = ("number", "org_unit", "storage_space", "status", "capacity", "created_at")
    list_filter = ("status", "org_unit")
    search_fields = ("number",)
    list_select_related = ("org_unit", "storage_space")


@admin.register(PaperLoan)
class PaperLoanAdmin(ReadOnlyHistoryAdmin):
    """Loans are the trace of who had a paper file: shown, never changed here."""

    list_display = ("record_file", "borrower", "lent_on", "due_on", "returned_on", "last_reminder_on")
    list_filter = ("returned_on",)
    search_fields = ("record_file__reference", "borrower__last_name", "borrower__username")
    list_select_related = ("record_file", "borrower")
    date_hierarchy = "lent_on"
