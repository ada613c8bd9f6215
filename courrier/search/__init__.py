"""The mail app in the global search: mail items (full text, and by chrono number), mandates
(number and title) and, for the person responsible for access, the access requests (number,
documents requested, requester), each among what the person may see. Contacts are found on
their own list. The mail search page's queries are in courrier/search/mail.py, re-exported here."""

from django.utils.translation import gettext_lazy as _

from courrier import selectors
from courrier.search.mail import MailHit, hits_with_extracts, latest_matching_items, matching_items
from opq_intranet.core.registry.search import ModelSearchProvider, SearchProvider, SearchResult, register


class MailSearch(SearchProvider):
    key = "courrier.mail"
    label = _("Mail")
    permission = "accounts.access_courrier"
    order = 50

    def search(self, request, query, limit):
        items = latest_matching_items(request.user, query, limit)
        return [SearchResult(f"{i.reference} {i.subject}", i.get_absolute_url(), str(i.contact)) for i in items]


class MandateSearch(ModelSearchProvider):
    key = "courrier.mandates"
    label = _("Mandates")
    permission = "accounts.access_courrier"
    search_fields = ("reference", "title")  # each with its trigram index (Mandate.Meta)
    order = 51

    def get_queryset(self, request):
        return selectors.mandates_visible_to(request.user).order_by("-created_at", "-pk")

    def detail(self, mandate):
        return " · ".join(filter(None, [mandate.get_status_display(), str(mandate.lead or "")]))


class AccessRequestSearch(ModelSearchProvider):
    key = "courrier.access"
    label = _("Access requests")
    permission = "courrier.handle_access_requests"
    search_fields = ("reference", "documents_requested", "mail_item__contact__name")
    order = 52

    def get_queryset(self, request):
        return selectors.access_requests_visible_to(request.user).order_by("-received_on", "-pk")

    def detail(self, access_request):
        return access_request.get_status_display()


__all__ = ["MailHit", "hits_with_extracts", "latest_matching_items", "matching_items"]

register(MailSearch())
register(MandateSearch())
register(AccessRequestSearch())
