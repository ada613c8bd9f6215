"""French full-text search over the mail a person may see: subject, contact, attachments' text.

As for the records (documents/search_records.py), the CANDIDATES most recent matches are
ranked (`ts_rank`), with highlighted extracts (`ts_headline`) for the page's results only.
"""

from dataclasses import dataclass

from django.contrib.postgres.search import SearchHeadline, SearchQuery, SearchRank
from django.db.models import F, OuterRef, Q, Subquery, TextField
from django.db.models.functions import Coalesce, Substr
from django.utils.html import escape
from django.utils.safestring import mark_safe

from courrier import selectors
from courrier.models import MailAttachment, MailItem

CONFIG = "opq_french"
CANDIDATES = 2000
HEADLINE_CHARACTERS = 20_000
START, STOP = "\x02", "\x03"  # replaced by <mark> once the extract is escaped


@dataclass
class MailHit:
    item: MailItem
    extract: str  # safe HTML


def search_query(text):
    return SearchQuery(text, config=CONFIG, search_type="websearch")


def _filtered(items, filters):
    if direction := filters.get("direction"):
        items = items.filter(direction=direction)
    if mail_type := filters.get("mail_type"):
        items = items.filter(mail_type=mail_type)
    if unit := filters.get("routed_unit"):
        items = items.filter(routed_unit=unit)
    if start := filters.get("since"):
        items = items.filter(Q(received_on__gte=start) | Q(sent_on__gte=start))
    if end := filters.get("until"):
        items = items.filter(Q(received_on__lte=end) | Q(sent_on__lte=end))
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
        .annotate(
            extract=SearchHeadline(
                Substr(Coalesce(Subquery(first_text, output_field=TextField()), F("subject")), 1, HEADLINE_CHARACTERS),
                search_query(text),
                config=CONFIG,
                start_sel=START,
                stop_sel=STOP,
                max_fragments=2,
                max_words=25,
                min_words=10,
                fragment_delimiter=" … ",
            )
        )
        .values_list("pk", "extract")
    )
    return [MailHit(item, _marked(extracts.get(item.pk, ""))) for item in items]


def _marked(raw):
    return mark_safe(escape(raw or "").replace(START, "<mark>").replace(STOP, "</mark>"))  # noqa: S308 - escaped


def latest_matching_items(user, text, limit):
    """The most recent visible matches, unranked: the global search shows a handful."""
    items = selectors.items_visible_to(user).filter(search_vector=search_query(text))
    return list(items.order_by("-pk")[:limit])
