"""Values a page reads from its query string outside a form. A form refuses a bad value with
a message; these helpers, for a hint a page merely uses (the parent class of a new class, the
space of a new box), give None for anything else, so that no value typed in the address bar
("²", "99999999999999999999", a NUL) reaches the database and answers 500.

    parent = query_id(request, "parent")  # an int, or None
"""

MAX_ID_DIGITS = 18  # within PostgreSQL's bigint


def query_id(request, name):
    """The parameter `name` as a positive id, or None ("", "abc", "²", a 20-digit number)."""
    value = request.GET.get(name, "")
    if value.isascii() and value.isdigit() and len(value) <= MAX_ID_DIGITS:
        return int(value)
    return None
