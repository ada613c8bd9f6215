from django.contrib import admin, messages
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _

from opq_intranet.accounts.enrolment import enrolment_link_issue
from opq_intranet.accounts.models import User
from opq_intranet.accounts.otp import qr_png_data_uri
from opq_intranet.accounts.resources import PersonResource
from opq_intranet.core.admin_history import HistoryAdmin
from opq_intranet.core.admin_import_export import ReferenceImportExportMixin


@admin.register(User)
class UserAdmin(ReferenceImportExportMixin, HistoryAdmin, DjangoUserAdmin):
    resource_classes = [PersonResource]  # the directory's columns only: never a password hash or a right
    list_display = (
        "username",
        "last_name",
        "first_name",
        "kind",
        "professional_order",
        "partner_organisation",
        "org_unit",
        "is_active",
    )
    list_filter = ("kind", "is_active", "is_staff", "groups", "org_unit", "professional_order", "partner_organisation")
    list_select_related = ("professional_order", "partner_organisation", "org_unit")
    search_fields = ("username", "first_name", "last_name", "email")
    fieldsets = (
        (None, {"fields": ("username", "password")}),
        (_("Person"), {"fields": ("first_name", "last_name", "email", "job_title", "phone")}),
        (
            _("Kind of account"),
            {"fields": ("kind", "professional_order", "partner_organisation", "org_unit", "site")},
        ),
        (_("Roles"), {"fields": ("is_active", "groups", "is_staff", "is_superuser", "second_factor_from_it")}),
        (_("Dates"), {"fields": ("last_login", "date_joined")}),
    )
    add_fieldsets = (
        (
            None,
            {
                "classes": ("wide",),
                "fields": (
                    "username",
                    "email",
                    "kind",
                    "professional_order",
                    "partner_organisation",
                    "password1",
                    "password2",
                ),
            },
        ),
    )
    readonly_fields = ("last_login", "date_joined")
    actions = ["issue_enrolment_link"]

    def has_issue_enrolment_link_permission(self, request):
        return request.user.is_superuser

    @admin.action(description=_("Issue a two-step enrolment link"), permissions=["issue_enrolment_link"])
    def issue_enrolment_link(self, request, queryset):
        """A one-time link (and its QR code) for one person's first two-step device, shown once
        to IT, who hands it over by another channel than the password (accounts/enrolment.py)."""
        people = list(queryset.filter(is_active=True)[:2])
        if len(people) != 1:
            self.message_user(request, _("Choose exactly one active account."), messages.ERROR)
            return None
        person = people[0]
        link, url = enrolment_link_issue(user=person, issued_by=request.user)
        context = {
            **self.admin_site.each_context(request),
            "title": _("Two-step enrolment link"),
            "opts": self.opts,
            "person": person,
            "url": url,
            "qr_code": qr_png_data_uri(url),
            "expires_at": link.expires_at,
        }
        return TemplateResponse(request, "admin/accounts/enrolment_link.html", context)
