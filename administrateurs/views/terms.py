"""Terms and the appointment decisions behind them: a term's page (its renewal chain and
obligations), its history, renewing it and ending it early; the decisions' list, a
decision's page with its terms, its history."""

from datetime import timedelta

from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from administrateurs import permissions, selectors, services
from administrateurs.filtersets import DecisionFilterSet
from administrateurs.forms import EndForm, RenewForm
from administrateurs.tables import DecisionTable
from administrateurs.views.bodies import BODIES
from administrateurs.views.candidates import HOME
from opq_intranet.core.lists.views import ObjectListView
from opq_intranet.core.views.generic import (
    Action,
    ObjectActionView,
    ObjectDetailView,
    ObjectHistoryView,
)

DECISIONS = ("administrateurs:decision_list", _("Appointment decisions"))


class TermMixin:
    access_rule = permissions.MANAGE_RULE
    breadcrumb_home = HOME
    breadcrumb_list = BODIES

    def get_queryset(self):
        return selectors.terms()

    def get_breadcrumbs(self, obj):
        crumbs = super().get_breadcrumbs(obj)
        seat = obj.seat
        return [
            *crumbs[:-1],
            (str(seat.body), seat.body.get_absolute_url()),
            (_("Seat %(number)s") % {"number": seat.number}, seat.get_absolute_url()),
            (self.object_label(obj), crumbs[-1][1]),
        ]

    def object_label(self, obj):
        return _("Term of %(name)s") % {"name": obj.candidate}


class TermDetailView(TermMixin, ObjectDetailView):
    template_name = "administrateurs/term_detail.html"
    history_url_name = "administrateurs:term_history"

    def get_extra_context(self, obj, bound_forms):
        self.page = selectors.term_page(obj)
        return self.page

    def get_actions(self, obj):
        actions = []
        if not obj.ended_on and not self.page["renewed"] and not self.page["at_limit"]:
            actions.append(Action(_("Renew"), reverse("administrateurs:term_renew", args=[obj.pk]), "primary"))
        if not obj.ended_on and obj.ends_on >= timezone.localdate():
            actions.append(Action(_("End early"), reverse("administrateurs:term_end", args=[obj.pk]), "outline-danger"))
        return actions


class TermHistoryView(TermMixin, ObjectHistoryView):
    pass


class TermRenewView(TermMixin, ObjectActionView):
    form_class = RenewForm
    confirm_label = _("Renew")
    success_message = _("The renewal is recorded.")

    def get_title(self, obj):
        return _("Renew the term of %(name)s") % {"name": obj.candidate}

    def get_question(self, obj):
        starts_on = obj.ends_on + timedelta(days=1)
        return _("The new term starts on %(start)s and ends on %(end)s.") % {
            "start": date_format(starts_on, "SHORT_DATE_FORMAT"),
            "end": date_format(services.term_end_for(obj.seat, starts_on), "SHORT_DATE_FORMAT"),
        }

    def get_initial(self, obj):
        return {"decided_on": timezone.localdate()}

    def perform(self, form, obj):
        data = form.cleaned_data
        return services.term_renew(
            term=obj,
            resolution_number=data["resolution_number"],
            decided_on=data["decided_on"],
            user=self.request.user,
        )


class TermEndView(TermMixin, ObjectActionView):
    form_class = EndForm
    confirm_label = _("End the term")
    danger = True
    success_message = _("The term of %(object)s is ended.")

    def get_title(self, obj):
        return _("End the term of %(name)s early") % {"name": obj.candidate}

    def get_question(self, obj):
        return _("A renewal not begun is removed with it; the seat is vacant the day after.")

    def get_initial(self, obj):
        return {"ended_on": timezone.localdate()}

    def get_success_message(self, result):
        return self.success_message % {"object": result.candidate}

    def perform(self, form, obj):
        data = form.cleaned_data
        return services.term_end(term=obj, ended_on=data["ended_on"], reason=data["reason"], user=self.request.user)


class DecisionListView(ObjectListView):
    access_rule = permissions.MANAGE_RULE
    filterset_class = DecisionFilterSet
    table_class = DecisionTable
    title = _("Appointment decisions")
    export_name = "decisions-de-nomination"
    template_name = "administrateurs/decision_list.html"

    def get_queryset(self):
        return selectors.decisions()


class DecisionMixin:
    access_rule = permissions.MANAGE_RULE
    breadcrumb_home = HOME
    breadcrumb_list = DECISIONS

    def get_queryset(self):
        return selectors.decisions()


class DecisionDetailView(DecisionMixin, ObjectDetailView):
    template_name = "administrateurs/decision_detail.html"
    history_url_name = "administrateurs:decision_history"

    def get_extra_context(self, obj, bound_forms):
        return selectors.decision_page(obj)


class DecisionHistoryView(DecisionMixin, ObjectHistoryView):
    pass
