"""The mandates' writes: create (numbered M2026-00042), change, move through their statuses,
progress notes, helpers, and the mail items and records-management files they concern.

Who may do what (courrier/permissions.py, checked again here):
- any staff member who uses the app creates a mandate; they are its requester;
- the requester, the lead, the helpers and the mail room change it (PermissionDenied otherwise);
- a done or cancelled mandate is only reopened (with a note) or given notes.

Statuses: open → in progress ↔ waiting → done; cancelled from any active status with its
reason kept as a note; a done or cancelled mandate is reopened (in progress) with a note.
"""

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import override

from courrier import permissions
from courrier.choices import ACTIVE_MANDATE_STATUSES, MandateStatus
from courrier.models import Mandate, MandateNote
from courrier.selectors import items_visible_to
from documents.selectors import files_visible_to
from opq_intranet.core.numbering import next_reference

REFERENCE_SERIES = "courrier.mandate"
REFERENCE_PREFIX = "M"

# Where each status may go (reopening is the way back from done and cancelled).
TRANSITIONS = {
    MandateStatus.OPEN: {MandateStatus.IN_PROGRESS, MandateStatus.CANCELLED},
    MandateStatus.IN_PROGRESS: {MandateStatus.WAITING, MandateStatus.DONE, MandateStatus.CANCELLED},
    MandateStatus.WAITING: {MandateStatus.IN_PROGRESS, MandateStatus.DONE, MandateStatus.CANCELLED},
    MandateStatus.DONE: {MandateStatus.IN_PROGRESS},
    MandateStatus.CANCELLED: {MandateStatus.IN_PROGRESS},
}


# --- Where a mandate may go (who may move it: courrier/permissions.py) -----------------------


def allowed_statuses(mandate):
    """The statuses the mandate may move to, in the order the page shows them."""
    targets = TRANSITIONS[MandateStatus(mandate.status)]
    return [status for status in MandateStatus if status in targets]


def _require_change(user, mandate):
    if not permissions.can_change_mandate(user, mandate):
        raise PermissionDenied


def _require_active(mandate):
    if mandate.status not in ACTIVE_MANDATE_STATUSES:
        raise ValidationError(_("This mandate is done or cancelled: reopen it first."))


def _locked(mandate):
    return Mandate.objects.select_for_update().get(pk=mandate.pk)


def _check_people(mandate, helpers):
    errors = {}
    if mandate.lead_id is not None and not permissions.is_assignable(mandate.lead):
        errors["lead"] = _("The lead must be an active staff member with access to the mandates.")
    if helpers is not None:
        if any(h.pk == mandate.lead_id for h in helpers):
            errors["helpers"] = _("The lead cannot also be one of the helpers.")
        elif not all(permissions.is_assignable(h) for h in helpers):
            errors["helpers"] = _("Each helper must be an active staff member with access to the mandates.")
    if errors:
        raise ValidationError(errors)


def _check_due_on(mandate, previous_due_on):
    if mandate.due_on and mandate.due_on != previous_due_on and mandate.due_on < timezone.localdate():
        raise ValidationError({"due_on": _("The due date is already past.")})


def _note(mandate, user, text):
    return MandateNote.objects.create(mandate=mandate, author=user, text=text)


# --- Writes -----------------------------------------------------------------------------------


@transaction.atomic
def mandate_create(*, mandate, user, helpers=()):
    """Create a mandate: the person is its requester; the unit is the lead's unless given."""
    if not permissions.can_create_mandate(user):
        raise PermissionDenied
    mandate.requester = user
    mandate.created_by = user
    mandate.status = MandateStatus.OPEN
    mandate.completed_on = None
    mandate.last_reminder = ""
    if mandate.org_unit_id is None and mandate.lead_id is not None:
        mandate.org_unit_id = mandate.lead.org_unit_id
    helpers = list(helpers)
    _check_people(mandate, helpers)
    _check_due_on(mandate, None)
    if mandate.org_unit_id is None:
        raise ValidationError({"org_unit": _("Choose the unit that carries the mandate.")})
    mandate.full_clean(exclude=["reference"])
    mandate.reference = _number()
    mandate.save()
    mandate.helpers.set(helpers)
    return mandate


def _number():
    return next_reference(REFERENCE_SERIES, prefix=REFERENCE_PREFIX)


@transaction.atomic
def mandate_update(*, mandate, user, helpers=None):
    """Save the changes of a form (title, description, lead, unit, priority, due date) and,
    when given, the helpers. A new due date starts its reminders over."""
    current = _locked(mandate)
    _require_change(user, current)
    _require_active(current)
    _check_people(mandate, None if helpers is None else list(helpers))
    _check_due_on(mandate, current.due_on)
    if mandate.org_unit_id is None:
        raise ValidationError({"org_unit": _("Choose the unit that carries the mandate.")})
    # What the form cannot change stays as it is.
    mandate.reference, mandate.status, mandate.completed_on = current.reference, current.status, current.completed_on
    mandate.requester_id, mandate.created_by_id = current.requester_id, current.created_by_id
    mandate.last_reminder = "" if mandate.due_on != current.due_on else current.last_reminder
    mandate.full_clean()
    mandate.save()
    if helpers is not None:
        mandate.helpers.set(list(helpers))
    return mandate


@transaction.atomic
def mandate_set_helpers(*, mandate, user, helpers):
    current = _locked(mandate)
    _require_change(user, current)
    _require_active(current)
    helpers = list(helpers)
    _check_people(current, helpers)
    current.helpers.set(helpers)
    return current


@transaction.atomic
def mandate_set_status(*, mandate, user, status, note="", today=None):
    """Move the mandate to `status`. Cancelling needs its reason and reopening a note, both
    kept as progress notes; any other note given is kept too. Done sets the completion date."""
    current = _locked(mandate)
    _require_change(user, current)
    note = (note or "").strip()
    if status not in MandateStatus.values:
        raise ValidationError({"status": _("Choose a status.")})
    if status == current.status:
        raise ValidationError(_('The mandate is already "%(status)s".') % {"status": MandateStatus(status).label})
    if status not in TRANSITIONS[MandateStatus(current.status)]:
        raise ValidationError(
            _('A mandate cannot go from "%(current)s" to "%(status)s".')
            % {"current": MandateStatus(current.status).label, "status": MandateStatus(status).label}
        )
    reopening = current.status not in ACTIVE_MANDATE_STATUSES
    if status == MandateStatus.CANCELLED and not note:
        raise ValidationError({"note": _("Give the reason for the cancellation.")})
    if reopening and not note:
        raise ValidationError({"note": _("Say why the mandate is reopened.")})
    current.status = status
    current.completed_on = (today or timezone.localdate()) if status == MandateStatus.DONE else None
    current.full_clean()
    current.save(update_fields=["status", "completed_on"])
    if status == MandateStatus.CANCELLED or reopening:
        # Kept in the Office's language, whoever reads it later.
        with override(settings.LANGUAGE_CODE):
            if reopening:
                note = _("Mandate reopened: %(note)s") % {"note": note}
            else:
                note = _("Mandate cancelled: %(note)s") % {"note": note}
    if note:
        _note(current, user, note)
    return current


@transaction.atomic
def mandate_add_note(*, mandate, user, text):
    _require_change(user, mandate)
    text = (text or "").strip()
    if not text:
        raise ValidationError({"text": _("Write the note.")})
    note = MandateNote(mandate=mandate, author=user, text=text)
    note.full_clean()
    note.save()
    return note


@transaction.atomic
def mandate_link_mail(*, mandate, user, reference):
    """Link a mail item by its chrono number (E2026-00042), among those the person may see."""
    current = _locked(mandate)
    _require_change(user, current)
    _require_active(current)
    reference = (reference or "").strip().upper()
    if not reference:
        raise ValidationError({"reference": _("Give the chrono number of the mail item.")})
    item = items_visible_to(user).filter(reference=reference).first()
    if item is None:
        raise ValidationError(
            {"reference": _("No mail item you may see bears the number %(reference)s.") % {"reference": reference}}
        )
    if current.mail_items.filter(pk=item.pk).exists():
        raise ValidationError(
            {"reference": _("The mail item %(reference)s is already linked.") % {"reference": reference}}
        )
    current.mail_items.add(item)
    return item


@transaction.atomic
def mandate_unlink_mail(*, mandate, user, item_id):
    """Unlink one of the linked items the person sees."""
    current = _locked(mandate)
    _require_change(user, current)
    _require_active(current)
    item = items_visible_to(user).filter(pk=item_id, mandates=current).first()
    if item is None:
        raise ValidationError(_("This mail item is not linked to the mandate."))
    current.mail_items.remove(item)
    return item


@transaction.atomic
def mandate_link_file(*, mandate, user, reference):
    """Link a records-management file by its number, among those the person may see."""
    current = _locked(mandate)
    _require_change(user, current)
    _require_active(current)
    reference = (reference or "").strip()
    if not reference:
        raise ValidationError({"reference": _("Give the file number.")})
    record_file = files_visible_to(user).filter(reference__iexact=reference).first()
    if record_file is None:
        raise ValidationError(
            {"reference": _("No file you may see bears the number %(reference)s.") % {"reference": reference}}
        )
    if current.record_files.filter(pk=record_file.pk).exists():
        raise ValidationError(
            {"reference": _("The file %(reference)s is already linked.") % {"reference": record_file.reference}}
        )
    current.record_files.add(record_file)
    return record_file


@transaction.atomic
def mandate_unlink_file(*, mandate, user, file_id):
    current = _locked(mandate)
    _require_change(user, current)
    _require_active(current)
    linked = Mandate.record_files.through.objects.filter(mandate=current).values("recordfile_id")
    record_file = files_visible_to(user).filter(pk=file_id, pk__in=linked).first()
    if record_file is None:
        raise ValidationError(_("This file is not linked to the mandate."))
    current.record_files.remove(record_file)
    return record_file
