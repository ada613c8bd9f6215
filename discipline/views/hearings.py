"""A hearing's pages: scheduling one for a case (a conflict refused with what it collides
with), its page, and recording what happened (held, postponed and rescheduled now or later,
cancelled)."""

from django.core.exceptions import PermissionDenied
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from discipline import permissions, selectors, services
from discipline.forms import CANCELLED, HELD, POSTPONED, HearingForm, OutcomeForm
from discipline.models import Hearing
from discipline.views.cases import HOME, CaseActionView
from opq_intranet.core.views.generic import Action, ObjectActionView, ObjectDetailView, ObjectHistoryView

HEARINGS = ("discipline:case_list", _("Cases"))


class HearingScheduleView(CaseActionView):
    form_class = HearingForm
    title = _("Schedule a hearing")
    confirm_label = _("Schedule")
    template_name = "discipline/hearing_schedule.html"

    def get_extra_context(self, obj):
        return {"case_hearings": list(obj.hearings.select_related("chair").order_by("starts_at"))}

    def perform(self, form, obj):
        data = form.cleaned_data
        return services.hearing_schedule(
            case=obj, user=self.request.user, kind=data["kind"], **form.schedule_arguments()
        )

    def get_success_message(self, result):
        return _("The hearing is scheduled.")

    def get_success_url(self, result):
        return result.case.get_absolute_url()


class HearingMixin:
    breadcrumb_home = HOME
    breadcrumb_list = HEARINGS

    def get_queryset(self):
        return Hearing.objects.select_related("case__council__order", "chair")

    def object_label(self, obj):
        return str(obj)


class HearingDetailView(HearingMixin, ObjectDetailView):
    template_name = "discipline/hearing_detail.html"
    history_url_name = "discipline:hearing_history"

    def get_actions(self, obj):
        if obj.outcome == "scheduled" and permissions.can_change_case(self.request.user, obj.case):
            return [Action(_("Record the outcome"), reverse("discipline:hearing_outcome", args=[obj.pk]), "primary")]
        return []

    def get_extra_context(self, obj, bound_forms):
        case = selectors.cases().get(pk=obj.case_id)
        return {
            "case": case,
            "respondent_name": selectors.redacted(case, case.respondent_name),
            "members": list(obj.members.all()),
        }


class HearingHistoryView(HearingMixin, ObjectHistoryView):
    pass


class HearingOutcomeView(HearingMixin, ObjectActionView):
    access_rule = permissions.MANAGE_RULE
    form_class = OutcomeForm
    title = _("Outcome of the hearing")
    confirm_label = _("Record")
    template_name = "discipline/hearing_outcome.html"

    def refuse(self, obj):
        if not permissions.can_change_case(self.request.user, obj.case):
            raise PermissionDenied
        return None

    def perform(self, form, obj):
        data, user = form.cleaned_data, self.request.user
        if data["outcome"] == HELD:
            self.message = _("The hearing is recorded as held.")
            return services.hearing_held(
                hearing=obj, user=user, under_advisement=data["under_advisement"], note=data["note"]
            )
        if data["outcome"] == POSTPONED:
            result = services.hearing_postpone(
                hearing=obj,
                user=user,
                reason=data["reason"],
                requested_by=data["requested_by"],
                reschedule=form.reschedule(),
            )
            self.message = (
                _("The hearing is postponed and rescheduled.")
                if result.pk != obj.pk
                else _("The hearing is postponed.")
            )
            return result
        if data["outcome"] == CANCELLED:
            self.message = _("The hearing is cancelled.")
            return services.hearing_cancel(hearing=obj, user=user, note=data["note"])
        raise PermissionDenied

    def get_success_message(self, result):
        return self.message

    def get_success_url(self, result):
        return result.case.get_absolute_url()
