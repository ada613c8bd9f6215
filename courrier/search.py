"""The mail app in the global search: mail items (full text, what the person may see). Contacts
are found on their own list: each provider costs the global search page a query."""

from django.utils.translation import gettext_lazy as _

from courrier.search_mail import latest_matching_items
from opq_intranet.core.registry.search import SearchProvider, SearchResult, register


class MailSearch(SearchProvider):
    key = "courrier.mail"
    label = _("Mail")
    permission = "accounts.access_courrier"
    order = 50

    def search(self, request, query, limit):
        items = latest_matching_items(request.user, query, limit)
        return [SearchResult(f"{i.reference} {i.subject}", i.get_absolute_url(), str(i.contact)) for i in items]


register(MailSearch())
