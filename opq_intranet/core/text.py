"""Text matching shared by the search box of lists and the global search."""

import unicodedata

from django.contrib.postgres.indexes import GinIndex, OpClass
from django.db.models import CharField, Q, TextField, Transform
from django.db.models.functions import Upper


def strip_accents(value):
    """'Québec' -> 'Quebec', as PostgreSQL's unaccent() does on the column side."""
    decomposed = unicodedata.normalize("NFKD", value)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


class Unaccented(Transform):
    """`field__unaccented`: the column without accents, through the immutable opq_unaccent()
    (core migration 0008), so that a trigram index on it serves `__unaccented__icontains`."""

    lookup_name = "unaccented"
    function = "opq_unaccent"


CharField.register_lookup(Unaccented)
TextField.register_lookup(Unaccented)


def words_index(field, name):
    """The trigram index that makes `filter_words` on `field` fast on a big table: the same
    expression as the search's, UPPER(opq_unaccent(field))."""
    return GinIndex(OpClass(Upper(Unaccented(field)), name="gin_trgm_ops"), name=name)


def filter_words(queryset, fields, text):
    """Rows where every word of `text` appears in one of `fields`, accents and case ignored
    (a NUL, which PostgreSQL refuses in text, separates words like a space)."""
    for word in strip_accents(text).replace("\x00", " ").split():
        condition = Q()
        for field in fields:
            condition |= Q(**{f"{field}__unaccented__icontains": word})
        queryset = queryset.filter(condition)
    return queryset
