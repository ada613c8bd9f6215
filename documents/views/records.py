"""Records inside a file: adding one, its page with its versions, and downloading a version.

A record is seen by whoever sees its file (404 otherwise); each view or download of a
record in a personal-information or confidential file is logged.
"""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from documents import permissions, selectors, services
from documents.forms import RecordForm, VersionForm
from opq_intranet.core.audit import confidential_access_log
from opq_intranet.core.files import private_file_response
from opq_intranet.core.history import history_for
from opq_intranet.core.views.generic import HISTORY_PREVIEW, ObjectHistoryView


def _visible_record(request, pk):
    return get_object_or_404(selectors.records_visible_to(request.user), pk=pk)


def record_create(request, file_pk):
    record_file = get_object_or_404(selectors.files_visible_to(request.user), pk=file_pk)
    if not permissions.can_edit_file(request.user, record_file):
        raise PermissionDenied
    form = RecordForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        record = form.save(commit=False)
        record.record_file = record_file
        try:
            services.record_add(record=record, user=request.user, uploaded=form.cleaned_data["uploaded"])
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("The record is filed in %(reference)s.") % {"reference": record_file.reference})
            return redirect(record)
    status = 422 if request.method == "POST" else 200
    return render(request, "documents/record_form.html", {"form": form, "record_file": record_file}, status=status)


def record_detail(request, pk):
    record = _visible_record(request, pk)
    if record.record_file.is_restricted:
        confidential_access_log(request=request, obj=record)
    context = {
        "object": record,
        "versions": record.versions.select_related("stored_file", "created_by"),
        "can_edit": permissions.can_edit_file(request.user, record.record_file),
        "version_form": VersionForm(),
        "history": history_for(record, limit=HISTORY_PREVIEW),
        "history_url_name": "documents:record_history",
    }
    return render(request, "documents/record_detail.html", context)


class RecordHistoryView(ObjectHistoryView):
    def get_queryset(self):
        return selectors.records_visible_to(self.request.user)


@require_POST
def version_add(request, pk):
    record = _visible_record(request, pk)
    form = VersionForm(request.POST, request.FILES)
    if not form.is_valid():
        messages.error(request, _("Choose the file of the new version."))
        return redirect(record)
    try:
        version = services.record_version_add(
            record=record,
            user=request.user,
            uploaded=form.cleaned_data["uploaded"],
            comment=form.cleaned_data["comment"],
        )
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("Version %(number)s is added.") % {"number": version.number})
    return redirect(record)


def version_download(request, pk, number):
    record = _visible_record(request, pk)
    version = get_object_or_404(record.versions.select_related("stored_file"), number=number)
    if record.record_file.is_restricted:
        confidential_access_log(request=request, obj=record, action="download")
    return private_file_response(version.stored_file)
