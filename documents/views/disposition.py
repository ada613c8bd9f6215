"""What is due, legal holds, and disposition lists (generate, validate, approve, process)."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import Count, Q
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from documents import clock, permissions, selectors, services
from documents.choices import DispositionStatus, FileMedium
from documents.filtersets import DispositionListFilterSet, LegalHoldFilterSet
from documents.forms import GenerateListForm, HoldForm, LiftForm
from documents.models import DispositionList, LegalHold
from documents.tables import DispositionListTable, LegalHoldTable
from documents.views.plan import MANAGE
from opq_intranet.accounts.access import AccessRule, Audience
from opq_intranet.core.forms import add_service_errors
from opq_intranet.core.history import history_for
from opq_intranet.core.lists.views import ObjectListView
from opq_intranet.core.views.generic import HISTORY_PREVIEW, ObjectHistoryView

MANAGE_RULE = AccessRule(Audience.STAFF, ("accounts.access_documents", "documents.manage_plan"))
LISTS_SHOWN = 10  # the latest; the list page has them all, with filters


def _lists_visible_to(user):
    lists = DispositionList.objects.select_related("org_unit").annotate(file_count=Count("files"))
    if permissions.can_manage_plan(user):
        return lists
    return lists.filter(org_unit_id=user.org_unit_id)


def disposition_index(request):
    today = clock.today()
    can_manage = permissions.can_manage_plan(request.user)
    due = (
        selectors.due_for_disposal(today)
        .values("org_unit", "org_unit__name", "final_disposal")
        .annotate(count=Count("pk"))
        .order_by("org_unit__name", "final_disposal")
    )
    semi_active = {"digital": None, "paper": None}
    if can_manage:  # both counts in one pass over what is due
        semi_active = selectors.due_for_semi_active(today).aggregate(
            digital=Count("pk", filter=Q(medium=FileMedium.DIGITAL)),
            paper=Count("pk", filter=~Q(medium=FileMedium.DIGITAL)),
        )
    context = {
        "lists": _lists_visible_to(request.user)[:LISTS_SHOWN],
        "due": due if can_manage else None,
        "semi_active_due": semi_active["digital"],
        "paper_transfer_due": semi_active["paper"],
        "can_manage": can_manage,
        "form": GenerateListForm(initial={"due_on": today}),
        "today": today,
        "simulated_today": clock.is_simulated(),
    }
    return render(request, "documents/disposition_index.html", context)


PREVIEW_ROWS = 50  # the count says how many more


@MANAGE
def disposition_preview(request):
    """What a list would take, before generating it: the same query as the generation."""
    form = GenerateListForm(request.GET or None, initial={"due_on": clock.today()})
    files, count = [], None
    if form.is_valid():
        due = selectors.files_for_new_list(**form.cleaned_data).select_related("record_class")
        files = list(due.order_by("reference")[: PREVIEW_ROWS + 1])
        count = len(files) if len(files) <= PREVIEW_ROWS else due.count()
    context = {"form": form, "files": files[:PREVIEW_ROWS], "count": count, "shown": PREVIEW_ROWS}
    return render(request, "documents/disposition_preview.html", context)


@MANAGE
@require_POST
def disposition_generate(request):
    form = GenerateListForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Choose the kind of list, the unit and the date."))
        return redirect("documents:disposition_index")
    try:
        disposition_list = services.disposition_list_generate(user=request.user, **form.cleaned_data)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect("documents:disposition_index")
    messages.success(
        request, _("The list %(reference)s is ready for the unit.") % {"reference": disposition_list.reference}
    )
    return redirect(disposition_list)


def disposition_detail(request, pk):
    disposition_list = get_object_or_404(_lists_visible_to(request.user), pk=pk)
    files = disposition_list.files.select_related("record_class").order_by("reference")
    held = set(selectors.held_files(files).values_list("pk", flat=True))
    context = {
        "object": disposition_list,
        "files": files,
        "held": held,
        "can_validate": permissions.can_validate(request.user, disposition_list)
        and disposition_list.status == DispositionStatus.DRAFT,
        "can_manage": permissions.can_manage_plan(request.user),
        "history": history_for(disposition_list, limit=HISTORY_PREVIEW),
        "history_url_name": "documents:disposition_history",
    }
    return render(request, "documents/disposition_detail.html", context)


class DispositionHistoryView(ObjectHistoryView):
    def get_queryset(self):
        return _lists_visible_to(self.request.user)


class HoldHistoryView(ObjectHistoryView):
    access_rule = MANAGE_RULE
    queryset = LegalHold.objects.all()


def _list_action(request, pk, action, success):
    disposition_list = get_object_or_404(_lists_visible_to(request.user), pk=pk)
    try:
        action(disposition_list)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, success)
    return redirect(disposition_list)


@require_POST
def disposition_validate(request, pk):
    keep = [int(v) for v in request.POST.getlist("keep") if v.isdigit()]
    return _list_action(
        request,
        pk,
        lambda dl: services.disposition_list_validate(disposition_list=dl, user=request.user, keep_ids=keep),
        _("The list is validated; the records manager will approve it."),
    )


@require_POST
def disposition_approve(request, pk):
    return _list_action(
        request,
        pk,
        lambda dl: services.disposition_list_approve(disposition_list=dl, user=request.user),
        _("The list is approved."),
    )


@require_POST
def disposition_process(request, pk):
    return _list_action(
        request,
        pk,
        lambda dl: services.disposition_list_process(disposition_list=dl, user=request.user),
        _("The list is processed; its certificate is ready."),
    )


@require_POST
def disposition_cancel(request, pk):
    return _list_action(
        request,
        pk,
        lambda dl: services.disposition_list_cancel(disposition_list=dl, user=request.user),
        _("The list is cancelled."),
    )


# --- Legal holds ------------------------------------------------------------------------------------


class DispositionListListView(ObjectListView):
    """Every list the person may see (the records manager: all; a unit: its own)."""

    filterset_class = DispositionListFilterSet
    table_class = DispositionListTable
    title = gettext_lazy("Disposition lists")
    export_name = "listes-de-disposition"
    estimate_unfiltered_count = False

    def get_queryset(self):
        return _lists_visible_to(self.request.user)


class HoldListView(ObjectListView):
    access_rule = MANAGE_RULE
    filterset_class = LegalHoldFilterSet
    table_class = LegalHoldTable
    title = gettext_lazy("Legal holds")
    export_name = "gels"
    actions_template = "documents/_hold_list_actions.html"

    def get_queryset(self):
        return LegalHold.objects.select_related("placed_by").annotate(
            file_count=Count("files", distinct=True), class_count=Count("classes", distinct=True)
        )


@MANAGE
def hold_create(request):
    form = HoldForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            hold = services.hold_place(user=request.user, **form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("The hold is in force."))
            return redirect(hold)
    status = 422 if request.method == "POST" else 200
    return render(request, "documents/hold_form.html", {"form": form}, status=status)


@MANAGE
def hold_detail(request, pk):
    hold = get_object_or_404(LegalHold.objects.select_related("placed_by", "lifted_by"), pk=pk)
    form = LiftForm(request.POST or None)
    if request.method == "POST":
        if not form.is_valid():
            messages.error(request, _("Give the reason for lifting the hold."))
        else:
            try:
                services.hold_lift(hold=hold, user=request.user, reason=form.cleaned_data["reason"])
            except ValidationError as error:
                messages.error(request, " ".join(error.messages))
            else:
                messages.success(request, _("The hold is lifted."))
        return redirect(hold)
    context = {
        "object": hold,
        "files": hold.files.order_by("reference"),
        "classes": hold.classes.order_by("path"),
        "form": form,
        "history": history_for(hold, limit=HISTORY_PREVIEW),
        "history_url_name": "documents:hold_history",
    }
    return render(request, "documents/hold_detail.html", context)
