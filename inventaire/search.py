"""The inventory in the global search, for the Inventaire role: an asset by tag, serial
number, hostname, make and model, or holder's name, as the list's search box finds it; a
software licence by its name, vendor or contract reference."""

from django.utils.translation import gettext_lazy as _

from inventaire import selectors
from opq_intranet.core.registry.search import SearchProvider, SearchResult, register
from opq_intranet.core.text import filter_words


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


class LicenceSearch(SearchProvider):
    key = "inventaire.licences"
    label = _("Software licences")
    permission = "accounts.access_inventaire"
    order = 61

    def search(self, request, query, limit):
        matching = filter_words(selectors.licences(), ("name", "vendor", "reference"), query).order_by("name", "pk")
        return [
            SearchResult(
                str(licence),
                licence.get_absolute_url(),
                " · ".join(filter(None, [licence.vendor, licence.expires_on and licence.expires_on.isoformat()])),
            )
            for licence in matching[:limit]
        ]


register(LicenceSearch())
