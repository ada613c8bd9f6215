"""Files (dossiers): the list, a file, opening, changing and closing it.

Who sees a file: selectors.files_visible_to (404 otherwise). Each view of a personal-
information or confidential file is logged (core.audit).
"""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from documents import permissions, selectors, services
from documents.filtersets import RecordFileFilterSet
from documents.forms import CloseFileForm, OverrideForm, RecordFileForm
from documents.tables import RecordFileTable
from opq_intranet.core.audit import confidential_access_log
from opq_intranet.core.history import history_for
from opq_intranet.core.lists.views import ObjectListView
from opq_intranet.core.views.generic import HISTORY_PREVIEW, ObjectHistoryView

RECORDS_SHOWN = 50


def _visible_file(request, pk):
    return get_object_or_404(selectors.files_visible_to(request.user), pk=pk)


class FileListView(ObjectListView):
    filterset_class = RecordFileFilterSet
    table_class = RecordFileTable
    title = gettext_lazy("Files")
    export_name = "dossiers"
    actions_template = "documents/_file_list_actions.html"
    estimate_unfiltered_count = False  # scoped to what the person may see

    def get_queryset(self):
        return selectors.files_visible_to(self.request.user)


def file_detail(request, pk):
    record_file = _visible_file(request, pk)
    if record_file.is_restricted:
        confidential_access_log(request=request, obj=record_file)
    lineage = selectors.ancestors(record_file.record_class)
    rule, _source = selectors.effective_rule(record_file.record_class, lineage)
    records = list(record_file.records.order_by("-record_date", "-pk")[: RECORDS_SHOWN + 1])
    context = {
        "object": record_file,
        "records": records[:RECORDS_SHOWN],
        "records_more": len(records) > RECORDS_SHOWN,
        "records_shown": RECORDS_SHOWN,
        "lineage": lineage,
        "holds": selectors.holds_on(record_file),
        "rule": rule,
        "can_edit": permissions.can_edit_file(request.user, record_file),
        "can_manage": permissions.can_manage_plan(request.user),
        "close_form": CloseFileForm(initial={"closed_on": timezone.localdate()}),
        "override_form": OverrideForm(
            initial={
                "semi_active_on": record_file.semi_active_override,
                "disposal_on": record_file.disposal_override,
                "reason": record_file.override_reason,
            }
        ),
        "history": history_for(record_file, limit=HISTORY_PREVIEW),
        "history_url_name": "documents:file_history",
    }
    return render(request, "documents/file_detail.html", context)


class FileHistoryView(ObjectHistoryView):
    def get_queryset(self):
        return selectors.files_visible_to(self.request.user)


def file_create(request):
    user = request.user
    can_choose_unit = permissions.can_manage_plan(user)
    initial = {"org_unit": user.org_unit_id, "opened_on": timezone.localdate()}
    if request.GET.get("classe", "").isdigit():
        initial["record_class"] = request.GET["classe"]
    form = RecordFileForm(request.POST or None, initial=initial, can_choose_unit=can_choose_unit)
    if request.method == "POST" and form.is_valid():
        try:
            record_file = services.file_create(record_file=form.save(commit=False), user=user)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("The file %(reference)s is open.") % {"reference": record_file.reference})
            return redirect(record_file)
    status = 422 if request.method == "POST" else 200
    return render(request, "documents/file_form.html", {"form": form, "title": _("Open a file")}, status=status)


def file_edit(request, pk):
    record_file = _visible_file(request, pk)
    if not permissions.can_edit_file(request.user, record_file):
        raise PermissionDenied
    form = RecordFileForm(
        request.POST or None, instance=record_file, can_choose_unit=permissions.can_manage_plan(request.user)
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.file_update(record_file=form.save(commit=False), user=request.user)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("The file is saved."))
            return redirect(record_file)
    status = 422 if request.method == "POST" else 200
    title = _("Change the file %(reference)s") % {"reference": record_file.reference}
    return render(
        request, "documents/file_form.html", {"form": form, "title": title, "object": record_file}, status=status
    )


@require_POST
def file_close(request, pk):
    record_file = _visible_file(request, pk)
    form = CloseFileForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Give the closing date."))
        return redirect(record_file)
    try:
        services.file_close(record_file=record_file, user=request.user, closed_on=form.cleaned_data["closed_on"])
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("The file is closed; its retention dates are computed."))
    return redirect(record_file)


@require_POST
def file_override(request, pk):
    record_file = _visible_file(request, pk)
    form = OverrideForm(request.POST)
    if form.is_valid():
        try:
            services.file_override_dates(
                record_file=record_file,
                user=request.user,
                semi_active_on=form.cleaned_data["semi_active_on"],
                disposal_on=form.cleaned_data["disposal_on"],
                reason=form.cleaned_data["reason"],
            )
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("The file's dates are saved."))
    else:
        messages.error(request, _("Give the dates as 2026-11-24."))
    return redirect(record_file)
