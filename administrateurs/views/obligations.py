"""The appointees' obligations ("Formations et déclarations"): the list of those to complete,
an obligation's page, the completion of one (the session attended, or the signed declaration)
and its history; and the training sessions: list, form, page (who attended), history."""

from django.contrib import messages
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from administrateurs import permissions, selectors, services
from administrateurs.choices import ObligationKind
from administrateurs.filtersets import ObligationFilterSet, TrainingSessionFilterSet
from administrateurs.forms import DeclarationCompletionForm, TrainingCompletionForm, TrainingSessionForm
from administrateurs.models import TrainingSession
from administrateurs.tables import ObligationTable, TrainingSessionTable
from administrateurs.views.candidates import HOME
from opq_intranet.core.lists.views import ObjectListView
from opq_intranet.core.views.generic import (
    Action,
    ObjectActionView,
    ObjectDetailView,
    ObjectEditView,
    ObjectHistoryView,
)

OBLIGATIONS = ("administrateurs:obligation_list", _("Trainings and declarations"))
SESSIONS = ("administrateurs:training_list", _("Training sessions"))


class ObligationListView(ObjectListView):
    filterset_class = ObligationFilterSet
    table_class = ObligationTable
    title = _("Trainings and declarations")
    export_name = "formations-et-declarations"
    template_name = "administrateurs/obligation_list.html"
    estimate_unfiltered_count = False  # the list is the open obligations, not the table

    def get_queryset(self):
        return selectors.obligations_for_list(self.request.GET.get("shown", ""), timezone.localdate())


class ObligationMixin:
    access_rule = permissions.MANAGE_RULE
    breadcrumb_home = HOME
    breadcrumb_list = OBLIGATIONS

    def get_queryset(self):
        return selectors.obligations()


class ObligationDetailView(ObligationMixin, ObjectDetailView):
    template_name = "administrateurs/obligation_detail.html"
    history_url_name = "administrateurs:obligation_history"

    def get_actions(self, obj):
        if obj.completed_on is not None:
            return []
        return [Action(_("Record completion"), reverse("administrateurs:obligation_complete", args=[obj.pk]))]

    def get_extra_context(self, obj, bound_forms):
        return {"today": timezone.localdate()}


class ObligationHistoryView(ObligationMixin, ObjectHistoryView):
    pass


class ObligationCompleteView(ObligationMixin, ObjectActionView):
    confirm_label = _("Record completion")
    success_message = _("%(object)s: completed.")

    def refuse(self, obj):
        if obj.completed_on is not None:
            messages.info(self.request, _("This obligation is already completed."))
            return redirect(obj.get_absolute_url())
        return None

    def get_form(self, obj):
        form_class = TrainingCompletionForm if obj.kind == ObligationKind.TRAINING else DeclarationCompletionForm
        self.form_class = form_class
        return super().get_form(obj)

    def get_title(self, obj):
        return f"{obj.get_kind_display()} · {obj.term.candidate}"

    def get_question(self, obj):
        if obj.kind == ObligationKind.TRAINING:
            return _("The training session %(name)s attended: the training is completed on its date.") % {
                "name": obj.term.candidate
            }
        return _("The solemn declaration signed by %(name)s, and the date of its signature.") % {
            "name": obj.term.candidate
        }

    def perform(self, form, obj):
        return services.obligation_complete(obligation=obj, user=self.request.user, **form.cleaned_data)


# --- Training sessions ------------------------------------------------------------------------


class TrainingSessionListView(ObjectListView):
    filterset_class = TrainingSessionFilterSet
    table_class = TrainingSessionTable
    title = _("Training sessions")
    export_name = "seances-de-formation"
    template_name = "administrateurs/training_list.html"
    actions_template = "administrateurs/_training_list_actions.html"

    def get_queryset(self):
        return selectors.training_sessions()


class TrainingSessionMixin:
    access_rule = permissions.MANAGE_RULE
    breadcrumb_home = HOME
    breadcrumb_list = SESSIONS

    def get_queryset(self):
        return selectors.training_sessions()


class TrainingSessionDetailView(TrainingSessionMixin, ObjectDetailView):
    template_name = "administrateurs/training_detail.html"
    history_url_name = "administrateurs:training_history"

    def get_actions(self, obj):
        return [Action(_("Correct"), reverse("administrateurs:training_edit", args=[obj.pk]), "outline-secondary")]

    def get_extra_context(self, obj, bound_forms):
        return selectors.training_session_page(obj)


class TrainingSessionHistoryView(TrainingSessionMixin, ObjectHistoryView):
    pass


class TrainingSessionEditView(TrainingSessionMixin, ObjectEditView):
    form_class = TrainingSessionForm
    title = _("Training session")
    success_message = _("The training session %(object)s is saved.")

    def get_queryset(self):
        return TrainingSession.objects.all()

    def new_object(self):
        return TrainingSession()

    def save(self, form, obj):
        return services.training_session_save(session=form.save(commit=False), user=self.request.user)
