"""French full-text search over the mail a person may see: subject, contact, attachments' text.

As for the records (documents/search_records.py), the CANDIDATES most recent matches are
ranked (`ts_rank`), with highlighted extracts (`ts_headline`) for the page's results only.
"""

from dataclasses import dataclass

from django.contrib.postgres.search import SearchRank
from django.db.models import F, OuterRef, Q, Subquery, TextField
from django.db.models.functions import Coalesce

from courrier import selectors
from courrier.models import CHRONO_NUMBER, MailAttachment, MailItem
from opq_intranet.core.fulltext import CANDIDATES, headline, marked, search_query


@dataclass
class MailHit:
    item: MailItem
    extract: str  # safe HTML


def _filtered(items, filters):
    if direction := filters.get("direction"):
        items = items.filter(direction=direction)
    if mail_type := filters.get("mail_type"):
        items = items.filter(mail_type=mail_type)
    if unit := filters.get("routed_unit"):
        items = items.filter(routed_unit=unit)
    if start := filters.get("since"):
        items = items.dated_from(start)
    if end := filters.get("until"):
        items = items.dated_until(end)
    return items


def matching_items(user, text, *, filters=None):
    """The visible items matching `text`, best first among the most recent matches."""
    query = search_query(text)
    visible = selectors.items_visible_to(user).filter(search_vector=query)
    candidates = _filtered(visible, filters or {}).order_by("-pk").values("pk")[:CANDIDATES]
    return (
        MailItem.objects.filter(pk__in=candidates)
        .select_related("contact")
        .annotate(rank=SearchRank(F("search_vector"), query))
        .order_by("-rank", "-pk")
    )


def hits_with_extracts(items, text):
    """The page's items with an extract of their first attachment's text (one query)."""
    if not items:
        return []
    first_text = MailAttachment.objects.filter(mail_item=OuterRef("pk")).order_by("pk").values("text")[:1]
    extracts = dict(
        MailItem.objects.filter(pk__in=[i.pk for i in items])
        .annotate(extract=headline(Coalesce(Subquery(first_text, output_field=TextField()), F("subject")), text))
        .values_list("pk", "extract")
    )
    return [MailHit(item, marked(extracts.get(item.pk, ""))) for item in items]


def latest_matching_items(user, text, limit):
    """The most recent visible matches, unranked: the global search shows a handful. A chrono
    number, or its beginning, also finds its items (in the same query: the reference's index)."""
    condition = Q(search_vector=search_query(text))
    number = text.strip()
    if CHRONO_NUMBER.match(number):
        condition |= Q(reference__startswith=number.upper())
    items = selectors.items_visible_to(user).filter(condition)
    return list(items.order_by("-pk")[:limit])
