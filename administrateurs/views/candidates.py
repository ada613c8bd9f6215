"""A candidacy's pages: the list, entering one, its page (every view logged: personal
information), its corrections, its history, and the moves of its status."""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from administrateurs import permissions, selectors, services
from administrateurs.choices import CandidacyStatus
from administrateurs.filtersets import CandidateFilterSet
from administrateurs.forms import CandidateForm, DocumentForm, LinkForm, PreferenceForm
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


# the declarations' sections of the candidate's page, each form bound when its action refused it
def declarations_context(candidate, bound_forms):
    page = selectors.declarations_page(candidate)
    in_place = () if candidate.purged_at else ("link", "preference", "document")  # forms that show their errors
    page["refused"] = [
        error for key, form in bound_forms.items() if key not in in_place for error in form.non_field_errors()
    ]
    if not candidate.purged_at:
        page["link_form"] = bound_forms.get("link") or LinkForm()
        page["preference_form"] = bound_forms.get("preference") or PreferenceForm()
        page["document_form"] = bound_forms.get("document") or DocumentForm()
    return page


# a purged candidacy offers no action; its pages say so
def refuse_purged(request, obj):
    if obj is not None and getattr(obj, "purged_at", None):
        messages.error(request, gettext("This candidacy was purged: nothing about it changes any more."))
        return redirect(obj.get_absolute_url())
    return None


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

    # the declarations' sections (links, preferences, files, consent) and their forms
    def get_extra_context(self, obj, bound_forms):
        return declarations_context(obj, bound_forms)

    def get_actions(self, obj):
        if obj.purged_at:
            return []  # nothing is done to a purged candidacy
        actions = [Action(_("Correct"), reverse("administrateurs:candidate_edit", args=[obj.pk]), "outline-secondary")]
        if obj.status != CandidacyStatus.WITHDRAWN:
            actions.append(Action(_("Renew the consent"), reverse("administrateurs:candidate_consent", args=[obj.pk])))
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

    def refuse(self, obj):
        return refuse_purged(self.request, obj)

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
        return refuse_purged(self.request, obj)

    def get_title(self, obj):
        return f"{MOVE_LABELS.get(self.status, self.status.label)} · {obj}"

    def perform(self, form, obj):
        return services.candidate_move(candidate=obj, user=self.request.user, status=self.status)
