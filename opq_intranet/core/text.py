"""Small text helpers shared by search and filters."""

import unicodedata


def strip_accents(value):
    """'Québec' -> 'Quebec', as PostgreSQL's unaccent() does on the column side."""
    decomposed = unicodedata.normalize("NFKD", value)
    return "".join(c for c in decomposed if not unicodedata.combining(c))
