"""Global search: one box in the top bar; each app adds a provider for its own objects.

In an app's `search.py`, for a simple accent-insensitive match on a few fields:

    from opq_intranet.core.registry.search import ModelSearchProvider, register

    class MandateSearch(ModelSearchProvider):
        key = "courrier.mandates"
        label = _("Mandates")
        permission = "accounts.access_courrier"
        search_fields = ("reference", "title")

        def get_queryset(self, request):
            return selectors.mandates_visible_to(request.user)

    register(MandateSearch())

or subclass SearchProvider and write `search()` (e.g. PostgreSQL full-text search with
ranking) returning `SearchResult(title, url, detail)` objects.

A provider filters by what the person may see in its own query (never after), and costs
one query for `limit` results. When its objects are numbered (E2026-00035, M2026-00002), the
same query also matches the number (a prefix, case ignored), as people quote it.

The search page asks no provider itself: it renders one section per provider the person may
use, and each section loads its results from its own URL (`core:search_group`, htmx), so that
the page costs the same number of queries however many providers the apps register.
"""

from dataclasses import dataclass

from django.core.exceptions import PermissionDenied

from opq_intranet.core.text import filter_words

_providers = {}


@dataclass(frozen=True)
class SearchResult:
    title: str
    url: str
    detail: str = ""


class SearchProvider:
    key = ""
    label = ""
    permission = ""
    order = 100

    @property
    def slug(self):
        """The key as an HTML id part: "core.orders" -> "core-orders"."""
        return self.key.replace(".", "-")

    def search(self, request, query, limit):
        raise NotImplementedError


class ModelSearchProvider(SearchProvider):
    """Every word of the query must appear (accents ignored) in one of `search_fields`."""

    search_fields = ()

    def get_queryset(self, request):
        raise NotImplementedError

    def detail(self, obj):
        return ""

    def search(self, request, query, limit):
        queryset = filter_words(self.get_queryset(request), self.search_fields, query)
        return [SearchResult(title=str(o), url=o.get_absolute_url(), detail=self.detail(o)) for o in queryset[:limit]]


def register(provider):
    _providers[provider.key] = provider
    return provider


def providers_for(user):
    """The providers the person may use, in their display order."""
    return [
        p
        for p in sorted(_providers.values(), key=lambda p: (p.order, p.key))
        if not p.permission or user.has_perm(p.permission)
    ]


def provider_for(user, key):
    """The provider `key`, or None if there is none; PermissionDenied if the person may not use it."""
    provider = _providers.get(key)
    if provider is None:
        return None
    if provider.permission and not user.has_perm(provider.permission):
        raise PermissionDenied
    return provider
