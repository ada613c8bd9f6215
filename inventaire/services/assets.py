"""An asset's writes: register it (tagged OPQ-004217 by core's numbering service), correct it,
and the moves of its status: to repair and back, lost and found, moved to another room,
disposed of. Check-out and check-in are in services/assignments.py; every move is checked
against TRANSITIONS and written to the asset's journal (Movement)."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from inventaire import permissions
from inventaire.choices import AssetStatus, MovementKind
from inventaire.models import Asset, Assignment, Movement
from opq_intranet.core.files import private_file_store
from opq_intranet.core.numbering import next_number

TAG_SERIES = "inventaire.asset"
TAG_YEAR = 0  # one series that never resets: a tag is printed once and stays on the asset
TAG_PREFIX = "OPQ-"
WIPE_PROOF_TYPES = frozenset({"application/pdf", "image/png", "image/jpeg"})

# Where each status may go. Disposed is final: the asset leaves the lists, keeps its history.
TRANSITIONS = {
    AssetStatus.IN_STOCK: {AssetStatus.ASSIGNED, AssetStatus.IN_REPAIR, AssetStatus.LOST, AssetStatus.DISPOSED},
    AssetStatus.ASSIGNED: {AssetStatus.IN_STOCK, AssetStatus.IN_REPAIR, AssetStatus.LOST},
    AssetStatus.IN_REPAIR: {AssetStatus.IN_STOCK, AssetStatus.ASSIGNED, AssetStatus.LOST, AssetStatus.DISPOSED},
    AssetStatus.LOST: {AssetStatus.IN_STOCK, AssetStatus.DISPOSED},
}


def can_move(asset, status):
    return status in TRANSITIONS.get(AssetStatus(asset.status), ())


def move(asset, status):
    """Change the status of a locked asset, refusing a move the table does not allow."""
    if not can_move(asset, status):
        raise ValidationError(
            _('The asset %(tag)s cannot go from "%(current)s" to "%(status)s".')
            % {"tag": asset.tag, "current": AssetStatus(asset.status).label, "status": AssetStatus(status).label}
        )
    asset.status = status


def require_manager(user):
    if not permissions.manages(user):
        raise PermissionDenied


def locked(asset):
    return Asset.objects.select_for_update().get(pk=asset.pk)


def check_date(on, field="on"):
    if on > timezone.localdate():
        raise ValidationError({field: _("The date cannot be later than today.")})


def journal(asset, kind, *, user, on, holder=None, location=None, note=""):
    return Movement.objects.create(
        asset=asset, kind=kind, on=on, by=user, holder=holder, location=location or asset.location, note=note
    )


def new_tag():
    return f"{TAG_PREFIX}{next_number(TAG_SERIES, year=TAG_YEAR):06d}"


def _check(asset):
    errors = {}
    today = timezone.localdate()
    if asset.purchased_on and asset.purchased_on > today:
        errors["purchased_on"] = _("The date cannot be later than today.")
    if asset.warranty_ends_on and asset.purchased_on and asset.warranty_ends_on < asset.purchased_on:
        errors["warranty_ends_on"] = _("The warranty cannot end before the purchase.")
    if asset.cost is not None and asset.cost < 0:
        errors["cost"] = _("The cost cannot be negative.")
    if errors:
        raise ValidationError(errors)
    asset.full_clean(exclude=["tag", "created_by", "wipe_proof", "holder"])


@transaction.atomic
def asset_register(*, asset, user, tag=""):
    """Save a new asset in stock; its tag is the next of the series, or `tag` (an imported
    asset already labelled)."""
    require_manager(user)
    _check(asset)
    asset.tag = tag or new_tag()
    if Asset.objects.filter(tag=asset.tag).exists():
        raise ValidationError({"tag": _("Another asset already has the tag %(tag)s.") % {"tag": asset.tag}})
    asset.status = AssetStatus.IN_STOCK
    asset.holder = None
    asset.created_by = user
    asset.save()
    journal(asset, MovementKind.REGISTERED, user=user, on=asset.purchased_on or timezone.localdate())
    return asset


@transaction.atomic
def asset_update(*, asset, user):
    """Save corrections to an asset's description; its status, holder and tag stay as the
    services left them (the form cannot reach them)."""
    require_manager(user)
    current = locked(asset)
    if current.is_disposed:
        raise ValidationError(_("A disposed asset is no longer corrected: its record is kept as it was."))
    asset.status, asset.holder_id, asset.tag = current.status, current.holder_id, current.tag
    _check(asset)
    asset.save()
    return asset


def _end_assignment(asset, *, user, on, note=""):
    """Close the asset's open assignment (a loss, a check-in): the holder no longer has it."""
    assignment = Assignment.objects.filter(asset=asset, checked_in_on__isnull=True).first()
    if assignment is None:
        return None
    if on < assignment.checked_out_on:
        raise ValidationError(
            {
                "on": _("The date cannot be earlier than the check-out (%(date)s).")
                % {"date": assignment.checked_out_on.isoformat()}
            }
        )
    assignment.checked_in_on, assignment.checked_in_by = on, user
    if note:
        assignment.note = f"{assignment.note} · {note}" if assignment.note else note
    assignment.save(update_fields=["checked_in_on", "checked_in_by", "note"])
    asset.holder = None
    return assignment


@transaction.atomic
def asset_send_to_repair(*, asset, user, on, note=""):
    """The asset leaves for repair; whoever holds it keeps it on their list until it is back."""
    require_manager(user)
    asset = locked(asset)
    check_date(on)
    move(asset, AssetStatus.IN_REPAIR)
    asset.save(update_fields=["status"])
    journal(asset, MovementKind.REPAIR_SENT, user=user, on=on, holder=asset.holder, note=note)
    return asset


@transaction.atomic
def asset_back_from_repair(*, asset, user, on, note=""):
    """Back to its holder when it has one, else to stock."""
    require_manager(user)
    asset = locked(asset)
    check_date(on)
    move(asset, AssetStatus.ASSIGNED if asset.holder_id else AssetStatus.IN_STOCK)
    asset.save(update_fields=["status"])
    journal(asset, MovementKind.REPAIR_BACK, user=user, on=on, holder=asset.holder, note=note)
    return asset


@transaction.atomic
def asset_report_lost(*, asset, user, on, note=""):
    """Lost: its assignment ends (the holder no longer has it)."""
    require_manager(user)
    asset = locked(asset)
    check_date(on)
    move(asset, AssetStatus.LOST)
    holder = asset.holder
    _end_assignment(asset, user=user, on=on, note=_("lost"))
    asset.save(update_fields=["status", "holder"])
    journal(asset, MovementKind.LOST, user=user, on=on, holder=holder, note=note)
    return asset


@transaction.atomic
def asset_found(*, asset, user, on, location, note=""):
    """A lost asset is found: back in stock where it was found."""
    require_manager(user)
    asset = locked(asset)
    check_date(on)
    if asset.status != AssetStatus.LOST:
        raise ValidationError(_("Only a lost asset can be found."))
    move(asset, AssetStatus.IN_STOCK)
    asset.location = location
    asset.save(update_fields=["status", "location"])
    journal(asset, MovementKind.FOUND, user=user, on=on, location=location, note=note)
    return asset


@transaction.atomic
def asset_relocate(*, asset, user, location, on=None, note=""):
    """The asset is in another room (moved, or found there by a stock-taking)."""
    require_manager(user)
    asset = locked(asset)
    if asset.is_disposed:
        raise ValidationError(_("A disposed asset has no location any more."))
    on = on or timezone.localdate()
    check_date(on)
    if asset.location_id == location.pk:
        return asset
    asset.location = location
    asset.save(update_fields=["location"])
    journal(asset, MovementKind.RELOCATED, user=user, on=on, location=location, note=note)
    return asset


@transaction.atomic
def asset_dispose(*, asset, user, on, reason, note="", wipe_proof=None):
    """Disposed of (recycled, donated, sold, destroyed): an asset that holds data needs the
    proof that it was wiped. Nobody may hold it: it is checked in first."""
    require_manager(user)
    asset = locked(asset)
    check_date(on)
    if asset.holder_id:
        raise ValidationError(
            _("%(holder)s still holds %(tag)s: check it in first.") % {"holder": asset.holder, "tag": asset.tag}
        )
    move(asset, AssetStatus.DISPOSED)
    if asset.category.has_storage and wipe_proof is None:
        raise ValidationError({"wipe_proof": _("This asset holds data: attach the proof that it was wiped.")})
    if wipe_proof is not None:
        asset.wipe_proof = private_file_store(
            uploaded=wipe_proof, owner=asset, user=user, allowed_types=WIPE_PROOF_TYPES
        )
    asset.disposed_on, asset.disposal_reason, asset.disposal_note = on, reason, note
    asset.save(update_fields=["status", "disposed_on", "disposal_reason", "disposal_note", "wipe_proof"])
    journal(asset, MovementKind.DISPOSED, user=user, on=on, note=note)
    return asset
