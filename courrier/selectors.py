"""Read queries of the mail registry, scoped to what the person may see."""

from django.db.models import Q

from courrier import permissions
from courrier.choices import PENDING_STATUSES
from courrier.models import AccessRequest, Contact, MailItem
from courrier.models.mail import RESTRICTED_LEVELS
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


def items_visible_to(user):
    """Public and internal items for all staff; personal and confidential ones for the mail
    room, the unit the item is routed to and the person it is routed to (404 otherwise)."""
    items = MailItem.objects.select_related("contact", "routed_unit", "assignee", "filed_in")
    if not user.is_office_staff:
        return items.none()
    if permissions.is_mail_room(user):
        return items
    mine = Q(assignee=user)
    if user.org_unit_id is not None:
        mine |= Q(routed_unit_id=user.org_unit_id)
    return items.filter(~Q(confidentiality__in=RESTRICTED_LEVELS) | mine)


def my_pending_items(user):
    """What waits for the person: routed to them, not answered or closed yet."""
    return items_visible_to(user).filter(assignee=user, status__in=PENDING_STATUSES)


def access_requests_visible_to(user):
    if not permissions.handles_access_requests(user):
        return AccessRequest.objects.none()
    return AccessRequest.objects.select_related("mail_item__contact", "response", "handled_by")
