"""Core's providers for the global search: orders, units and the staff directory."""

from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from opq_intranet.core import selectors
from opq_intranet.core.registry.search import SearchProvider, SearchResult, register
from opq_intranet.core.text import strip_accents


def _matching(queryset, fields, query):
    words = strip_accents(query).split()
    for word in words:
        condition = Q()
        for field in fields:
            condition |= Q(**{f"{field}__unaccent__icontains": word})
        queryset = queryset.filter(condition)
    return queryset


class OrderSearch(SearchProvider):
    key = "core.orders"
    label = _("Professional orders")
    permission = "accounts.access_intranet"
    order = 10

    def search(self, request, query, limit):
        found = _matching(selectors.orders(), ("name", "code", "profession"), query)[:limit]
        return [SearchResult(title=o.name, url=o.get_absolute_url(), detail=o.profession) for o in found]


class UnitSearch(SearchProvider):
    key = "core.units"
    label = _("Units")
    permission = "accounts.access_intranet"
    order = 11

    def search(self, request, query, limit):
        found = _matching(selectors.org_units(), ("name", "code"), query)[:limit]
        return [SearchResult(title=u.name, url=u.get_absolute_url(), detail=str(u.site or "")) for u in found]


class PersonSearch(SearchProvider):
    key = "core.people"
    label = _("Staff directory")
    permission = "accounts.access_intranet"
    order = 12

    def search(self, request, query, limit):
        found = _matching(selectors.staff_people(), ("first_name", "last_name", "job_title"), query)[:limit]
        return [
            SearchResult(
                title=str(p),
                url=p.get_absolute_url(),
                detail=" · ".join(filter(None, [p.job_title, str(p.org_unit or "")])),
            )
            for p in found
        ]


register(OrderSearch())
register(UnitSearch())
register(PersonSearch())
