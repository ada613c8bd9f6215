"""Every permission rule of the mail app: the access rules its views declare and the
`can_<verb>(user, obj)` predicates that views, templates and services share. Visibility is
filtered in the queries (courrier/selectors/)."""

from courrier import deadlines
from courrier.choices import PENDING_STATUSES, AccessRequestStatus, Direction, MailStatus, MailType
from opq_intranet.accounts.access import AccessRule, Audience
from opq_intranet.core.selectors import staff_holding

# The person responsible for access: the app, and the access requests' own permission.
OFFICER = ("accounts.access_courrier", "courrier.handle_access_requests")
OFFICER_RULE = AccessRule(Audience.STAFF, OFFICER)


# --- Mail -----------------------------------------------------------------------------------


def people_who_receive_mail():
    """Who an item can be routed to: the staff who can open the mail app (sorted by name,
    their unit fetched with them for the picker's labels)."""
    return staff_holding("accounts.access_courrier").select_related("org_unit").order_by("last_name", "first_name")


def can_receive_mail(person):
    return person.is_active and person.is_office_staff and person.has_perm("accounts.access_courrier")


def is_mail_room(user):
    """The mail room registers, routes and closes every item (Courrier role)."""
    return user.is_office_staff and user.has_perm("courrier.register_mail")


def handles_access_requests(user):
    return user.is_office_staff and user.has_perm("courrier.handle_access_requests")


def can_handle(user, item):
    """The mail room, the person the item is routed to, and the staff of its unit."""
    if is_mail_room(user):
        return True
    if not user.is_office_staff:
        return False
    return user.pk == item.assignee_id or (user.org_unit_id is not None and user.org_unit_id == item.routed_unit_id)


def can_correct(user, item=None):
    """Register an item, or correct its description: the mail room."""
    return is_mail_room(user)


def can_take(user, item):
    """Start on an item not yet in progress."""
    return can_handle(user, item) and item.status in (MailStatus.REGISTERED, MailStatus.ROUTED)


def can_route(user, item):
    """Route or re-route an incoming item still waiting for someone (an outgoing one is
    written by whoever sends it: it is never routed)."""
    return can_handle(user, item) and item.direction == Direction.INCOMING and item.status in PENDING_STATUSES


def can_reply(user, item):
    return can_route(user, item)


def can_attach(user, item):
    return can_handle(user, item)


def can_file(user, item):
    """File an item (with its replies) that is not filed yet and is not itself a reply."""
    return can_handle(user, item) and not item.filed_in_id and not item.in_reply_to_id


def can_close(user, item):
    return can_handle(user, item) and item.status != MailStatus.CLOSED


def can_open_access_request(user, item, access_request=None):
    """An incoming item of the type "access request" that has none yet."""
    return (
        handles_access_requests(user)
        and access_request is None
        and item.direction == Direction.INCOMING
        and item.mail_type == MailType.ACCESS_REQUEST
    )


def can_extend_access_request(user, access_request, today):
    """Once, while the request is open, with a notice sent before the first deadline expires."""
    return (
        handles_access_requests(user)
        and access_request.status == AccessRequestStatus.OPEN
        and not access_request.extended_on
        and deadlines.extension_allowed(access_request.received_on, today)
    )


# --- Contacts -------------------------------------------------------------------------------

# The contacts directory holds personal information (applicants' and complainants' names,
# addresses): only the mail room, which registers the mail, and the person responsible for
# access read and correct it. Other staff see a contact's name where an item they may see
# shows it, never the directory; the 46 orders themselves are on core's reference pages.
CONTACT_ROLES = ("courrier.register_mail", "courrier.handle_access_requests")
CONTACTS_RULE = AccessRule(Audience.STAFF, ("accounts.access_courrier",), any_of=CONTACT_ROLES)


def can_view_contacts(user):
    """Browse the directory and open a contact's page: the mail room, the access officer."""
    return user.is_office_staff and any(user.has_perm(p) for p in CONTACT_ROLES)


def can_change_contact(user, contact=None):
    """Add or correct a contact: the same people."""
    return can_view_contacts(user)


# --- Mandates -------------------------------------------------------------------------------


def can_create_mandate(user):
    """Any active staff member who uses the app; they are its requester."""
    return user.is_active and user.is_office_staff and user.has_perm("accounts.access_courrier")


def can_change_mandate(user, mandate):
    """The requester, the lead, the helpers (prefetched or not) and the mail room."""
    if not (user.is_active and user.is_office_staff):
        return False
    if user.pk in (mandate.requester_id, mandate.lead_id) or is_mail_room(user):
        return True
    return any(helper.pk == user.pk for helper in mandate.helpers.all())


def can_edit_mandate(user, mandate):
    """Change its description or its links: an active mandate only (a done one is reopened first)."""
    return mandate.is_active and can_change_mandate(user, mandate)


def is_assignable(person):
    """A lead or a helper: an active staff member who uses the app."""
    return (
        person is not None
        and person.is_active
        and person.is_office_staff
        and person.has_perm("accounts.access_courrier")
    )
