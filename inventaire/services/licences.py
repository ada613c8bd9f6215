"""A licence's writes: save it; give a seat to a person or an asset (never beyond the seats
bought, never twice to the same one); release a seat."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from inventaire.models import Licence, Seat
from inventaire.services.assets import require_manager


@transaction.atomic
def licence_save(*, licence, user):
    require_manager(user)
    if licence.starts_on and licence.expires_on and licence.expires_on < licence.starts_on:
        raise ValidationError({"expires_on": _("A licence cannot expire before it starts.")})
    if licence.pk:
        held = Seat.objects.filter(licence=licence, released_on__isnull=True).count()
        if licence.seats < held:
            raise ValidationError(
                {"seats": _("%(held)s seats are held: release some before lowering the number.") % {"held": held}}
            )
        if Licence.objects.filter(pk=licence.pk).values_list("expires_on", flat=True).first() != licence.expires_on:
            licence.expiry_alert_sent_on = None  # renewed: warn again before the new date
    licence.full_clean()
    licence.save()
    return licence


@transaction.atomic
def seat_assign(*, licence, user, holder=None, asset=None):
    require_manager(user)
    licence = Licence.objects.select_for_update().get(pk=licence.pk)
    if (holder is None) == (asset is None):
        raise ValidationError(_("Give the seat to a person or to an asset."))
    open_seats = Seat.objects.filter(licence=licence, released_on__isnull=True)
    if open_seats.count() >= licence.seats:
        raise ValidationError(
            _("Every seat of %(licence)s is taken (%(seats)s).") % {"licence": licence, "seats": licence.seats}
        )
    if open_seats.filter(holder=holder, asset=asset).exists():
        raise ValidationError(_("This one already holds a seat of %(licence)s.") % {"licence": licence})
    if asset is not None and asset.is_disposed:
        raise ValidationError({"asset": _("A disposed asset holds no licence.")})
    return Seat.objects.create(
        licence=licence, holder=holder, asset=asset, assigned_on=timezone.localdate(), assigned_by=user
    )


@transaction.atomic
def seat_release(*, seat, user):
    require_manager(user)
    seat = Seat.objects.select_for_update().get(pk=seat.pk)
    if seat.released_on is None:
        seat.released_on = timezone.localdate()
        seat.save(update_fields=["released_on"])
    return seat
