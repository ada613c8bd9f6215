"""A candidacy's pages: the list, entering one, its page (every view logged: personal
information), its corrections, its history, and the moves of its status."""

from django.http import Http404
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from administrateurs import permissions, selectors, services
from administrateurs.choices import CandidacyStatus
from administrateurs.filtersets import CandidateFilterSet
from administrateurs.forms import CandidateForm
from administrateurs.models import Candidate
from administrateurs.tables import CandidateTable
from opq_intranet.core.audit import confidential_access_log
from opq_intranet.core.lists.views import ObjectListView
from opq_intranet.core.views.generic import (
    Action,
    ObjectActionView,
    ObjectDetailView,
    ObjectEditView,
    ObjectHistoryView,
)

HOME = ("administrateurs:index", _("Administrators"))
CANDIDATES = ("administrateurs:candidate_list", _("Candidates"))
MOVE_LABELS = {
    CandidacyStatus.UNDER_REVIEW: _("Start the review"),
    CandidacyStatus.ELIGIBLE: _("Declare eligible"),
    CandidacyStatus.IN_BANK: _("Put in the bank"),
    CandidacyStatus.APPOINTED: _("Record the appointment"),
    CandidacyStatus.WITHDRAWN: _("Withdrawal"),
    CandidacyStatus.EXPIRED: _("Expired"),
}


class CandidateListView(ObjectListView):
    filterset_class = CandidateFilterSet
    table_class = CandidateTable
    title = _("Candidates")
    export_name = "candidats"
    template_name = "administrateurs/candidate_list.html"
    actions_template = "administrateurs/_candidate_list_actions.html"

    def get_queryset(self):
        return selectors.candidates()


class CandidateMixin:
    access_rule = permissions.MANAGE_RULE
    breadcrumb_home = HOME
    breadcrumb_list = CANDIDATES

    def get_queryset(self):
        return selectors.candidates()


class CandidateDetailView(CandidateMixin, ObjectDetailView):
    template_name = "administrateurs/candidate_detail.html"
    history_url_name = "administrateurs:candidate_history"

    def on_read(self, obj):
        confidential_access_log(request=self.request, obj=obj)

    def get_actions(self, obj):
        actions = [Action(_("Correct"), reverse("administrateurs:candidate_edit", args=[obj.pk]), "outline-secondary")]
        for status in sorted(
            services.TRANSITIONS.get(CandidacyStatus(obj.status), ()), key=list(CandidacyStatus).index
        ):
            style = "outline-danger" if status == CandidacyStatus.WITHDRAWN else "outline-primary"
            url = reverse("administrateurs:candidate_move", args=[obj.pk, status.value])
            actions.append(Action(MOVE_LABELS.get(status, status.label), url, style))
        return actions


class CandidateHistoryView(CandidateMixin, ObjectHistoryView):
    def get(self, request, *args, **kwargs):
        confidential_access_log(request=request, obj=self.get_object(), action="history")
        return super().get(request, *args, **kwargs)


class CandidateEditView(CandidateMixin, ObjectEditView):
    form_class = CandidateForm
    title = _("Candidacy")
    success_message = _("The candidacy of %(object)s is saved.")

    def new_object(self):
        return Candidate()

    def get_initial(self, obj):
        today = timezone.localdate()
        return {} if obj.pk else {"received_on": today, "consent_on": today}

    def save(self, form, obj):
        return services.candidate_save(candidate=form.save(commit=False), user=self.request.user)


class CandidateMoveView(CandidateMixin, ObjectActionView):
    confirm_label = _("Confirm")
    success_message = _("The candidacy of %(object)s is updated.")

    def refuse(self, obj):
        try:
            self.status = CandidacyStatus(self.kwargs["status"])
        except ValueError as error:
            raise Http404 from error
        return None

    def get_title(self, obj):
        return f"{MOVE_LABELS.get(self.status, self.status.label)} · {obj}"

    def perform(self, form, obj):
        return services.candidate_move(candidate=obj, user=self.request.user, status=self.status)
