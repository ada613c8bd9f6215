"""The assets in the global search, for the Inventaire role: by tag, serial number, hostname,
make and model, or holder's name, as the list's search box finds them."""

from django.utils.translation import gettext_lazy as _

from inventaire import selectors
from opq_intranet.core.registry.search import SearchProvider, SearchResult, register


class AssetSearch(SearchProvider):
    key = "inventaire.assets"
    label = _("Assets")
    permission = "accounts.access_inventaire"
    order = 60

    def search(self, request, query, limit):
        matching = selectors.matching_assets(selectors.assets(), query).order_by("tag")[:limit]
        return [
            SearchResult(
                f"{asset.tag} · {asset.label or asset.category}",
                asset.get_absolute_url(),
                f"{asset.category} · {asset.get_status_display()}"
                + (f" · {asset.holder.get_full_name()}" if asset.holder_id else ""),
            )
            for asset in matching
        ]


register(AssetSearch())
