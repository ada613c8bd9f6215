"""French full-text search over the records: metadata and the text of their current version.

PostgreSQL does it all: `websearch_to_tsquery` in the opq_french configuration (accents
ignored, French stemming; quotes, OR and -word work as people expect), the GIN index on
`Record.search_vector`, `ts_rank` for the order, and `ts_headline` for the extracts of
the page's results only. The person's access rules filter the records in the same query.
"""

from dataclasses import dataclass

from django.contrib.postgres.search import SearchRank
from django.db.models import F, Q

from documents import selectors
from documents.models import PATH_SEPARATOR, Record
from opq_intranet.core.fulltext import CANDIDATES, headline, marked, search_query


@dataclass
class SearchHit:
    record: Record
    rank: float
    extract: str  # safe HTML with <mark>


def matching_records(user, text, *, filters=None):
    """The visible records matching `text`, best first (a queryset, not evaluated).

    Ranking reads each match's whole vector: over a million records a common word matches
    hundreds of thousands, far too many to rank in 150 ms. So the ranking is done among the
    CANDIDATES most recent matches (the newest records first, found through the GIN index or
    by walking the primary key backwards, as the planner judges cheaper); a rarer query has
    fewer matches than that and is ranked whole.
    """
    query = search_query(text)
    matches = _filtered(Record.objects.filter(search_vector=query), filters or {})
    visible = selectors.files_visible_to(user).values("pk")
    candidates = matches.filter(record_file__in=visible).order_by("-pk").values("pk")[:CANDIDATES]
    return (
        Record.objects.filter(pk__in=candidates)
        .select_related("record_file")
        .annotate(rank=SearchRank(F("search_vector"), query))
        .order_by("-rank", "-pk")
    )


def latest_matching_records(user, text, limit):
    """The most recent visible matches, unranked: the global search shows a handful."""
    visible = selectors.files_visible_to(user).values("pk")
    matches = Record.objects.filter(search_vector=search_query(text), record_file__in=visible)
    return list(matches.select_related("record_file").order_by("-pk")[:limit])


def _filtered(records, filters):
    if code := filters.get("record_class"):
        records = records.filter(
            Q(record_file__record_class__code=code)
            | Q(record_file__record_class__path__startswith=f"{code}{PATH_SEPARATOR}")
            | Q(record_file__record_class__path__contains=f"{PATH_SEPARATOR}{code}{PATH_SEPARATOR}")
        )
    if unit := filters.get("org_unit"):
        records = records.filter(record_file__org_unit=unit)
    if medium := filters.get("medium"):
        records = records.filter(medium=medium)
    if level := filters.get("confidentiality"):
        records = records.filter(record_file__confidentiality=level)
    if start := filters.get("date_from"):
        records = records.filter(record_date__gte=start)
    if end := filters.get("date_to"):
        records = records.filter(record_date__lte=end)
    return records


def hits_with_extracts(records, text):
    """SearchHits for one page of records, with their highlighted extracts (one query)."""
    if not records:
        return []
    extracts = dict(
        Record.objects.filter(pk__in=[r.pk for r in records])
        .annotate(extract=headline("current_version__text", text))
        .values_list("pk", "extract")
    )
    return [SearchHit(r, r.rank, marked(extracts.get(r.pk) or r.description[:300])) for r in records]
