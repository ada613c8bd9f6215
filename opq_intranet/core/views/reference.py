"""Pages of the reference data: professional orders, units, staff directory, calendar."""

from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView

from opq_intranet.accounts.access import INTRANET_RULE
from opq_intranet.core import calendar, selectors
from opq_intranet.core.filtersets import OrgUnitFilterSet, PersonFilterSet, ProfessionalOrderFilterSet
from opq_intranet.core.lists.views import ObjectListView
from opq_intranet.core.models import OfficeClosure
from opq_intranet.core.tables import OrgUnitTable, PersonTable, ProfessionalOrderTable
from opq_intranet.core.views.generic import ObjectDetailView, ObjectHistoryView


class OrderListView(ObjectListView):
    access_rule = INTRANET_RULE
    filterset_class = ProfessionalOrderFilterSet
    table_class = ProfessionalOrderTable
    title = _("Professional orders")
    export_name = "ordres-professionnels"

    def get_queryset(self):
        return selectors.orders()


class OrderDetailView(ObjectDetailView):
    access_rule = INTRANET_RULE
    template_name = "core/order_detail.html"
    history_url_name = "core:order_history"
    breadcrumb_list = ("core:order_list", _("Professional orders"))

    def get_queryset(self):
        return selectors.orders()


class OrderHistoryView(ObjectHistoryView):
    access_rule = INTRANET_RULE

    def get_queryset(self):
        return selectors.orders()


class UnitListView(ObjectListView):
    access_rule = INTRANET_RULE
    filterset_class = OrgUnitFilterSet
    table_class = OrgUnitTable
    title = _("Units")
    export_name = "unites"

    def get_queryset(self):
        return selectors.org_units()


class UnitDetailView(ObjectDetailView):
    access_rule = INTRANET_RULE
    template_name = "core/unit_detail.html"
    history_url_name = "core:unit_history"
    breadcrumb_list = ("core:unit_list", _("Units"))

    def get_queryset(self):
        return selectors.org_units()

    def get_extra_context(self, obj, bound_forms):
        return {"members": selectors.unit_members(obj)}


class UnitHistoryView(ObjectHistoryView):
    access_rule = INTRANET_RULE

    def get_queryset(self):
        return selectors.org_units()


class PersonListView(ObjectListView):
    access_rule = INTRANET_RULE
    filterset_class = PersonFilterSet
    table_class = PersonTable
    title = _("Staff directory")
    export_name = "personnel"
    estimate_unfiltered_count = False

    def get_queryset(self):
        return selectors.staff_people()


class PersonDetailView(ObjectDetailView):
    access_rule = INTRANET_RULE
    template_name = "core/person_detail.html"
    breadcrumb_list = ("core:person_list", _("Staff directory"))
    show_history = False  # a colleague's page shows no account history: that is for the admin

    def get_queryset(self):
        return selectors.staff_people()


class CalendarView(TemplateView):
    """The year's legal holidays and the Office's closure days, side by side."""

    access_rule = INTRANET_RULE
    template_name = "core/calendar.html"

    def get_context_data(self, **kwargs):
        try:
            year = int(self.request.GET.get("year", ""))
        except ValueError:
            year = timezone.localdate().year
        year = min(max(year, 2000), 2100)
        return super().get_context_data(
            year=year,
            holidays=sorted(calendar.legal_holidays(year).items()),
            closures=OfficeClosure.objects.filter(date__year=year),
            **kwargs,
        )
