"""Read queries of the contacts directory."""

from courrier.models import Contact
from courrier.selectors.mail import items_visible_to
from opq_intranet.core.text import filter_words

CONTACT_OPTIONS = 50  # a contact select shows these; its search box finds the others


def contact_options(query="", selected=None):
    """The contacts a select offers: those matching `query` (else the latest added), and the chosen one."""
    contacts = Contact.objects.filter(is_active=True)
    if query:
        contacts = filter_words(contacts, ("name", "organisation", "email"), query).order_by("name", "pk")
    else:
        contacts = contacts.order_by("-pk")
    options = list(contacts[:CONTACT_OPTIONS])
    if selected and all(c.pk != selected.pk for c in options):
        options.insert(0, selected)
    return options


CONTACT_ITEMS_SHOWN = 20


def contact_page(contact, user):
    """What a contact's page shows: their latest items the person may see."""
    return {
        "items": list(items_visible_to(user).filter(contact=contact)[:CONTACT_ITEMS_SHOWN]),
        "items_shown": CONTACT_ITEMS_SHOWN,
    }
