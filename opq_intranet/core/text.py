"""Text matching shared by the search box of lists and the global search."""

import unicodedata

from django.db.models import Q


def strip_accents(value):
    """'Québec' -> 'Quebec', as PostgreSQL's unaccent() does on the column side."""
    decomposed = unicodedata.normalize("NFKD", value)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def filter_words(queryset, fields, text):
    """Rows where every word of `text` appears in one of `fields`, accents and case ignored."""
    for word in strip_accents(text).split():
        condition = Q()
        for field in fields:
            condition |= Q(**{f"{field}__unaccent__icontains": word})
        queryset = queryset.filter(condition)
    return queryset
