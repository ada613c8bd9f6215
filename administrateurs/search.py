"""The candidacies in the global search, for the Nominations role: by name, expertise or city;
the bodies by name or order."""

from django.utils.translation import gettext_lazy as _

from administrateurs import selectors
from opq_intranet.core.registry.search import SearchProvider, SearchResult, register


class CandidateSearch(SearchProvider):
    key = "administrateurs.candidates"
    label = _("Candidates")
    permission = "accounts.access_administrateurs"
    order = 30

    def search(self, request, query, limit):
        unpurged = selectors.candidates().filter(purged_at__isnull=True)  # a purged candidacy is no one
        found = selectors.matching_candidates(unpurged, query).order_by("last_name", "pk")[:limit]
        return [
            SearchResult(str(c), c.get_absolute_url(), f"{c.get_region_display()} · {c.get_status_display()}")
            for c in found
        ]


register(CandidateSearch())


# the bodies, by name or order.
class BodySearch(SearchProvider):
    key = "administrateurs.bodies"
    label = _("Bodies")
    permission = "accounts.access_administrateurs"
    order = 31

    def search(self, request, query, limit):
        found = selectors.matching_bodies(selectors.bodies(), query).order_by("name", "pk")[:limit]
        return [
            SearchResult(
                str(body),
                body.get_absolute_url(),
                " · ".join(filter(None, [body.get_kind_display(), str(body.order or "")])),
            )
            for body in found
        ]


register(BodySearch())
