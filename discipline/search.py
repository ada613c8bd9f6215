"""The disciplinary cases in the global search, for the Bureau des présidents only: a case by
its number, its summary, its counts' wording and provisions, and its respondent where no
order in force covers the name (or the person may read it), as the list's search box does."""

from django.utils.translation import gettext_lazy as _

from discipline import selectors
from opq_intranet.core.registry.search import SearchProvider, SearchResult, register


class CaseSearch(SearchProvider):
    key = "discipline.cases"
    label = _("Disciplinary cases")
    permission = "accounts.access_discipline"
    order = 40

    def search(self, request, query, limit):
        matching = selectors.matching_cases(selectors.cases_for_list(), request.user, query)
        cases = matching.order_by("-filed_on", "-pk")[:limit]
        return [
            SearchResult(
                f"{case.number} · {selectors.redacted(case, case.respondent_name)}",
                case.get_absolute_url(),
                f"{case.council.order} · {case.get_status_display()}",
            )
            for case in cases
        ]


register(CaseSearch())
