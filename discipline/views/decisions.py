"""Decisions and appeals: recording a decision with its verdict and sanctions per count, its
service, an appeal to the Tribunal des professions and its outcome."""

from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext_lazy as _

from discipline import permissions, services
from discipline.forms import AppealForm, AppealOutcomeForm, DecisionForm, ServeForm
from discipline.models import Appeal, Decision
from discipline.views.cases import CASES, HOME, CaseActionView
from documents.forms import FileIntoForm
from opq_intranet.core.views.generic import ObjectActionView


class DecisionRecordView(CaseActionView):
    form_class = DecisionForm
    title = _("Record a decision")
    confirm_label = _("Record the decision")
    template_name = "discipline/decision_record.html"

    def get_form(self, obj):
        return self.form_class(counts=list(obj.counts.all()), **self.get_form_kwargs(obj))

    def perform(self, form, obj):
        data = form.cleaned_data
        return services.decision_record(
            case=obj,
            user=self.request.user,
            stage=data["stage"],
            rendered_on=data["rendered_on"],
            served_on=data["served_on"],
            verdicts=form.verdicts(),
            sanctions=form.sanctions(),
            costs=data["costs"],
            publication_notice=data["publication_notice"],
            provisional_execution=data["provisional_execution"],
            summary=data["summary"],
            document=data["document"],
        )

    def get_success_message(self, result):
        return _("The %(stage)s is recorded.") % {"stage": result.get_stage_display().lower()}

    def get_success_url(self, result):
        return result.case.get_absolute_url()


class DecisionActionView(ObjectActionView):
    access_rule = permissions.MANAGE_RULE
    breadcrumb_home = HOME
    breadcrumb_list = CASES

    def refuse(self, obj):
        if not permissions.can_manage(self.request.user):
            raise PermissionDenied
        return None

    def object_label(self, obj):
        return obj.case.number

    def get_success_url(self, result):
        return result.case.get_absolute_url()


class DecisionServeView(DecisionActionView):
    queryset = Decision.objects.select_related("case")
    form_class = ServeForm
    title = _("Service of the decision")
    success_message = _("The service of the decision is recorded.")

    def perform(self, form, obj):
        return services.decision_serve(decision=obj, user=self.request.user, served_on=form.cleaned_data["served_on"])


class DecisionFileView(DecisionActionView):
    """File the decision's PDF into a records file (documents services)."""

    queryset = Decision.objects.select_related("case", "document")
    form_class = FileIntoForm
    title = _("File the decision in records management")
    confirm_label = _("File the decision")

    def get_form_kwargs(self, obj):
        help_text = _("The records-management file to copy the decision's PDF into, e.g. D2026-00012.")
        return {**super().get_form_kwargs(obj), "user": self.request.user, "help_text": help_text}

    def perform(self, form, obj):
        return services.decision_file(
            decision=obj, user=self.request.user, record_file=form.cleaned_data["record_file"]
        )

    def get_success_message(self, result):
        return _("The decision is filed in %(file)s.") % {"file": result.filed_in.reference}


class AppealFileView(CaseActionView):
    form_class = AppealForm
    title = _("Appeal to the Tribunal des professions")
    question = _("An appeal is filed within 30 days of the service of the decision (art. 164).")
    confirm_label = _("Record the appeal")
    success_message = _("The appeal of %(object)s is recorded.")

    def perform(self, form, obj):
        data = form.cleaned_data
        services.appeal_file(
            case=obj,
            user=self.request.user,
            filed_on=data["filed_on"],
            appellant=data["appellant"],
            tribunal_number=data["tribunal_number"],
        )


class AppealDecideView(DecisionActionView):
    queryset = Appeal.objects.select_related("case")
    form_class = AppealOutcomeForm
    title = _("Outcome of the appeal")
    success_message = _("The outcome of the appeal is recorded.")

    def perform(self, form, obj):
        data = form.cleaned_data
        return services.appeal_decide(
            appeal=obj, user=self.request.user, outcome=data["outcome"], decided_on=data["decided_on"]
        )
