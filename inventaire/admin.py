"""The Django admin of the inventory. Assets move only through their services (tags, statuses,
assignments, acknowledgements, disposal and its wipe proof): read-only here, with their
holding periods and journal. Categories and locations are kept on the app's pages, and here by IT."""

from django.contrib import admin

from inventaire.models import Asset, Assignment, Category, HandOver, Licence, Location, Maintenance, Movement, Seat
from opq_intranet.core.admin_history import HistoryAdmin, ReadOnlyHistoryAdmin, ReadOnlyMixin


@admin.register(Category)
class CategoryAdmin(HistoryAdmin):
    list_display = ("name", "kind", "posture", "life_months", "residual_percent", "has_storage", "is_active")
    list_filter = ("kind", "posture", "is_active")
    search_fields = ("name",)

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(Location)
class LocationAdmin(HistoryAdmin):
    list_display = ("room", "floor", "site", "description", "is_active")
    list_filter = ("site", "is_active")
    search_fields = ("room", "description")
    list_select_related = ("site",)

    def has_delete_permission(self, request, obj=None):
        return False


class AssignmentInline(ReadOnlyMixin, admin.TabularInline):
    model = Assignment
    fields = ("holder", "location", "checked_out_on", "checked_in_on", "confirmed_on", "note")
    readonly_fields = fields
    extra = 0


class MovementInline(ReadOnlyMixin, admin.TabularInline):
    model = Movement
    fields = ("on", "kind", "holder", "location", "by", "note")
    readonly_fields = fields
    extra = 0


class MaintenanceInline(ReadOnlyMixin, admin.TabularInline):
    model = Maintenance
    fields = ("on", "description", "supplier", "cost", "outcome", "warranty_claim", "claim_number")
    readonly_fields = fields
    extra = 0


@admin.register(Asset)
class AssetAdmin(ReadOnlyHistoryAdmin):
    list_display = ("tag", "category", "manufacturer", "model_name", "serial_number", "status", "location", "holder")
    list_filter = ("status", "category", "location__site", "disk_encryption", "mdm_enrolled")
    search_fields = ("tag", "serial_number", "hostname", "model_name")
    list_select_related = ("category", "location__site", "holder")
    inlines = [AssignmentInline, MovementInline, MaintenanceInline]


@admin.register(HandOver)
class HandOverAdmin(ReadOnlyHistoryAdmin):
    list_display = ("pk", "holder", "handed_on", "handed_by", "acknowledged_at")
    list_filter = ("acknowledged_at",)
    search_fields = ("holder__last_name", "holder__first_name")
    list_select_related = ("holder", "handed_by")
    date_hierarchy = "handed_on"


class SeatInline(ReadOnlyMixin, admin.TabularInline):
    model = Seat
    fields = ("holder", "asset", "assigned_on", "released_on")
    readonly_fields = fields
    extra = 0


@admin.register(Licence)
class LicenceAdmin(HistoryAdmin):
    list_display = ("name", "vendor", "seats", "expires_on", "is_active")
    list_filter = ("is_active",)
    search_fields = ("name", "vendor", "reference")
    inlines = [SeatInline]

    def has_delete_permission(self, request, obj=None):
        return False
