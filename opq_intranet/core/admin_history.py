"""Admin pages show the trigger-recorded history (pghistory) in place of Django's log."""

from django.contrib import admin
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.template.response import TemplateResponse

from opq_intranet.core.history import history_for


class HistoryAdmin(admin.ModelAdmin):
    """The admin's "History" button lists every recorded change, whoever made it and how."""

    def history_view(self, request, object_id, extra_context=None):
        obj = self.get_object(request, unquote(object_id))
        if obj is None:
            raise Http404
        if not self.has_view_or_change_permission(request, obj):
            raise PermissionDenied
        context = {
            **self.admin_site.each_context(request),
            "title": f"Historique : {obj}",
            "subtitle": None,
            "object": obj,
            "opts": self.opts,
            "history": history_for(obj),
            **(extra_context or {}),
        }
        return TemplateResponse(request, "admin/core/object_history.html", context)


class ReadOnlyMixin:
    """Kept by services or by the system: visible in the admin, never edited by hand there."""

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


class ReadOnlyHistoryAdmin(ReadOnlyMixin, HistoryAdmin):
    pass
