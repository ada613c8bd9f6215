"""The global search box: every app's provider, limited to what the person may see.

The page asks no provider: it renders one section per provider the person may use, and each
section loads its own results from `search_group` (htmx, on load), one query each. The page
thus costs the same number of queries whatever the number of providers, and a slow provider
delays only its own section.
"""

from django.http import Http404
from django.shortcuts import render
from django.utils.cache import patch_vary_headers

from opq_intranet.accounts.access import INTRANET_RULE, access
from opq_intranet.core.registry.search import provider_for, providers_for

MIN_QUERY_LENGTH = 2
MAX_QUERY_LENGTH = 200
GROUP_LIMIT = 5  # results per group: the group's own page (its app's search or list) has the rest


def _query(request):
    """The words to find and whether they are too short to search (the page's and the groups' rule)."""
    query = request.GET.get("q", "").strip()[:MAX_QUERY_LENGTH]
    return query, 0 < len(query) < MIN_QUERY_LENGTH


@access(INTRANET_RULE.audience, *INTRANET_RULE.permissions)
def search(request):
    query, too_short = _query(request)
    providers = providers_for(request.user) if query and not too_short else []
    context = {"query": query, "providers": providers, "too_short": too_short}
    return render(request, "core/search.html", context)


@access(INTRANET_RULE.audience, *INTRANET_RULE.permissions)
def search_group(request, key):
    """One provider's results: the fragment the page's section loads, or a page of its own
    when opened directly (the link shown without JavaScript)."""
    provider = provider_for(request.user, key)  # PermissionDenied if the person may not use it
    if provider is None:
        raise Http404
    query, too_short = _query(request)
    results = provider.search(request, query, GROUP_LIMIT) if query and not too_short else []
    context = {"query": query, "provider": provider, "results": results, "too_short": too_short}
    template = "core/_search_group.html" if request.htmx else "core/search_group.html"
    response = render(request, template, context)
    patch_vary_headers(response, ["HX-Request"])
    return response
