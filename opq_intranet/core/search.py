"""Core's providers for the global search: orders, units and the staff directory."""

from django.utils.translation import gettext_lazy as _

from opq_intranet.core import selectors
from opq_intranet.core.registry.search import ModelSearchProvider, register


class OrderSearch(ModelSearchProvider):
    key = "core.orders"
    label = _("Professional orders")
    permission = "accounts.access_intranet"
    search_fields = ("name", "code", "profession")
    order = 10

    def get_queryset(self, request):
        return selectors.orders()

    def detail(self, order):
        return order.profession


class UnitSearch(ModelSearchProvider):
    key = "core.units"
    label = _("Units")
    permission = "accounts.access_intranet"
    search_fields = ("name", "code")
    order = 11

    def get_queryset(self, request):
        return selectors.org_units()

    def detail(self, unit):
        return str(unit.site or "")


class PersonSearch(ModelSearchProvider):
    key = "core.people"
    label = _("Staff directory")
    permission = "accounts.access_intranet"
    search_fields = ("first_name", "last_name", "job_title")
    order = 12

    def get_queryset(self, request):
        return selectors.staff_people()

    def detail(self, person):
        return " · ".join(filter(None, [person.job_title, str(person.org_unit or "")]))


register(OrderSearch())
register(UnitSearch())
register(PersonSearch())
