"""The global search box: every app's provider, limited to what the person may see."""

from django.shortcuts import render

from opq_intranet.accounts.access import INTRANET_RULE, access
from opq_intranet.core.registry.search import search_all

MIN_QUERY_LENGTH = 2
MAX_QUERY_LENGTH = 200


@access(INTRANET_RULE.audience, *INTRANET_RULE.permissions)
def search(request):
    query = request.GET.get("q", "").strip()[:MAX_QUERY_LENGTH]
    groups = search_all(request, query) if len(query) >= MIN_QUERY_LENGTH else []
    context = {"query": query, "groups": groups, "too_short": 0 < len(query) < MIN_QUERY_LENGTH}
    return render(request, "core/search.html", context)
