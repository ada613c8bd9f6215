from django.contrib import admin
from django.db import models
from django.utils.translation import gettext_lazy as _

from opq_intranet.core.admin_history import HistoryAdmin, ReadOnlyMixin
from opq_intranet.core.admin_import_export import ReferenceImportExportMixin
from opq_intranet.core.models import (
    ConfidentialAccess,
    NumberSequence,
    OfficeClosure,
    OrgUnit,
    PartnerOrganisation,
    PrivateFile,
    ProfessionalOrder,
    ScheduledRun,
    Site,
)
from opq_intranet.core.resources import OrgUnitResource, ProfessionalOrderResource


@admin.register(ProfessionalOrder)
class ProfessionalOrderAdmin(ReferenceImportExportMixin, HistoryAdmin):
    resource_classes = [ProfessionalOrderResource]
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}
    list_display = ("name", "code", "practice_kind", "is_active")
    list_filter = ("practice_kind", "is_active")
    search_fields = ("name", "code", "profession")


@admin.register(PartnerOrganisation)
class PartnerOrganisationAdmin(HistoryAdmin):
    """Partners that are not orders (a ministry, the Conseil interprofessionnel): their users
    are partner accounts of the organisation (accounts' admin), for the exchange spaces only."""

    list_display = ("name", "email", "is_active")
    list_filter = ("is_active",)
    search_fields = ("name", "email")


@admin.register(Site)
class SiteAdmin(HistoryAdmin):
    list_display = ("name", "code", "address")


@admin.register(OrgUnit)
class OrgUnitAdmin(ReferenceImportExportMixin, HistoryAdmin):
    resource_classes = [OrgUnitResource]
    list_display = ("name", "code", "parent", "site", "is_active")
    list_filter = ("site", "is_active")
    search_fields = ("name", "code")
    list_select_related = ("parent", "site")


@admin.register(OfficeClosure)
class OfficeClosureAdmin(HistoryAdmin):
    list_display = ("date", "label")
    date_hierarchy = "date"


class ReadOnlyAdmin(ReadOnlyMixin, admin.ModelAdmin):
    """Records kept by the system: visible to IT, never edited by hand."""


@admin.register(NumberSequence)
class NumberSequenceAdmin(ReadOnlyAdmin):
    list_display = ("series", "year", "last_value")
    list_filter = ("series",)


@admin.register(PrivateFile)
class PrivateFileAdmin(ReadOnlyAdmin):
    list_display = ("original_name", "mime_type", "size", "uploaded_at", "uploaded_by", "owner_type", "fixity_ok")
    list_filter = ("fixity_ok", "mime_type")
    list_select_related = ("uploaded_by", "owner_type")
    exclude = ("content",)  # no download link that would bypass the owner's check


@admin.register(ConfidentialAccess)
class ConfidentialAccessAdmin(ReadOnlyAdmin):
    list_display = ("accessed_at", "user", "action", "object_label", "object_repr")
    list_filter = ("action", "object_label")
    list_select_related = ("user",)
    search_fields = ("object_repr", "user__username", "user__last_name")
    date_hierarchy = "accessed_at"


@admin.register(ScheduledRun)
class ScheduledRunAdmin(ReadOnlyAdmin):
    list_display = ("job", "for_date", "started_at", "finished_at", "succeeded", "summary")
    list_filter = ("job", "succeeded")
    date_hierarchy = "started_at"


admin.site.empty_value_display = _("(empty)")
