"""The matching of a seat: its page (the criteria from the query string, the ranked and the
excluded candidates), proposing a candidate from it (POST), appointing one (a form page), and
the proposals' list with the page that ends one."""

from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext

from administrateurs import matching, permissions, selectors, services
from administrateurs.filtersets import ProposalFilterSet
from administrateurs.forms import DayForm, MatchingAppointForm, MatchingForm
from administrateurs.tables import ProposalTable
from opq_intranet.core.lists.views import ObjectListView
from opq_intranet.core.redirects import safe_next_url
from opq_intranet.core.views.generic import EmbeddedActionView, ObjectActionView, ObjectDetailView

HOME = ("administrateurs:index", _("Administrators"))
PROPOSALS = ("administrateurs:proposal_list", _("Proposals"))


def seat_breadcrumbs(seat):
    return [
        (HOME[1], reverse(HOME[0])),
        (str(seat.body), reverse("administrateurs:body_detail", args=[seat.body_id])),
        (
            pgettext("a body's seat", "Seat %(number)s") % {"number": seat.number},
            reverse("administrateurs:seat_detail", args=[seat.pk]),
        ),
    ]


class SeatMixin:
    access_rule = permissions.MANAGE_RULE

    def get_queryset(self):
        return selectors.matching_seats()


class SeatMatchingView(SeatMixin, ObjectDetailView):
    template_name = "administrateurs/seat_matching.html"
    show_history = False  # the seat's own page shows its history

    def get(self, request, *args, bound_forms=None, **kwargs):
        self.criteria_form = MatchingForm.from_query(request.GET)
        bound_forms = dict(bound_forms or {})
        if self.criteria_form.is_bound and not self.criteria_form.is_valid():
            bound_forms["criteria"] = self.criteria_form
        return super().get(request, *args, bound_forms=bound_forms, **kwargs)

    def get_breadcrumbs(self, obj):
        return [*seat_breadcrumbs(obj), (_("Matching"), None)]

    def get_extra_context(self, obj, bound_forms):
        form = self.criteria_form
        matching_url = reverse("administrateurs:seat_matching", args=[obj.pk])
        query = self.request.GET.urlencode()  # a refused proposal's page: its action's query string
        page = {
            "matching_url": matching_url,
            "criteria_query": query,
            "here": f"{matching_url}?{query}" if query else matching_url,
            "criteria_form": form,
            "propose_form": bound_forms.get("propose"),
            "body_url": reverse("administrateurs:body_detail", args=[obj.body_id]),
            "seat_label": matching.seat_label(obj),
        }
        if not form.is_bound or form.is_valid():
            page.update(selectors.seat_matching_page(obj, criteria=form.criteria(), on=form.day()))
        return page


class MatchingProposeView(SeatMixin, EmbeddedActionView):
    """Propose a ranked candidate for the seat (POST from the matching page)."""

    detail_view = SeatMatchingView
    form_key = "propose"

    def get_success_message(self, result):
        return _("%(candidate)s is proposed for %(seat)s.") % {
            "candidate": result.candidate,
            "seat": matching.seat_label(result.seat),
        }

    def allowed(self, user, obj):
        return permissions.manages(user)

    def perform(self, form, obj):
        candidate = get_object_or_404(selectors.proposal_candidates(), pk=self.kwargs["candidate_pk"])
        return services.proposal_create(seat=obj, candidate=candidate, user=self.request.user)

    def get_success_url(self, result):
        return safe_next_url(self.request, reverse("administrateurs:seat_matching", args=[result.seat_id]))


class MatchingAppointView(SeatMixin, ObjectActionView):
    """Appoint a candidate to the seat: the decision's number and date, the start of term."""

    form_class = MatchingAppointForm
    template_name = "administrateurs/matching_appoint.html"
    confirm_label = _("Appoint")
    success_message = _("%(object)s is appointed.")

    def refuse(self, obj):
        self.candidate = get_object_or_404(selectors.proposal_candidates(), pk=self.kwargs["candidate_pk"])
        return None

    def get_initial(self, obj):
        starts_on = DayForm(self.request.GET).day(timezone.localdate())
        return {"starts_on": starts_on, "decided_on": timezone.localdate()}

    def get_breadcrumbs(self, obj):
        matching_url = reverse("administrateurs:seat_matching", args=[obj.pk])
        return [*seat_breadcrumbs(obj), (_("Matching"), matching_url)]

    def get_title(self, obj):
        return _("Appoint %(candidate)s · %(seat)s") % {"candidate": self.candidate, "seat": matching.seat_label(obj)}

    def get_cancel_url(self, obj):
        return reverse("administrateurs:seat_matching", args=[obj.pk])

    def get_extra_context(self, obj):
        on = self.form_day()
        return {"candidate": self.candidate, "on": on, **selectors.appointment_page(obj, self.candidate, on=on)}

    def form_day(self):
        """The start of term the page checks the rule on: the one typed, else the one suggested."""
        form = MatchingAppointForm(self.request.POST) if self.request.method == "POST" else None
        if form is not None and form.is_valid():
            return form.cleaned_data["starts_on"]
        return DayForm(self.request.GET).day(timezone.localdate())

    def perform(self, form, obj):
        data = form.cleaned_data
        return services.term_appoint(
            seat=obj,
            candidate=self.candidate,
            starts_on=data["starts_on"],
            resolution_number=data["resolution_number"],
            decided_on=data["decided_on"],
            user=self.request.user,
        )

    def get_success_message(self, result):
        return self.success_message % {"object": result.candidate}

    def get_success_url(self, result):
        return reverse("administrateurs:seat_detail", args=[result.seat_id])


class ProposalListView(ObjectListView):
    filterset_class = ProposalFilterSet
    table_class = ProposalTable
    title = _("Proposals")
    export_name = "propositions"
    template_name = "administrateurs/proposal_list.html"

    def get_queryset(self):
        return selectors.proposals()


class ProposalEndView(ObjectActionView):
    access_rule = permissions.MANAGE_RULE
    confirm_label = _("End the proposal")

    def get_question(self, obj):
        return _("End the proposal of %(candidate)s for %(seat)s? The candidate stays in the bank.") % {
            "candidate": obj.candidate,
            "seat": matching.seat_label(obj.seat),
        }

    breadcrumb_home = HOME
    breadcrumb_list = PROPOSALS

    def get_queryset(self):
        return selectors.proposals()

    def get_breadcrumbs(self, obj):
        return [(HOME[1], reverse(HOME[0])), (PROPOSALS[1], reverse(PROPOSALS[0]))]

    def get_title(self, obj):
        return _("End a proposal")

    def get_cancel_url(self, obj):
        return reverse("administrateurs:seat_matching", args=[obj.seat_id])

    def perform(self, form, obj):
        return services.proposal_end(proposal=obj, user=self.request.user)

    def get_success_message(self, result):
        return _("The proposal of %(candidate)s is ended.") % {"candidate": result.candidate}

    def get_success_url(self, result):
        default = reverse("administrateurs:proposal_list") + "?status=pending"
        return safe_next_url(self.request, default)
