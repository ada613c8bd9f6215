"""Records inside a file: adding one, its page with its versions, and downloading a version.

A record is seen by whoever sees its file (404 otherwise); each view or download of a
record in a personal-information or confidential file is logged.
"""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from documents import permissions, selectors, services
from documents.forms import RecordForm, VersionForm
from opq_intranet.core.audit import confidential_access_log
from opq_intranet.core.files import private_file_response
from opq_intranet.core.views.generic import EmbeddedActionView, ObjectDetailView, ObjectEditView, ObjectHistoryView

FILES = ("documents:file_list", gettext_lazy("Files"))


class VisibleRecordMixin:
    breadcrumb_list = FILES

    def get_queryset(self):
        return selectors.records_visible_to(self.request.user)

    def get_breadcrumbs(self, obj):
        crumbs = super().get_breadcrumbs(obj)
        return [crumbs[0], (obj.record_file.reference, obj.record_file.get_absolute_url()), *crumbs[1:]]


def disposed_file_refusal(request, record_file):
    """A file disposed of takes nothing more: back to its page, saying so."""
    messages.error(request, _("This file was disposed of: it takes no new record, version or change."))
    return redirect(record_file.get_absolute_url())


class RecordCreateView(ObjectEditView):
    """File a record in a file its unit (or the records manager) may change."""

    form_class = RecordForm
    template_name = "documents/record_form.html"
    breadcrumb_list = FILES
    pk_url_kwarg = "file_pk"
    title = gettext_lazy("File a record")
    submit_label = gettext_lazy("File the record")

    def get_queryset(self):
        return selectors.files_visible_to(self.request.user)

    def refuse(self, obj):
        if not permissions.can_edit_file(self.request.user, obj):
            raise PermissionDenied
        if obj.is_disposed:
            return disposed_file_refusal(self.request, obj)
        return None

    def get_form_kwargs(self, obj):
        return {**super().get_form_kwargs(obj), "instance": None}  # the form makes a new record

    def save(self, form, obj):
        record = form.save(commit=False)
        record.record_file = obj
        return services.record_add(record=record, user=self.request.user, uploaded=form.cleaned_data["uploaded"])

    def get_success_message(self, result):
        return _("The record is filed in %(reference)s.") % {"reference": result.record_file.reference}


class RecordDetailView(VisibleRecordMixin, ObjectDetailView):
    template_name = "documents/record_detail.html"
    history_url_name = "documents:record_history"

    def on_read(self, obj):
        if obj.record_file.is_restricted:
            confidential_access_log(request=self.request, obj=obj)

    def get_extra_context(self, obj, bound_forms):
        return {
            **selectors.record_page(obj),
            "can_edit": permissions.can_change_file(self.request.user, obj.record_file),
            "version_form": bound_forms.get("version") or VersionForm(),
        }


class RecordHistoryView(VisibleRecordMixin, ObjectHistoryView):
    pass


class VersionAddView(VisibleRecordMixin, EmbeddedActionView):
    """A new version from the record's page: stored with its SHA-256, its text indexed."""

    form_class = VersionForm
    detail_view = RecordDetailView
    form_key = "version"

    def allowed(self, user, obj):
        return permissions.can_edit_file(user, obj.record_file)  # the service refuses a disposed file

    def perform(self, form, obj):
        return services.record_version_add(record=obj, user=self.request.user, **form.cleaned_data)

    def get_success_url(self, result):
        return result.record.get_absolute_url()

    def get_success_message(self, result):
        return _("Version %(number)s is added.") % {"number": result.number}


def version_download(request, pk, number):
    record = get_object_or_404(selectors.records_visible_to(request.user), pk=pk)
    version = get_object_or_404(record.versions.select_related("stored_file"), number=number)
    if record.record_file.is_restricted:
        confidential_access_log(request=request, obj=record, action="download")
    return private_file_response(version.stored_file)
