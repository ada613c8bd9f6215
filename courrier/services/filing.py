"""Filing mail into records management: each attachment of the item and of its replies becomes
a record of a documents-app file (copied: the records then follow that file's retention rule);
an item without attachments is filed as a paper record. The registry shows where it is."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from courrier import permissions
from courrier.models import MailItem
from documents import services as records


def _file_item(item, record_file, user):
    """One record per attachment; a paper record for an item that has none."""
    common = {
        "record_file": record_file,
        "user": user,
        "record_date": item.dated_on,
        "author": item.contact.name if item.direction == "incoming" else "",
        "keywords": item.reference,
    }
    attachments = [a for a in item.attachments.select_related("stored_file") if not a.stored_file.content_destroyed_at]
    if not attachments:
        location = _("Mail registry, %(reference)s") % {"reference": item.reference}
        records.record_add_copy(title=f"{item.reference} {item.subject}", location=location, **common)
    for attachment in attachments:
        title = f"{item.reference} {item.subject} ({attachment.stored_file.original_name})"
        records.record_add_copy(title=title, stored_file=attachment.stored_file, **common)


@transaction.atomic
def mail_file(*, item, user, record_file):
    """File the item and its replies into `record_file`; refused if already filed."""
    item = MailItem.objects.select_for_update(of=("self",)).select_related("contact", "filed_in").get(pk=item.pk)
    if not permissions.can_handle(user, item):
        raise PermissionDenied
    if item.filed_in_id:
        raise ValidationError(_("This item is already filed in %(file)s.") % {"file": item.filed_in})
    if not records.can_edit_file(user, record_file):
        raise ValidationError({"record_file": _("You may not file into this file: it belongs to another unit.")})
    if record_file.stage == "disposed":
        raise ValidationError({"record_file": _("This file was disposed of.")})
    now = timezone.now()
    for mail_item in [item, *item.replies.select_related("contact")]:
        _file_item(mail_item, record_file, user)
        mail_item.filed_in, mail_item.filed_at = record_file, now
        mail_item.save(update_fields=["filed_in", "filed_at"])
    return item
