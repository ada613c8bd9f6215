"""What is due, legal holds, and disposition lists (generate, validate, approve, process)."""

from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView

from documents import clock, permissions, selectors, services
from documents.filtersets import DispositionListFilterSet, LegalHoldFilterSet
from documents.forms import GenerateListForm, HoldForm, LiftForm, ProcessListForm, ValidateListForm
from documents.models import LegalHold
from documents.permissions import MANAGE, MANAGE_RULE
from documents.tables import DispositionListTable, LegalHoldTable
from opq_intranet.core.lists.views import ObjectListView
from opq_intranet.core.views.generic import (
    REFUSED,
    Action,
    EmbeddedActionView,
    ObjectActionView,
    ObjectDetailView,
    ObjectEditView,
    ObjectHistoryView,
)

DISPOSITION = ("documents:disposition_index", gettext_lazy("Disposition"))
LISTS = ("documents:disposition_list", gettext_lazy("Disposition lists"))
HOLDS = ("documents:hold_list", gettext_lazy("Legal holds"))


class DispositionIndexView(TemplateView):
    """What is due and the latest lists; the records manager generates a list from here."""

    template_name = "documents/disposition_index.html"

    def get(self, request, *args, form=None, **kwargs):
        today = clock.today()
        context = self.get_context_data(
            **selectors.disposition_index_page(request.user, today),
            form=form or GenerateListForm(initial={"due_on": today}),
            today=today,
            simulated_today=clock.is_simulated(),
        )
        return self.render_to_response(context, status=REFUSED if form is not None and form.errors else 200)


@MANAGE
def disposition_preview(request):
    """What a list would take, before generating it: the same query as the generation."""
    form = GenerateListForm(request.GET or None, initial={"due_on": clock.today()})
    files, count, left_off = [], None, []
    if form.is_valid():
        files, count, left_off = selectors.disposition_preview(**form.cleaned_data)
    context = {"form": form, "files": files, "count": count, "left_off": left_off, "shown": selectors.PREVIEW_ROWS}
    return render(request, "documents/disposition_preview.html", context)


class DispositionGenerateView(EmbeddedActionView):
    """From the disposition page: a refused form comes back on it, in 422."""

    access_rule = MANAGE_RULE
    form_class = GenerateListForm

    def perform(self, form, obj):
        return services.disposition_list_generate(user=self.request.user, **form.cleaned_data)

    def get_success_message(self, result):
        return _("The list %(reference)s is ready for the unit.") % {"reference": result.reference}

    def form_refused(self, form, obj):
        page = DispositionIndexView()
        page.setup(self.request)
        return page.get(self.request, form=form)


class VisibleListMixin:
    def get_queryset(self):
        return selectors.lists_visible_to(self.request.user)


class DispositionDetailView(VisibleListMixin, ObjectDetailView):
    template_name = "documents/disposition_detail.html"
    history_url_name = "documents:disposition_history"
    breadcrumb_list = LISTS

    def get_extra_context(self, obj, bound_forms):
        user = self.request.user
        return {
            **selectors.disposition_page(obj),
            "can_validate": permissions.can_validate_now(user, obj),
            "can_approve": permissions.can_approve(user, obj),
            "can_cancel": permissions.can_cancel(user, obj),
            "refused": [form for form in bound_forms.values() if form.errors],
        }

    def get_actions(self, obj):
        if not permissions.can_process(self.request.user, obj):
            return []
        return [Action(_("Process the list"), reverse("documents:disposition_process", args=[obj.pk]), "danger")]


class DispositionHistoryView(VisibleListMixin, ObjectHistoryView):
    breadcrumb_list = LISTS


class ListActionView(VisibleListMixin, EmbeddedActionView):
    """A button of the list's page; a refusal (a hold, the wrong status) is shown there, in 422."""

    detail_view = DispositionDetailView


class DispositionValidateView(ListActionView):
    form_class = ValidateListForm
    form_key = "validate"
    success_message = gettext_lazy("The list is validated; the records manager will approve it.")

    def perform(self, form, obj):
        services.disposition_list_validate(
            disposition_list=obj, user=self.request.user, keep_ids=form.cleaned_data["keep"]
        )


class DispositionApproveView(ListActionView):
    form_key = "approve"
    success_message = gettext_lazy("The list is approved.")

    def perform(self, form, obj):
        services.disposition_list_approve(disposition_list=obj, user=self.request.user)


class DispositionCancelView(ListActionView):
    form_key = "cancel"
    success_message = gettext_lazy("The list is cancelled.")

    def perform(self, form, obj):
        services.disposition_list_cancel(disposition_list=obj, user=self.request.user)


class DispositionProcessView(VisibleListMixin, ObjectActionView):
    """Carry the approved list out: a confirmation that says what it destroys, then the service."""

    access_rule = MANAGE_RULE
    template_name = "documents/disposition_process.html"
    breadcrumb_list = LISTS
    title = gettext_lazy("Process the list")
    confirm_label = gettext_lazy("Process the list")
    danger = True
    success_message = gettext_lazy("The list is processed; its certificate is ready.")

    form_class = ProcessListForm

    def contents(self, obj):
        if not hasattr(self, "_contents"):
            self._contents = selectors.disposition_contents(obj)
        return self._contents

    def get_form_kwargs(self, obj):
        has_paper = bool(self.contents(obj)["paper_files"])
        return {**super().get_form_kwargs(obj), "destruction": obj.is_destruction, "has_paper": has_paper}

    def get_extra_context(self, obj):
        return self.contents(obj)

    def get_question(self, obj):
        counts = self.contents(obj)
        values = {"reference": obj.reference, "files": counts["file_count"], "records": counts["record_count"]}
        if obj.is_destruction:
            return (
                _(
                    "Processing the list %(reference)s destroys for good the content of its %(files)s files: "
                    "%(records)s records lose every version's stored file and text. Their descriptions, "
                    "checksums and history are kept, and the list leaves a destruction certificate."
                )
                % values
            )
        return _(
            "Processing the list %(reference)s carries it out (%(kind)s) for its %(files)s files "
            "(%(records)s records), and the list leaves its certificate."
        ) % {**values, "kind": obj.get_kind_display().lower()}

    def perform(self, form, obj):
        services.disposition_list_process(
            disposition_list=obj,
            user=self.request.user,
            paper_destruction=form.cleaned_data.get("paper_destruction", ""),
            paper_destruction_note=form.cleaned_data.get("paper_destruction_note", ""),
        )


# --- Lists of lists and of holds --------------------------------------------------------------------


class DispositionListListView(VisibleListMixin, ObjectListView):
    """Every list the person may see (the records manager: all; a unit: its own)."""

    filterset_class = DispositionListFilterSet
    table_class = DispositionListTable
    title = gettext_lazy("Disposition lists")
    export_name = "listes-de-disposition"
    estimate_unfiltered_count = False


class HoldListView(ObjectListView):
    access_rule = MANAGE_RULE
    filterset_class = LegalHoldFilterSet
    table_class = LegalHoldTable
    title = gettext_lazy("Legal holds")
    export_name = "gels"
    actions_template = "documents/_hold_list_actions.html"

    def get_queryset(self):
        return selectors.holds()


# --- Legal holds ------------------------------------------------------------------------------------


class HoldCreateView(ObjectEditView):
    access_rule = MANAGE_RULE
    form_class = HoldForm
    template_name = "documents/hold_form.html"
    breadcrumb_list = HOLDS
    title = gettext_lazy("Place a hold")
    submit_label = gettext_lazy("Place the hold")
    success_message = gettext_lazy("The hold is in force.")

    def save(self, form, obj):
        return services.hold_place(user=self.request.user, **form.cleaned_data)


class HoldDetailView(ObjectDetailView):
    access_rule = MANAGE_RULE
    queryset = LegalHold.objects.select_related("placed_by", "lifted_by")
    template_name = "documents/hold_detail.html"
    history_url_name = "documents:hold_history"
    breadcrumb_list = HOLDS

    def get_extra_context(self, obj, bound_forms):
        return {**selectors.hold_page(obj), "form": bound_forms.get("lift") or LiftForm()}


class HoldHistoryView(ObjectHistoryView):
    access_rule = MANAGE_RULE
    queryset = LegalHold.objects.all()
    breadcrumb_list = HOLDS


class HoldLiftView(EmbeddedActionView):
    access_rule = MANAGE_RULE
    queryset = LegalHold.objects.all()
    form_class = LiftForm
    detail_view = HoldDetailView
    form_key = "lift"
    success_message = gettext_lazy("The hold is lifted.")

    def perform(self, form, obj):
        services.hold_lift(hold=obj, user=self.request.user, reason=form.cleaned_data["reason"])
