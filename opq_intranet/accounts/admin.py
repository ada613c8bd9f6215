from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from django.utils.translation import gettext_lazy as _

from opq_intranet.accounts.models import User
from opq_intranet.accounts.resources import PersonResource
from opq_intranet.core.admin_history import HistoryAdmin
from opq_intranet.core.admin_import_export import ReferenceImportExportMixin


@admin.register(User)
class UserAdmin(ReferenceImportExportMixin, HistoryAdmin, DjangoUserAdmin):
    resource_classes = [PersonResource]  # the directory's columns only: never a password hash or a right
    list_display = ("username", "last_name", "first_name", "kind", "professional_order", "org_unit", "is_active")
    list_filter = ("kind", "is_active", "is_staff", "groups", "org_unit", "professional_order")
    list_select_related = ("professional_order", "org_unit")
    search_fields = ("username", "first_name", "last_name", "email")
    fieldsets = (
        (None, {"fields": ("username", "password")}),
        (_("Person"), {"fields": ("first_name", "last_name", "email", "job_title", "phone")}),
        (_("Kind of account"), {"fields": ("kind", "professional_order", "org_unit", "site")}),
        (_("Roles"), {"fields": ("is_active", "groups", "is_staff", "is_superuser")}),
        (_("Dates"), {"fields": ("last_login", "date_joined")}),
    )
    add_fieldsets = (
        (
            None,
            {
                "classes": ("wide",),
                "fields": ("username", "email", "kind", "professional_order", "password1", "password2"),
            },
        ),
    )
    readonly_fields = ("last_login", "date_joined")
