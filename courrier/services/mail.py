"""The mail registry's writes: register (with the chrono number), attach, route and re-route
(with the trail and a notification to the assignee: core/notifications.py), take in hand,
reply, close (each of which clears the item's notifications)."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from courrier import permissions
from courrier.choices import CHRONO, PENDING_STATUSES, AccessRequestStatus, Direction, MailStatus
from courrier.models import MailAttachment, MailItem, RoutingEvent
from courrier.services.contacts import contact_save
from courrier.services.search_vector import mail_search_refresh
from documents.extraction import extract_text
from opq_intranet.core.files import private_file_store
from opq_intranet.core.notifications import notifications_done, notify
from opq_intranet.core.numbering import next_reference

# Scanned letters (PDF), emails (EML, MSG) and the usual office documents.
ATTACHMENT_TYPES = frozenset(
    {
        "application/pdf",
        "message/rfc822",
        "application/vnd.ms-outlook",
        "application/CDFV2",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        "application/vnd.oasis.opendocument.text",
        "text/plain",
    }
)
ROUTED = "courrier.mail_routed"


def _require_mail_room(user):
    if not permissions.is_mail_room(user):
        raise PermissionDenied


def _require_handler(user, item):
    if not permissions.can_handle(user, item):
        raise PermissionDenied


def _locked(item):
    return MailItem.objects.select_for_update().select_related("contact").get(pk=item.pk)


def _store_attachments(item, uploads, user):
    for uploaded in uploads:
        try:
            stored = private_file_store(uploaded=uploaded, owner=item, user=user, allowed_types=ATTACHMENT_TYPES)
        except ValidationError as error:
            raise ValidationError({"attachments": error.messages}) from error
        with stored.content.open("rb") as handle:
            text = extract_text(handle, stored.mime_type)
        MailAttachment.objects.create(mail_item=item, stored_file=stored, text=text, added_by=user)


def _number(item):
    series, prefix = CHRONO[item.direction]
    return next_reference(series, prefix=prefix, year=item.dated_on.year)


@transaction.atomic
def mail_register(*, item, user, uploads=(), new_contact=None):
    """Register an item: numbered in its direction's yearly chrono, attachments stored and read;
    `new_contact`, a sender typed on the registration form, is saved with it."""
    _require_mail_room(user)
    if new_contact is not None:
        item.contact = contact_save(contact=new_contact, user=user)
    item.registered_by = user
    item.status = MailStatus.REGISTERED
    item.full_clean(exclude=["reference"])
    item.reference = _number(item)
    item.save()
    _store_attachments(item, uploads, user)
    mail_search_refresh([item.pk])
    return item


@transaction.atomic
def mail_update(*, item, user):
    """The mail room corrects an item's description. The chrono number never changes, so its
    date of receipt (or sending) stays in the number's year: E2026-00042 is of 2026."""
    _require_mail_room(user)
    item.full_clean()
    year = item.number_year
    if year is not None and item.dated_on.year != year:
        message = (
            _(
                "The number %(reference)s belongs to the year %(year)s: the date of receipt stays in %(year)s. "
                "If the item dates from another year, register it again and close this one."
            )
            if item.direction == Direction.INCOMING
            else _(
                "The number %(reference)s belongs to the year %(year)s: the date of sending stays in %(year)s. "
                "If the item dates from another year, register it again and close this one."
            )
        )
        raise ValidationError({item.dated_on_field: message % {"reference": item.reference, "year": year}})
    item.save()
    mail_search_refresh([item.pk])
    return item


@transaction.atomic
def mail_attach(*, item, user, uploads):
    item = _locked(item)
    _require_handler(user, item)
    _store_attachments(item, uploads, user)
    mail_search_refresh([item.pk])
    return item


@transaction.atomic
def mail_route(*, item, user, unit, assignee=None, note=""):
    """Route (or re-route) an incoming item to a unit and, optionally, a person of it; keep the trail."""
    item = _locked(item)
    _require_handler(user, item)
    if item.direction != Direction.INCOMING:
        raise ValidationError(_("An outgoing item is not routed."))
    if item.status not in PENDING_STATUSES:
        raise ValidationError(_("An answered or closed item is no longer routed."))
    if assignee is not None and assignee.org_unit_id != unit.pk:
        raise ValidationError({"assignee": _("Choose a person of the unit the item is routed to.")})
    if assignee is not None and not assignee.is_active:
        raise ValidationError({"assignee": _("This person's account is inactive.")})
    if assignee is not None and not permissions.can_receive_mail(assignee):
        raise ValidationError({"assignee": _("This person cannot open the mail app: route the item to their unit.")})
    if unit.pk == item.routed_unit_id and (assignee.pk if assignee else None) == item.assignee_id:
        raise ValidationError(_("The item is already routed there."))
    RoutingEvent.objects.create(
        mail_item=item,
        from_unit_id=item.routed_unit_id,
        from_assignee_id=item.assignee_id,
        to_unit=unit,
        to_assignee=assignee,
        note=note,
        by=user,
    )
    item.routed_unit, item.assignee = unit, assignee
    item.status = MailStatus.ROUTED
    item.full_clean()
    item.save()
    _notify_routed(item, note)
    return item


def _notify_routed(item, note):
    """The person it is routed to gets it in their queue and by email; when nobody is named
    (or they have no address), the unit's address gets the email. A re-routed item leaves
    the previous person's queue."""
    notifications_done(target=item, key=ROUTED)
    assignee = item.assignee
    notify(
        recipients=[assignee] if assignee else [],
        key=ROUTED,
        target=item,
        url=item.get_absolute_url(),
        subject_template="courrier/email/routed_subject.txt",
        body_template="courrier/email/routed.txt",
        context={"item": item, "note": note},
        extra_addresses=[] if assignee and assignee.email else [item.routed_unit.email],
    )


@transaction.atomic
def mail_take(*, item, user):
    """The person it is routed to starts on it."""
    item = _locked(item)
    _require_handler(user, item)
    if item.status not in (MailStatus.REGISTERED, MailStatus.ROUTED):
        raise ValidationError(_("This item is already in progress, answered or closed."))
    if item.assignee_id is None:
        item.assignee = user
    item.status = MailStatus.IN_PROGRESS
    item.save(update_fields=["assignee", "status"])
    notifications_done(target=item)
    return item


@transaction.atomic
def mail_reply(*, item, user, reply, uploads=()):
    """Register the outgoing reply to an incoming item; the item is then answered."""
    item = _locked(item)
    _require_handler(user, item)
    if item.direction != Direction.INCOMING:
        raise ValidationError(_("Only an incoming item is answered."))
    if item.status == MailStatus.CLOSED:
        raise ValidationError(_("This item is closed."))
    reply.direction = Direction.OUTGOING
    reply.in_reply_to = item
    reply.contact_id = reply.contact_id or item.contact_id
    reply.confidentiality = reply.confidentiality or item.confidentiality
    reply.routed_unit_id, reply.assignee = item.routed_unit_id, user
    reply.registered_by = user
    reply.status = MailStatus.CLOSED
    reply.closed_on = reply.sent_on
    reply.full_clean(exclude=["reference"])
    reply.reference = _number(reply)
    reply.save()
    _store_attachments(reply, uploads, user)
    mail_search_refresh([reply.pk])
    item.status = MailStatus.ANSWERED
    item.save(update_fields=["status"])
    notifications_done(target=item)
    return reply


@transaction.atomic
def mail_close(*, item, user, closed_on=None):
    item = _locked(item)
    _require_handler(user, item)
    if item.status == MailStatus.CLOSED:
        raise ValidationError(_("This item is already closed."))
    if hasattr(item, "access_request") and item.access_request.status == AccessRequestStatus.OPEN:
        raise ValidationError(_("Its access request is still being processed: answer it first."))
    item.status = MailStatus.CLOSED
    item.closed_on = closed_on or timezone.localdate()
    item.save(update_fields=["status", "closed_on"])
    notifications_done(target=item)
    return item
