"""Global search: one box in the top bar; each app adds a provider for its own objects.

In an app's `search.py`:

    from opq_intranet.core.registry.search import SearchProvider, SearchResult, register

    class CaseSearch(SearchProvider):
        key = "discipline.cases"
        label = _("Disciplinary cases")
        permission = "accounts.access_discipline"

        def search(self, request, query, limit):
            qs = selectors.cases_visible_to(request.user).search(query)[:limit]
            return [SearchResult(title=str(c), url=c.get_absolute_url(), detail=c.summary) for c in qs]

    register(CaseSearch())

A provider filters by what the person may see in its own query (never after), and costs
one query for `limit` results.
"""

from dataclasses import dataclass

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

    def search(self, request, query, limit):
        raise NotImplementedError


def register(provider):
    _providers[provider.key] = provider
    return provider


def providers_for(user):
    return [
        p
        for p in sorted(_providers.values(), key=lambda p: (p.order, p.key))
        if not p.permission or user.has_perm(p.permission)
    ]


def search_all(request, query, limit=5):
    """[(provider, results)] for every provider that found something."""
    groups = []
    for provider in providers_for(request.user):
        results = provider.search(request, query, limit)
        if results:
            groups.append((provider, results))
    return groups
