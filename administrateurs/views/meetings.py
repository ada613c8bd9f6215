"""The bodies' meetings: the list (by body, kind, year), the form, a meeting's page with its
attendance grid (saved in one POST, all or nothing), its history; and the allowance rate table:
list, form, a rate's page, its history."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from administrateurs import permissions, selectors, services
from administrateurs.filtersets import AllowanceRateFilterSet, MeetingFilterSet
from administrateurs.forms import AllowanceRateForm, AttendanceGridForm, MeetingForm
from administrateurs.models import AllowanceRate, Meeting
from administrateurs.tables import AllowanceRateTable, MeetingTable
from administrateurs.views.candidates import HOME
from opq_intranet.core.lists.views import ObjectListView
from opq_intranet.core.views.generic import (
    Action,
    EmbeddedActionView,
    ObjectDetailView,
    ObjectEditView,
    ObjectHistoryView,
)

MEETINGS = ("administrateurs:meeting_list", _("Meetings"))
RATES = ("administrateurs:rate_list", _("Allowance rates"))


class MeetingListView(ObjectListView):
    filterset_class = MeetingFilterSet
    table_class = MeetingTable
    title = _("Meetings")
    export_name = "reunions"
    template_name = "administrateurs/meeting_list.html"
    actions_template = "administrateurs/_meeting_list_actions.html"

    def get_queryset(self):
        return selectors.meetings()


class MeetingMixin:
    access_rule = permissions.MANAGE_RULE
    breadcrumb_home = HOME
    breadcrumb_list = MEETINGS

    def get_queryset(self):
        return selectors.meetings()


class MeetingDetailView(MeetingMixin, ObjectDetailView):
    template_name = "administrateurs/meeting_detail.html"
    history_url_name = "administrateurs:meeting_history"

    def get_actions(self, obj):
        return [Action(_("Correct"), reverse("administrateurs:meeting_edit", args=[obj.pk]), "outline-secondary")]

    def get_extra_context(self, obj, bound_forms):
        page = selectors.meeting_page(obj)
        form = bound_forms.get("attendance") or AttendanceGridForm(terms=page["terms"], recorded=page["recorded"])
        for row in form.rows:
            row.allowance = page["allowances"].get(row.pk)
        page["grid_form"] = form
        return page


class MeetingHistoryView(MeetingMixin, ObjectHistoryView):
    pass


class MeetingEditView(MeetingMixin, ObjectEditView):
    form_class = MeetingForm
    title = _("Meeting")
    success_message = _("The meeting %(object)s is saved.")

    def get_queryset(self):
        return Meeting.objects.select_related("body")

    def new_object(self):
        return Meeting()

    def save(self, form, obj):
        return services.meeting_save(meeting=form.save(commit=False), user=self.request.user)


class MeetingAttendanceView(MeetingMixin, EmbeddedActionView):
    """The grid's POST: every row at once, through `attendance_record`."""

    form_class = AttendanceGridForm
    detail_view = MeetingDetailView
    form_key = "attendance"
    success_message = _("The attendance is saved.")

    def allowed(self, user, obj):
        return permissions.manages(user)

    def get_form_kwargs(self, obj):
        kwargs = super().get_form_kwargs(obj)
        kwargs.update(terms=list(selectors.eligible_terms(obj)), recorded=selectors.attendances_of(obj))
        return kwargs

    def perform(self, form, obj):
        return services.attendance_record(meeting=obj, user=self.request.user, rows=form.cleaned_data["rows"])


# --- Allowance rates ----------------------------------------------------------------------------


class RateListView(ObjectListView):
    filterset_class = AllowanceRateFilterSet
    table_class = AllowanceRateTable
    title = _("Allowance rates")
    export_name = "taux-allocations"
    template_name = "administrateurs/rate_list.html"
    actions_template = "administrateurs/_rate_list_actions.html"

    def get_queryset(self):
        return selectors.rates()


class RateMixin:
    access_rule = permissions.MANAGE_RULE
    breadcrumb_home = HOME
    breadcrumb_list = RATES

    def get_queryset(self):
        return selectors.rates()


class RateDetailView(RateMixin, ObjectDetailView):
    template_name = "administrateurs/rate_detail.html"
    history_url_name = "administrateurs:rate_history"

    def get_actions(self, obj):
        return [Action(_("Correct"), reverse("administrateurs:rate_edit", args=[obj.pk]), "outline-secondary")]


class RateHistoryView(RateMixin, ObjectHistoryView):
    pass


class RateEditView(RateMixin, ObjectEditView):
    form_class = AllowanceRateForm
    title = _("Allowance rate")
    success_message = _("The rate %(object)s is saved.")

    def new_object(self):
        return AllowanceRate()

    def save(self, form, obj):
        return services.rate_save(rate=form.save(commit=False), user=self.request.user)
