"""Documents attached to a return: added and removed by the order's déclarants while the
return can be edited; the Office reads them with the return."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from bdsp.choices import AttachmentKind
from bdsp.models import ReturnAttachment
from bdsp.services.returns import _locked, _require_filer
from opq_intranet.core.files import DOCUMENT_TYPES, accepted_names, private_file_store

PDF_ONLY = frozenset({"application/pdf"})
# The annual report and the financial statements are published documents: PDF only.
ALLOWED_TYPES = {
    AttachmentKind.ANNUAL_REPORT: PDF_ONLY,
    AttachmentKind.FINANCIAL_STATEMENTS: PDF_ONLY,
    AttachmentKind.OTHER: DOCUMENT_TYPES,
}
MAX_ATTACHMENTS = 20


@transaction.atomic
def attachment_add(*, annual_return, user, kind, uploaded):
    annual_return = _locked(annual_return)
    _require_filer(user, annual_return)
    if kind not in ALLOWED_TYPES:
        raise ValidationError({"kind": _("Choose the kind of document.")})
    if annual_return.attachments.count() >= MAX_ATTACHMENTS:
        raise ValidationError(_("A return carries at most %(count)s documents.") % {"count": MAX_ATTACHMENTS})
    try:
        stored = private_file_store(
            uploaded=uploaded, owner=annual_return, user=user, allowed_types=ALLOWED_TYPES[kind]
        )
    except ValidationError as error:
        if kind != AttachmentKind.OTHER and error.code == "type":
            raise ValidationError(
                {"file": _("The annual report and the financial statements are sent as PDF.")}
            ) from error
        if error.code == "type":  # said with the types people know, never a MIME type
            message = _("This file is not of an accepted type (%(types)s).") % {
                "types": accepted_names(ALLOWED_TYPES[kind])
            }
            raise ValidationError({"file": message}) from error
        raise ValidationError({"file": error.messages}) from error
    return ReturnAttachment.objects.create(annual_return=annual_return, kind=kind, file=stored, added_by=user)


@transaction.atomic
def attachment_remove(*, annual_return, user, attachment_id):
    """Takes the document off the return; the stored file stays, as the history refers to it."""
    annual_return = _locked(annual_return)
    _require_filer(user, annual_return)
    deleted, _rows = ReturnAttachment.objects.filter(annual_return=annual_return, pk=attachment_id).delete()
    if not deleted:
        raise ValidationError(_("This document is no longer attached to the return."))
