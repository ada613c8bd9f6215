from django.contrib import admin

from bdsp.models import (
    AnnualReturn,
    ApiToken,
    Dimension,
    DimensionCategory,
    Indicator,
    IndicatorDimension,
    ReportingYear,
    ReturnComment,
    ReturnEvent,
    ReturnValue,
    Section,
    ValidationRule,
)
from opq_intranet.core.admin_history import HistoryAdmin


class FrozenYearAdmin(HistoryAdmin):
    """Parts of a year's form can be changed only while the year is in preparation."""

    def _frozen(self, obj):
        return obj is not None and obj.reporting_year.is_frozen

    def has_change_permission(self, request, obj=None):
        return super().has_change_permission(request, obj) and not self._frozen(obj)

    def has_delete_permission(self, request, obj=None):
        return super().has_delete_permission(request, obj) and not self._frozen(obj)


@admin.register(ReportingYear)
class ReportingYearAdmin(HistoryAdmin):
    list_display = ("year", "status", "opened_at", "copied_from")
    list_filter = ("status",)
    readonly_fields = ("status", "opened_at", "opened_by", "copied_from")


class CategoryInline(admin.TabularInline):
    model = DimensionCategory
    extra = 1


@admin.register(Dimension)
class DimensionAdmin(HistoryAdmin):
    list_display = ("label", "code")
    search_fields = ("label", "code")
    inlines = [CategoryInline]


@admin.register(Section)
class SectionAdmin(FrozenYearAdmin):
    list_display = ("title", "code", "reporting_year", "order")
    list_filter = ("reporting_year",)


class IndicatorDimensionInline(admin.TabularInline):
    model = IndicatorDimension
    extra = 0


@admin.register(Indicator)
class IndicatorAdmin(FrozenYearAdmin):
    list_display = ("code", "label", "section", "value_type", "reporting_year")
    list_filter = ("reporting_year", "value_type", "section__code")
    search_fields = ("code", "label")
    list_select_related = ("section", "reporting_year")
    inlines = [IndicatorDimensionInline]


@admin.register(ValidationRule)
class ValidationRuleAdmin(FrozenYearAdmin):
    list_display = ("code", "kind", "indicator", "severity", "reporting_year")
    list_filter = ("reporting_year", "kind", "severity")
    list_select_related = ("indicator", "reporting_year")


class ReadOnlyInline(admin.TabularInline):
    extra = 0
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False


class EventInline(ReadOnlyInline):
    model = ReturnEvent


class CommentInline(ReadOnlyInline):
    model = ReturnComment


@admin.register(AnnualReturn)
class AnnualReturnAdmin(HistoryAdmin):
    """Returns change through their workflow only (the BDSP pages); the admin shows them."""

    list_display = ("professional_order", "reporting_year", "version", "status", "due_date", "submitted_at")
    list_filter = ("reporting_year", "status")
    list_select_related = ("professional_order", "reporting_year")
    search_fields = ("professional_order__name",)
    inlines = [EventInline, CommentInline]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(ReturnValue)
class ReturnValueAdmin(HistoryAdmin):
    list_display = ("annual_return", "indicator", "category_key", "state", "number", "followup")
    list_filter = ("state", "followup", "annual_return__reporting_year")
    list_select_related = ("annual_return__professional_order", "annual_return__reporting_year", "indicator")

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(ApiToken)
class ApiTokenAdmin(admin.ModelAdmin):
    """IT can see who holds a token and revoke it; only the déclarant creates one (portal)."""

    list_display = ("user", "prefix", "created_at", "last_used_at")
    list_select_related = ("user",)
    search_fields = ("user__email", "user__last_name")
    readonly_fields = ("user", "prefix", "created_at", "last_used_at")

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
