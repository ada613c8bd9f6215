"""What a non-publication order (art. 142) covers is hidden wherever the case goes out: the
roll of a day and its PDF, the reports, the lists' exports, and the page of anyone but the
chair assigned and the Bureau's clerks. One function hides it: `redact(text, covered)`.

The words are found whatever their case and accents ("Éloïse Côté" hides "ELOISE COTE"),
and across any run of spaces, so that a covered name cannot slip out in another spelling.
"""

import re
import unicodedata

from django.utils.translation import gettext_lazy as _

MASK = _("[protected]")


def _fold(char):
    base = unicodedata.normalize("NFD", char)[:1] or char
    return base.casefold()[:1] or base


def _folded(text):
    """The text folded one character for one character (positions stay those of the text)."""
    return "".join(_fold(c) for c in text)


def _pattern(covered):
    words = _folded(covered).split()
    return r"\s+".join(re.escape(w) for w in words) if words else None


def redact(text, covered):
    """`text` with every occurrence of each of `covered` (names, words) replaced by the mask."""
    if not text or not covered:
        return text
    patterns = [p for p in (_pattern(c) for c in covered if c) if p]
    if not patterns:
        return text
    folded = _folded(text)
    spans = [m.span() for m in re.finditer("|".join(f"(?:{p})" for p in patterns), folded)]
    if not spans:
        return text
    mask = str(MASK)
    out, last = [], 0
    for start, end in spans:
        out.append(text[last:start])
        out.append(mask)
        last = end
    out.append(text[last:])
    return "".join(out)


def covered_texts(orders):
    """The words of the orders in force among `orders`."""
    return [o.covered_text for o in orders if o.lifted_on is None and o.covered_text]
