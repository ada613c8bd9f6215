"""Paper records: storage spaces, boxes and their labels, files put in boxes, loans.

Every staff member with access to the records reads the spaces, the boxes and the loans of
the files they may see (documents/selectors.py); only the records manager writes
(the MANAGE rule, and the services check it again).
"""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from documents import labels, selectors, services
from documents.filtersets import BoxFilterSet, PaperLoanFilterSet, StorageSpaceFilterSet
from documents.forms import (
    AddFileForm,
    BoxForm,
    ExtendForm,
    LoanForm,
    PutInBoxForm,
    ReturnForm,
    StorageSpaceForm,
)
from documents.models import Box, StorageSpace
from documents.permissions import can_manage_plan
from documents.tables import BoxTable, PaperLoanTable, StorageSpaceTable
from documents.views.plan import MANAGE
from opq_intranet.core.forms import add_service_errors
from opq_intranet.core.history import history_for
from opq_intranet.core.lists.views import ObjectListView
from opq_intranet.core.views.generic import HISTORY_PREVIEW, ObjectHistoryView

BOXES_SUGGESTED = 10


def _pdf_response(content, filename):
    response = HttpResponse(content, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def _back(request, default):
    """Where a form of another page sends back to: its `next` if it is on this site."""
    target = request.POST.get("next", "")
    if target and url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}):
        return redirect(target)
    return redirect(default)


class ManagerListMixin:
    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["can_manage"] = can_manage_plan(self.request.user)
        return context


# --- Storage spaces -------------------------------------------------------------------------------


class SpaceListView(ManagerListMixin, ObjectListView):
    filterset_class = StorageSpaceFilterSet
    table_class = StorageSpaceTable
    title = gettext_lazy("Storage spaces")
    export_name = "espaces-de-rangement"
    actions_template = "documents/_space_list_actions.html"

    def get_queryset(self):
        return selectors.spaces()


def space_detail(request, pk):
    space = get_object_or_404(selectors.spaces(), pk=pk)
    context = {
        "object": space,
        "boxes": selectors.boxes().filter(storage_space=space).order_by("number"),
        "can_manage": can_manage_plan(request.user),
        "history": history_for(space, limit=HISTORY_PREVIEW),
        "history_url_name": "documents:space_history",
    }
    return render(request, "documents/space_detail.html", context)


class SpaceHistoryView(ObjectHistoryView):
    queryset = StorageSpace.objects.all()


def _space_form(request, space, title):
    form = StorageSpaceForm(request.POST or None, instance=space)
    if request.method == "POST" and form.is_valid():
        try:
            saved = services.space_save(space=form.save(commit=False), user=request.user)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("The space %(code)s is saved.") % {"code": saved.code})
            return redirect(saved)
    status = 422 if request.method == "POST" else 200
    context = {"form": form, "title": title, "object": space}
    return render(request, "documents/space_form.html", context, status=status)


@MANAGE
def space_create(request):
    return _space_form(request, StorageSpace(), _("New storage space"))


@MANAGE
def space_edit(request, pk):
    space = get_object_or_404(StorageSpace, pk=pk)
    return _space_form(request, space, _("Change the space %(code)s") % {"code": space.code})


# --- Boxes ----------------------------------------------------------------------------------------


class BoxListView(ManagerListMixin, ObjectListView):
    filterset_class = BoxFilterSet
    table_class = BoxTable
    title = gettext_lazy("Boxes")
    export_name = "boites"
    actions_template = "documents/_box_list_actions.html"

    def get_queryset(self):
        return selectors.boxes()


def _box_page(request, box, *, add_form=None, status=200):
    can_manage = can_manage_plan(request.user)
    context = {
        "object": box,
        "files": selectors.box_files(box, request.user),
        "can_manage": can_manage,
        "add_form": add_form or AddFileForm(),
        "history": history_for(box, limit=HISTORY_PREVIEW),
        "history_url_name": "documents:box_history",
    }
    return render(request, "documents/box_detail.html", context, status=status)


def box_detail(request, pk):
    return _box_page(request, get_object_or_404(selectors.boxes(), pk=pk))


class BoxHistoryView(ObjectHistoryView):
    queryset = Box.objects.all()


def _box_form(request, box, title):
    form = BoxForm(request.POST or None, instance=box)
    if request.method == "POST" and form.is_valid():
        box = form.save(commit=False)
        try:
            if box.pk:
                saved = services.box_save(box=box, user=request.user)
            else:
                saved = services.box_create(box=box, user=request.user)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("The box %(number)s is saved.") % {"number": saved.number})
            return redirect(saved)
    status = 422 if request.method == "POST" else 200
    context = {"form": form, "title": title, "object": box}
    return render(request, "documents/box_form.html", context, status=status)


@MANAGE
def box_create(request):
    box = Box(org_unit_id=request.user.org_unit_id)
    space = request.GET.get("espace", "")
    if space.isdigit():
        box.storage_space = StorageSpace.objects.filter(pk=space, is_active=True).first()
    return _box_form(request, box, _("New box"))


@MANAGE
def box_edit(request, pk):
    box = get_object_or_404(Box, pk=pk)
    return _box_form(request, box, _("Change the box %(number)s") % {"number": box.number})


@MANAGE
@require_POST
def box_add_file(request, pk):
    """From the box's page: a file, by its number (typed or scanned), goes in the box."""
    box = get_object_or_404(selectors.boxes(), pk=pk)
    form = AddFileForm(request.POST)
    if form.is_valid():
        try:
            services.file_put_in_box(record_file=form.record_file, box=box, user=request.user)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(
                request,
                _("The file %(reference)s is in the box %(number)s.")
                % {"reference": form.record_file.reference, "number": box.number},
            )
            return redirect(box)
    return _box_page(request, box, add_form=form, status=422)


@MANAGE
def box_label(request, pk):
    box = get_object_or_404(Box.objects.select_related("org_unit", "storage_space__site"), pk=pk)
    content = labels.box_labels_pdf([{"box": box, "files": selectors.box_label_files(box)}])
    return _pdf_response(content, f"etiquette-{box.number}.pdf")


@MANAGE
def box_labels(request):
    """A sheet of labels for the boxes of the list as filtered (the list's own filters)."""
    filterset = BoxFilterSet(request.GET or None, queryset=selectors.boxes(), request=request)
    boxes = filterset.qs if filterset.is_bound and filterset.is_valid() else selectors.boxes()
    boxes = list(boxes.order_by("number")[: selectors.LABEL_BOXES_MAX + 1])
    if len(boxes) > selectors.LABEL_BOXES_MAX:
        messages.error(
            request,
            _("At most %(count)s labels at a time: narrow the list with the filters first.")
            % {"count": selectors.LABEL_BOXES_MAX},
        )
        return redirect(reverse("documents:box_list") + ("?" + request.GET.urlencode() if request.GET else ""))
    files_of = selectors.label_files_of(boxes)
    content = labels.box_labels_pdf([{"box": box, "files": files_of.get(box.pk, [])} for box in boxes])
    return _pdf_response(content, "etiquettes-boites.pdf")


# --- A file's paper side: its box, its label ------------------------------------------------------


def _managed_file(request, pk):
    return get_object_or_404(selectors.files_visible_to(request.user), pk=pk)


@MANAGE
def file_box(request, pk):
    """Put the file in a box: by the box's number, with the unit's boxes that have room."""
    record_file = _managed_file(request, pk)
    form = PutInBoxForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.file_put_in_box(record_file=record_file, box=form.box, user=request.user)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(
                request,
                _("The file %(reference)s is in the box %(number)s.")
                % {"reference": record_file.reference, "number": form.box.number},
            )
            return redirect(record_file)
    context = {
        "record_file": record_file,
        "form": form,
        "suggested": selectors.boxes_with_room(record_file.org_unit_id)[:BOXES_SUGGESTED],
    }
    status = 422 if request.method == "POST" else 200
    return render(request, "documents/file_box.html", context, status=status)


@MANAGE
@require_POST
def file_take_out(request, pk):
    record_file = _managed_file(request, pk)
    try:
        services.file_take_out_of_box(record_file=record_file, user=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("The file %(reference)s is out of its box.") % {"reference": record_file.reference})
    return _back(request, record_file.get_absolute_url())


@MANAGE
def file_label(request, pk):
    record_file = _managed_file(request, pk)
    return _pdf_response(labels.file_label_pdf(record_file), f"etiquette-{record_file.reference}.pdf")


# --- Loans ----------------------------------------------------------------------------------------


class LoanListView(ManagerListMixin, ObjectListView):
    filterset_class = PaperLoanFilterSet
    table_class = PaperLoanTable
    title = gettext_lazy("Loans of paper files")
    export_name = "prets"
    estimate_unfiltered_count = False  # scoped to the files the person may see

    def get_queryset(self):
        return selectors.loans_visible_to(self.request.user)


@MANAGE
def loan_create(request, pk):
    """Lend the file: from the file's page (its short form), or this page when refused."""
    record_file = _managed_file(request, pk)
    form = LoanForm(request.POST or None, initial={"lent_on": timezone.localdate()})
    if request.method == "POST" and form.is_valid():
        try:
            loan = services.loan_create(
                record_file=record_file,
                borrower=form.cleaned_data["borrower"],
                user=request.user,
                lent_on=form.cleaned_data["lent_on"],
                due_on=form.cleaned_data["due_on"],
                note=form.cleaned_data["note"],
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(
                request,
                _("The file %(reference)s is lent to %(borrower)s until %(due)s.")
                % {
                    "reference": record_file.reference,
                    "borrower": loan.borrower,
                    "due": date_format(loan.due_on, "SHORT_DATE_FORMAT"),
                },
            )
            return redirect(loan)
    status = 422 if request.method == "POST" else 200
    return render(request, "documents/loan_form.html", {"record_file": record_file, "form": form}, status=status)


def _visible_loan(request, pk):
    return get_object_or_404(selectors.loans_visible_to(request.user).select_related("lent_by", "returned_to"), pk=pk)


def _loan_page(request, loan, *, return_form=None, extend_form=None, status=200):
    context = {
        "object": loan,
        "can_manage": can_manage_plan(request.user),
        "today": timezone.localdate(),
        "return_form": return_form or ReturnForm(initial={"returned_on": timezone.localdate()}),
        "extend_form": extend_form or ExtendForm(initial={"due_on": services.default_due_on(loan.due_on)}),
        "history": history_for(loan, limit=HISTORY_PREVIEW),
        "history_url_name": "documents:loan_history",
    }
    return render(request, "documents/loan_detail.html", context, status=status)


def loan_detail(request, pk):
    return _loan_page(request, _visible_loan(request, pk))


class LoanHistoryView(ObjectHistoryView):
    def get_queryset(self):
        return selectors.loans_visible_to(self.request.user)


@MANAGE
@require_POST
def loan_return(request, pk):
    loan = _visible_loan(request, pk)
    form = ReturnForm(request.POST)
    if form.is_valid():
        try:
            services.loan_return(loan=loan, user=request.user, returned_on=form.cleaned_data["returned_on"])
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("The file %(reference)s is back.") % {"reference": loan.record_file.reference})
            return _back(request, loan.get_absolute_url())
    return _loan_page(request, loan, return_form=form, status=422)


@MANAGE
@require_POST
def loan_extend(request, pk):
    loan = _visible_loan(request, pk)
    form = ExtendForm(request.POST)
    if form.is_valid():
        try:
            loan = services.loan_extend(
                loan=loan, user=request.user, due_on=form.cleaned_data["due_on"], reason=form.cleaned_data["reason"]
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(
                request,
                _("The loan is extended until %(due)s.") % {"due": date_format(loan.due_on, "SHORT_DATE_FORMAT")},
            )
            return redirect(loan)
    return _loan_page(request, loan, extend_form=form, status=422)
