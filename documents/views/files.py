"""Files (dossiers): the list, a file, opening, changing and closing it.

Who sees a file: selectors.files_visible_to (404 otherwise). Each view of a personal-
information or confidential file is logged (core.audit).
"""

from django.core.exceptions import PermissionDenied
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from documents import permissions, selectors, services
from documents.filtersets import RecordFileFilterSet
from documents.forms import CloseFileForm, OverrideForm, RecordFileForm
from documents.tables import RecordFileTable
from documents.views.records import disposed_file_refusal
from opq_intranet.core.audit import confidential_access_log
from opq_intranet.core.lists.views import ObjectListView
from opq_intranet.core.querystring import query_id
from opq_intranet.core.views.generic import (
    Action,
    EmbeddedActionView,
    ObjectDetailView,
    ObjectEditView,
    ObjectHistoryView,
)

FILES = ("documents:file_list", gettext_lazy("Files"))


class VisibleFileMixin:
    def get_queryset(self):
        return selectors.files_visible_to(self.request.user)


class FileListView(ObjectListView):
    filterset_class = RecordFileFilterSet
    table_class = RecordFileTable
    title = gettext_lazy("Files")
    export_name = "dossiers"
    actions_template = "documents/_file_list_actions.html"
    estimate_unfiltered_count = False  # scoped to what the person may see

    def get_queryset(self):
        return selectors.files_visible_to(self.request.user)


class FileDetailView(VisibleFileMixin, ObjectDetailView):
    template_name = "documents/file_detail.html"
    history_url_name = "documents:file_history"
    breadcrumb_list = FILES

    def on_read(self, obj):
        if obj.is_restricted:
            confidential_access_log(request=self.request, obj=obj)

    def get_extra_context(self, obj, bound_forms):
        user = self.request.user
        return {
            **selectors.file_page(obj),
            "can_change": permissions.can_change_file(user, obj),
            "can_override": permissions.can_override_file_dates(user) and not obj.is_disposed,
            "close_form": bound_forms.get("close") or CloseFileForm(initial={"closed_on": timezone.localdate()}),
            "override_form": bound_forms.get("override")
            or OverrideForm(
                initial={
                    "semi_active_on": obj.semi_active_override,
                    "disposal_on": obj.disposal_override,
                    "reason": obj.override_reason,
                }
            ),
            "paper_forms": bound_forms,  # the paper card's (documents/templatetags/records_paper.py)
        }

    def get_actions(self, obj):
        if not permissions.can_change_file(self.request.user, obj):
            return []
        return [Action(_("Change"), reverse("documents:file_edit", args=[obj.pk]))]


class FileHistoryView(VisibleFileMixin, ObjectHistoryView):
    breadcrumb_list = FILES


class FileEditView(VisibleFileMixin, ObjectEditView):
    """Open a file (no `pk`: for the person's unit, in the class of `?record_class=`) or change it."""

    form_class = RecordFileForm
    template_name = "documents/file_form.html"
    breadcrumb_list = FILES

    def refuse(self, obj):
        if obj is not None and not permissions.can_edit_file(self.request.user, obj):
            raise PermissionDenied
        if obj is not None and obj.is_disposed:
            return disposed_file_refusal(self.request, obj)
        return None

    def get_title(self, obj):
        if obj is None:
            return _("Open a file")
        return _("Change the file %(reference)s") % {"reference": obj.reference}

    def get_initial(self, obj):
        if obj is not None:
            return {}
        initial = {"org_unit": self.request.user.org_unit_id, "opened_on": timezone.localdate()}
        record_class = query_id(self.request, "record_class")  # a hint from the class page
        if record_class is not None:
            initial["record_class"] = record_class
        return initial

    def get_form_kwargs(self, obj):
        return {**super().get_form_kwargs(obj), "can_choose_unit": permissions.can_choose_file_unit(self.request.user)}

    def save(self, form, obj):
        if obj is None:
            return services.file_create(record_file=form.save(commit=False), user=self.request.user)
        return services.file_update(record_file=form.save(commit=False), user=self.request.user)

    def get_success_message(self, result):
        if self.pk_url_kwarg in self.kwargs:
            return _("The file is saved.")
        return _("The file %(reference)s is open.") % {"reference": result.reference}


class FileActionView(VisibleFileMixin, EmbeddedActionView):
    detail_view = FileDetailView


class FileCloseView(FileActionView):
    form_class = CloseFileForm
    form_key = "close"
    success_message = gettext_lazy("The file is closed; its retention dates are computed.")

    def refuse(self, obj):
        if not permissions.can_edit_file(self.request.user, obj):
            raise PermissionDenied

    def perform(self, form, obj):
        return services.file_close(record_file=obj, user=self.request.user, **form.cleaned_data)


class FileOverrideView(FileActionView):
    """The records manager sets the dates by hand, with the reason."""

    access_rule = permissions.MANAGE_RULE
    form_class = OverrideForm
    form_key = "override"
    success_message = gettext_lazy("The file's dates are saved.")

    def perform(self, form, obj):
        data = form.cleaned_data
        return services.file_override_dates(
            record_file=obj,
            user=self.request.user,
            semi_active_on=data["semi_active_on"],
            disposal_on=data["disposal_on"],
            reason=data["reason"],
        )
