"""Paper records: storage spaces, boxes and their labels, files put in boxes, loans.

Every staff member with access to the records reads the spaces, the boxes and the loans of
the files they may see (documents.selectors); only the records manager writes (MANAGE_RULE,
and the services check it again).
"""

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from documents import labels, permissions, selectors, services
from documents.filtersets import BoxFilterSet, PaperLoanFilterSet, StorageSpaceFilterSet
from documents.forms import AddFileForm, BoxForm, ExtendForm, LoanForm, PutInBoxForm, ReturnForm, StorageSpaceForm
from documents.models import Box, StorageSpace
from documents.permissions import MANAGE, MANAGE_RULE
from documents.tables import BoxTable, PaperLoanTable, StorageSpaceTable
from documents.views.files import FileDetailView
from opq_intranet.core.downloads import PDF, download_response
from opq_intranet.core.lists.views import ObjectListView
from opq_intranet.core.querystring import query_id
from opq_intranet.core.views.generic import (
    Action,
    EmbeddedActionView,
    ObjectActionView,
    ObjectDetailView,
    ObjectEditView,
    ObjectHistoryView,
)

SPACES = ("documents:space_list", gettext_lazy("Storage spaces"))
BOXES = ("documents:box_list", gettext_lazy("Boxes"))
FILES = ("documents:file_list", gettext_lazy("Files"))
LOANS = ("documents:loan_list", gettext_lazy("Loans of paper files"))


def _short_date(value):
    return date_format(value, "SHORT_DATE_FORMAT")


class ManagerListMixin:
    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["can_manage"] = permissions.can_manage_plan(self.request.user)
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


class SpaceDetailView(ObjectDetailView):
    template_name = "documents/space_detail.html"
    history_url_name = "documents:space_history"
    breadcrumb_list = SPACES

    def get_queryset(self):
        return selectors.spaces()

    def get_extra_context(self, obj, bound_forms):
        return selectors.space_page(obj)

    def get_actions(self, space):
        user = self.request.user
        actions = []
        if permissions.can_manage_plan(user):
            actions.append(Action(_("Change"), reverse("documents:space_edit", args=[space.pk])))
        if permissions.can_add_box_to(user, space):
            url = f"{reverse('documents:box_create')}?space={space.pk}"
            actions.append(Action(_("New box here"), url, style="primary"))
        return actions


class SpaceHistoryView(ObjectHistoryView):
    queryset = StorageSpace.objects.all()
    breadcrumb_list = SPACES


class SpaceEditView(ObjectEditView):
    """A new space (no `pk`) or a change; its capacity never drops below the boxes it holds."""

    access_rule = MANAGE_RULE
    form_class = StorageSpaceForm
    queryset = StorageSpace.objects.all()
    template_name = "documents/space_form.html"
    breadcrumb_list = SPACES

    def new_object(self):
        return StorageSpace()

    def get_title(self, obj):
        if obj.pk:
            return _("Change the space %(code)s") % {"code": obj.code}
        return _("New storage space")

    def save(self, form, obj):
        return services.space_save(space=form.save(commit=False), user=self.request.user)

    def get_success_message(self, result):
        return _("The space %(code)s is saved.") % {"code": result.code}


# --- Boxes ----------------------------------------------------------------------------------------


class BoxListView(ManagerListMixin, ObjectListView):
    filterset_class = BoxFilterSet
    table_class = BoxTable
    title = gettext_lazy("Boxes")
    export_name = "boites"
    actions_template = "documents/_box_list_actions.html"

    def get_queryset(self):
        return selectors.boxes()


class BoxDetailView(ObjectDetailView):
    template_name = "documents/box_detail.html"
    history_url_name = "documents:box_history"
    breadcrumb_list = BOXES

    def get_queryset(self):
        return selectors.boxes()

    def get_extra_context(self, obj, bound_forms):
        return {
            **selectors.box_page(obj, self.request.user),
            "can_manage": permissions.can_manage_plan(self.request.user),
            "add_form": bound_forms.get("add_file") or AddFileForm(),
        }

    def get_actions(self, box):
        user = self.request.user
        if not permissions.can_manage_plan(user):
            return []
        label = Action(
            _("Label (PDF)"), reverse("documents:box_label", args=[box.pk]), style="outline-secondary", icon="upc"
        )
        if not permissions.can_change_box(user, box):
            return [label]
        return [label, Action(_("Change"), reverse("documents:box_edit", args=[box.pk]))]


class BoxHistoryView(ObjectHistoryView):
    queryset = Box.objects.all()
    breadcrumb_list = BOXES


class BoxEditView(ObjectEditView):
    """A new box, numbered when it is saved, in the space of `?space=` if given; or a change."""

    access_rule = MANAGE_RULE
    form_class = BoxForm
    queryset = Box.objects.all()
    template_name = "documents/box_form.html"
    breadcrumb_list = BOXES

    def new_object(self):
        box = Box(org_unit_id=self.request.user.org_unit_id)
        space = query_id(self.request, "space")
        if space is not None:
            box.storage_space = StorageSpace.objects.filter(pk=space, is_active=True).first()
        return box

    def get_title(self, obj):
        return _("Change the box %(number)s") % {"number": obj.number} if obj.pk else _("New box")

    def save(self, form, obj):
        box = form.save(commit=False)
        if box.pk:
            return services.box_save(box=box, user=self.request.user)
        return services.box_create(box=box, user=self.request.user)

    def get_success_message(self, result):
        return _("The box %(number)s is saved.") % {"number": result.number}


class BoxAddFileView(EmbeddedActionView):
    """From the box's page: a file, by its number (typed or scanned), goes in the box."""

    access_rule = MANAGE_RULE
    form_class = AddFileForm
    detail_view = BoxDetailView
    form_key = "add_file"

    def get_queryset(self):
        return selectors.boxes()

    def perform(self, form, obj):
        services.file_put_in_box(record_file=form.record_file, box=obj, user=self.request.user)
        self.record_file = form.record_file

    def get_success_message(self, result):
        return _("The file %(reference)s is in the box %(number)s.") % {
            "reference": self.record_file.reference,
            "number": result.number,
        }


def _pdf(content, filename):
    return download_response(content, filename=filename, content_type=PDF)


@MANAGE
def box_label(request, pk):
    box = get_object_or_404(Box.objects.select_related("org_unit", "storage_space__site"), pk=pk)
    content = labels.box_labels_pdf([{"box": box, "files": selectors.box_label_files(box)}])
    return _pdf(content, f"etiquette-{box.number}.pdf")


@MANAGE
def box_labels(request):
    """A sheet of labels for the boxes of the list as filtered (the list's own filters)."""
    filterset = BoxFilterSet(request.GET or None, queryset=selectors.boxes(), request=request)
    boxes = filterset.qs if filterset.is_bound and filterset.is_valid() else selectors.boxes()
    sheet = selectors.label_boxes(boxes, limit=selectors.LABEL_BOXES_MAX)
    if sheet is None:
        messages.error(
            request,
            _("At most %(count)s labels at a time: narrow the list with the filters first.")
            % {"count": selectors.LABEL_BOXES_MAX},
        )
        return redirect(reverse("documents:box_list") + ("?" + request.GET.urlencode() if request.GET else ""))
    return _pdf(labels.box_labels_pdf(sheet), "etiquettes-boites.pdf")


# --- A file's paper side: its box, its label ------------------------------------------------------


class FileBoxView(ObjectActionView):
    """Put the file in a box: by the box's number, with the unit's boxes that have room."""

    access_rule = MANAGE_RULE
    form_class = PutInBoxForm
    template_name = "documents/file_box.html"
    breadcrumb_list = FILES
    title = gettext_lazy("Put the file in a box")
    confirm_label = gettext_lazy("Put in the box")

    def get_queryset(self):
        return selectors.files_visible_to(self.request.user)

    def get_extra_context(self, obj):
        return selectors.file_box_page(obj)

    def perform(self, form, obj):
        services.file_put_in_box(record_file=obj, box=form.box, user=self.request.user)
        self.box = form.box

    def get_success_message(self, result):
        return _("The file %(reference)s is in the box %(number)s.") % {
            "reference": result.reference,
            "number": self.box.number,
        }


class FileTakeOutView(EmbeddedActionView):
    """From the file's page or its box's: the file leaves its box (back to `next`)."""

    access_rule = MANAGE_RULE
    detail_view = FileDetailView  # a refusal is shown on the file's page
    form_key = "take_out"

    def get_queryset(self):
        return selectors.files_visible_to(self.request.user)

    def perform(self, form, obj):
        services.file_take_out_of_box(record_file=obj, user=self.request.user)

    def get_success_message(self, result):
        return _("The file %(reference)s is out of its box.") % {"reference": result.reference}


@MANAGE
def file_label(request, pk):
    record_file = get_object_or_404(selectors.files_visible_to(request.user), pk=pk)
    return _pdf(labels.file_label_pdf(record_file), f"etiquette-{record_file.reference}.pdf")


# --- Loans ----------------------------------------------------------------------------------------


class LoanListView(ManagerListMixin, ObjectListView):
    filterset_class = PaperLoanFilterSet
    table_class = PaperLoanTable
    title = gettext_lazy("Loans of paper files")
    export_name = "prets"
    estimate_unfiltered_count = False  # scoped to the files the person may see

    def get_queryset(self):
        return selectors.loans_visible_to(self.request.user)


class LoanCreateView(ObjectActionView):
    """Lend the file: from the file's page (its short form), or this page."""

    access_rule = MANAGE_RULE
    form_class = LoanForm
    template_name = "documents/loan_form.html"
    breadcrumb_list = FILES
    title = gettext_lazy("Lend the file")
    confirm_label = gettext_lazy("Lend")

    def get_queryset(self):
        return selectors.files_visible_to(self.request.user)

    def get_initial(self, obj):
        return {"lent_on": timezone.localdate()}

    def perform(self, form, obj):
        return services.loan_create(record_file=obj, user=self.request.user, **form.cleaned_data)

    def get_success_message(self, result):
        return _("The file %(reference)s is lent to %(borrower)s until %(due)s.") % {
            "reference": result.record_file.reference,
            "borrower": result.borrower,
            "due": _short_date(result.due_on),
        }


class LoanDetailView(ObjectDetailView):
    template_name = "documents/loan_detail.html"
    history_url_name = "documents:loan_history"
    breadcrumb_list = LOANS

    def get_queryset(self):
        return selectors.loans_with_details(self.request.user)

    def get_extra_context(self, obj, bound_forms):
        today = timezone.localdate()
        return {
            "can_manage": permissions.can_manage_plan(self.request.user),
            "today": today,
            "return_form": bound_forms.get("return") or ReturnForm(initial={"returned_on": today}),
            "extend_form": bound_forms.get("extend")
            or ExtendForm(initial={"due_on": services.default_due_on(obj.due_on)}),
        }


class LoanHistoryView(ObjectHistoryView):
    breadcrumb_list = LOANS

    def get_queryset(self):
        return selectors.loans_visible_to(self.request.user)


class LoanActionView(EmbeddedActionView):
    access_rule = MANAGE_RULE
    detail_view = LoanDetailView

    def get_queryset(self):
        return selectors.loans_with_details(self.request.user)


class LoanReturnView(LoanActionView):
    form_class = ReturnForm
    form_key = "return"

    def perform(self, form, obj):
        return services.loan_return(loan=obj, user=self.request.user, **form.cleaned_data)

    def get_success_message(self, result):
        return _("The file %(reference)s is back.") % {"reference": result.record_file.reference}


class LoanExtendView(LoanActionView):
    form_class = ExtendForm
    form_key = "extend"

    def perform(self, form, obj):
        return services.loan_extend(loan=obj, user=self.request.user, **form.cleaned_data)

    def get_success_message(self, result):
        return _("The loan is extended until %(due)s.") % {"due": _short_date(result.due_on)}
