"""French full-text search, the same for every app: the `opq_french` configuration
(PostgreSQL's french with unaccent before the stemmer, created by documents migration 0005),
`websearch_to_tsquery` (quotes, OR and -word work as people expect), and highlighted extracts.
"""

from django.contrib.postgres.search import SearchHeadline, SearchQuery
from django.db.models.functions import Substr
from django.utils.html import escape
from django.utils.safestring import mark_safe

CONFIG = "opq_french"
# Ranking reads each match's whole vector: a search ranks the most recent matches only.
CANDIDATES = 2000
# ts_headline reads the whole text it is given: the beginning of a document is enough.
HEADLINE_CHARACTERS = 20_000
START, STOP = "\x02", "\x03"  # replaced by <mark> once the extract is escaped


def search_query(text):
    # A NUL, which PostgreSQL refuses in text, separates words like a space.
    return SearchQuery(text.replace("\x00", " "), config=CONFIG, search_type="websearch")


def headline(expression, text):
    """An extract of `expression` around the words of `text`, marked with START/STOP."""
    return SearchHeadline(
        Substr(expression, 1, HEADLINE_CHARACTERS),
        search_query(text),
        config=CONFIG,
        start_sel=START,
        stop_sel=STOP,
        max_fragments=2,
        max_words=25,
        min_words=10,
        fragment_delimiter=" … ",
    )


def marked(raw):
    """The extract as safe HTML: escaped, then its marks made <mark>."""
    return mark_safe(escape(raw or "").replace(START, "<mark>").replace(STOP, "</mark>"))  # noqa: S308 - escaped
