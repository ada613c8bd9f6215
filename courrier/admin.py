from django.contrib import admin

from courrier.models import (
    AccessRequest,
    Contact,
    MailAttachment,
    MailItem,
    Mandate,
    MandateNote,
    ReviewRequest,
    RoutingEvent,
)
from courrier.resources import ContactResource
from opq_intranet.core.admin_history import HistoryAdmin, ReadOnlyHistoryAdmin, ReadOnlyMixin
from opq_intranet.core.admin_import_export import ReferenceImportExportMixin

# --- Mandates ------------------------------------------------------------------------------------


class MandateNoteInline(ReadOnlyMixin, admin.TabularInline):
    """Progress notes are added on the mandate's page and never changed."""

    model = MandateNote
    fields = ("at", "author", "text")
    readonly_fields = fields
    extra = 0


@admin.register(Mandate)
class MandateAdmin(HistoryAdmin):
    """Mandates are created and moved through their statuses on their pages (numbering, rules,
    notes); IT may correct their description here. They are never deleted."""

    list_display = ("reference", "title", "status", "priority", "org_unit", "lead", "due_on", "created_at")
    list_filter = ("status", "priority", "org_unit")
    search_fields = ("reference", "title")
    list_select_related = ("org_unit", "lead")
    date_hierarchy = "created_at"
    raw_id_fields = ("requester", "lead", "mail_items", "record_files", "created_by")
    filter_horizontal = ("helpers",)
    readonly_fields = ("reference", "status", "completed_on", "last_reminder", "created_at")
    inlines = [MandateNoteInline]

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


# --- Mail, contacts, access requests --------------------------------------------------------------


@admin.register(Contact)
class ContactAdmin(ReferenceImportExportMixin, HistoryAdmin):
    """Contacts are deactivated, never deleted: their mail points to them."""

    list_display = ("name", "organisation", "kind", "professional_order", "email", "is_active")
    list_filter = ("kind", "is_active")
    search_fields = ("name", "organisation", "email")
    list_select_related = ("professional_order",)
    resource_classes = [ContactResource]

    def has_delete_permission(self, request, obj=None):
        return False


class AttachmentInline(ReadOnlyMixin, admin.TabularInline):
    model = MailAttachment
    fields = ("stored_file", "added_by", "added_at")
    readonly_fields = fields
    extra = 0


class RoutingInline(ReadOnlyMixin, admin.TabularInline):
    model = RoutingEvent
    fields = ("at", "by", "from_unit", "from_assignee", "to_unit", "to_assignee", "note")
    readonly_fields = fields
    extra = 0


@admin.register(MailItem)
class MailItemAdmin(ReadOnlyHistoryAdmin):
    """The registry is kept by its pages (chrono numbers, routing trail, notices)."""

    list_display = ("reference", "direction", "subject", "contact", "status", "routed_unit", "registered_at")
    list_filter = ("direction", "status", "mail_type", "confidentiality")
    search_fields = ("reference", "subject")
    list_select_related = ("contact", "routed_unit")
    exclude = ("search_vector",)
    inlines = [AttachmentInline, RoutingInline]


class ReviewInline(ReadOnlyMixin, admin.TabularInline):
    model = ReviewRequest
    fields = ("received_on", "commission_reference", "outcome", "decided_on")
    readonly_fields = fields
    extra = 0


@admin.register(AccessRequest)
class AccessRequestAdmin(ReadOnlyHistoryAdmin):
    """Legal deadlines and letters come from the request's page only."""

    list_display = ("reference", "received_on", "deadline", "extended_deadline", "decision", "decided_on", "status")
    list_filter = ("status", "decision")
    search_fields = ("reference", "documents_requested")
    inlines = [ReviewInline]
