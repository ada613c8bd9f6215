"""Legal holds, placed and lifted by the records manager."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from documents.models import LegalHold, RecordClass, RecordFile
from documents.permissions import can_manage_plan


def _codes(text):
    return [part.strip() for part in (text or "").replace(";", ",").split(",") if part.strip()]


@transaction.atomic
def hold_place(*, title, reason, file_references, class_codes, user):
    """A hold on files (by number) and classes (by code); every one must exist."""
    if not can_manage_plan(user):
        raise PermissionDenied
    references, codes = _codes(file_references), _codes(class_codes)
    errors = {}
    files = list(RecordFile.objects.filter(reference__in=references))
    missing = sorted(set(references) - {f.reference for f in files})
    if missing:
        errors["file_references"] = _("No file has the number %(numbers)s.") % {"numbers": ", ".join(missing)}
    classes = list(RecordClass.objects.filter(code__in=codes))
    missing = sorted(set(codes) - {c.code for c in classes})
    if missing:
        errors["class_codes"] = _("No class has the code %(codes)s.") % {"codes": ", ".join(missing)}
    if not (references or codes):
        errors["file_references"] = _("Name the files or the classes the hold covers.")
    if not (reason or "").strip():
        errors["reason"] = _("Give the reason for the hold.")
    if errors:
        raise ValidationError(errors)
    hold = LegalHold.objects.create(title=title.strip(), reason=reason.strip(), placed_by=user)
    hold.files.set(files)
    hold.classes.set(classes)
    return hold


@transaction.atomic
def hold_lift(*, hold, user, reason):
    if not can_manage_plan(user):
        raise PermissionDenied
    hold = LegalHold.objects.select_for_update().get(pk=hold.pk)
    if hold.lifted_at:
        raise ValidationError(_("This hold was already lifted."))
    if not (reason or "").strip():
        raise ValidationError(_("Give the reason for lifting the hold."))
    hold.lifted_at = timezone.now()
    hold.lifted_by = user
    hold.lift_reason = reason.strip()
    hold.save()
    return hold
