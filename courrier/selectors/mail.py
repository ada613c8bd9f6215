"""Read queries of the mail registry, scoped to what the person may see."""

from django.db.models import Q

from courrier import permissions
from courrier.choices import PENDING_STATUSES
from courrier.models import RESTRICTED_LEVELS, AccessRequest, MailItem


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
    """What waits for the person: routed to them, not answered or closed yet, the soonest due first."""
    return (
        items_visible_to(user)
        .filter(assignee=user, status__in=PENDING_STATUSES)
        .order_by("reply_due_on", "registered_at")
    )


def item_with_access_request(items):
    """The item's page fetches its access request with it (a reverse one-to-one)."""
    return items.select_related("access_request")


def _access_request_of(item):
    try:
        return item.access_request  # fetched with the item on its page, else one query
    except AccessRequest.DoesNotExist:
        return None


def item_page(item, user):
    """What an item's page shows besides the item: its attachments, routing trail, the replies
    the person may see, its mandates and its access request (four queries, whatever their number)."""
    return {
        "attachments": list(item.attachments.select_related("stored_file", "added_by")),
        "routing": list(item.routing.select_related("from_unit", "from_assignee", "to_unit", "to_assignee", "by")),
        "replies": list(items_visible_to(user).filter(in_reply_to=item)),
        "mandates": list(item.mandates.all()),
        "access_request": _access_request_of(item),
    }
