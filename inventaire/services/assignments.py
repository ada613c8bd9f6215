"""Who holds what: check-out to a person or a room and check-in, one asset or a whole list of
scanned tags at once (all or nothing), the holder's acknowledgement of a hand-over (one for
all its items, its PDF kept) and their yearly confirmation that they still hold each item."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from inventaire.acknowledgements import acknowledgement_pdf
from inventaire.choices import AssetStatus, MovementKind
from inventaire.confirmations import confirmation_given
from inventaire.models import Asset, Assignment, HandOver
from inventaire.services.assets import _end_assignment, check_date, journal, require_manager
from opq_intranet.core.files import private_file_store
from opq_intranet.core.notifications import notifications_done, notify

HANDOVER_KEY = "inventaire.handover_to_acknowledge"


def _locked(assets):
    return list(Asset.objects.select_for_update().select_related("category").filter(pk__in=[a.pk for a in assets]))


def _refuse_unless_all(assets, status, message):
    """Every asset in `status`, or the whole list is refused (naming the others)."""
    refused = [asset.tag for asset in assets if asset.status != status]
    if refused:
        raise ValidationError({"tags": message % {"tags": ", ".join(sorted(refused))}})


@transaction.atomic
def check_out(*, assets, user, on, holder=None, location=None, note=""):
    """Hand assets over to a person (one hand-over for all of them, which they acknowledge)
    or put them in a room; every asset must be in stock, or nothing is checked out."""
    require_manager(user)
    if not assets:
        raise ValidationError({"tags": _("Name at least one asset.")})
    if (holder is None) == (location is None):
        raise ValidationError(_("Check out to a person or to a location, not both."))
    if holder is not None and not (holder.is_active and holder.is_office_staff):
        raise ValidationError({"holder": _("Only an active staff member can hold the Office's equipment.")})
    check_date(on)
    assets = _locked(assets)
    # In stock only: an asset back from repair goes to its holder through its own service.
    _refuse_unless_all(assets, AssetStatus.IN_STOCK, _("Not in stock, so not checked out: %(tags)s."))
    handover = HandOver.objects.create(holder=holder, handed_on=on, handed_by=user, note=note) if holder else None
    for asset in assets:
        Assignment.objects.create(
            asset=asset,
            holder=holder,
            location=location,
            handover=handover,
            checked_out_on=on,
            checked_out_by=user,
            note=note,
        )
        asset.status, asset.holder = AssetStatus.ASSIGNED, holder
        if location is not None:
            asset.location = location
        asset.save(update_fields=["status", "holder", "location"])
        journal(asset, MovementKind.CHECKED_OUT, user=user, on=on, holder=holder, location=location, note=note)
    if handover is not None:
        # In the person's queue on Mon travail (and by email) until they acknowledge it.
        notify(
            recipients=[holder],
            key=HANDOVER_KEY,
            target=handover,
            url=reverse("inventaire:my_equipment"),
            subject_template="inventaire/email/handover_subject.txt",
            body_template="inventaire/email/handover.txt",
            context={"handover": handover, "assets": assets},
        )
    return handover


@transaction.atomic
def check_in(*, assets, user, on, location=None, note=""):
    """Take assets back into stock (in `location` when given); every asset must be checked
    out, or nothing is checked in."""
    require_manager(user)
    if not assets:
        raise ValidationError({"tags": _("Name at least one asset.")})
    check_date(on)
    assets = _locked(assets)
    _refuse_unless_all(assets, AssetStatus.ASSIGNED, _("Not checked out, so not checked in: %(tags)s."))
    for asset in assets:
        holder = asset.holder
        _end_assignment(asset, user=user, on=on, note=note)
        asset.status = AssetStatus.IN_STOCK
        if location is not None:
            asset.location = location
        asset.save(update_fields=["status", "holder", "location"])
        journal(asset, MovementKind.CHECKED_IN, user=user, on=on, holder=holder, location=location, note=note)
    return assets


@transaction.atomic
def handover_acknowledge(*, handover, user):
    """The holder says they received the hand-over's items: once, for all of them; the PDF
    of the acknowledgement is kept with the hand-over."""
    handover = HandOver.objects.select_for_update().select_related("holder", "handed_by").get(pk=handover.pk)
    if handover.holder_id != user.pk:
        raise PermissionDenied
    if handover.acknowledged_at is not None:
        raise ValidationError(_("You acknowledged this hand-over already."))
    handover.acknowledged_at = timezone.now()
    items = list(handover.items.select_related("asset__category").order_by("asset__tag"))
    content = ContentFile(acknowledgement_pdf(handover, items), name=f"accuse-reception-{handover.pk}.pdf")
    handover.acknowledgement = private_file_store(
        uploaded=content, owner=handover, user=user, allowed_types={"application/pdf"}
    )
    handover.save(update_fields=["acknowledged_at", "acknowledgement"])
    notifications_done(target=handover, key=HANDOVER_KEY)
    return handover


@transaction.atomic
def holdings_confirm(*, user, assignment_ids, on=None):
    """The holder confirms they still hold these items (their own open assignments only)."""
    on = on or timezone.localdate()
    mine = Assignment.objects.select_for_update().filter(holder=user, checked_in_on__isnull=True, pk__in=assignment_ids)
    if not assignment_ids or mine.count() != len(set(assignment_ids)):
        raise ValidationError(_("Choose among the items you hold."))
    confirmed = mine.update(confirmed_on=on)
    confirmation_given(user, on)
    return confirmed
