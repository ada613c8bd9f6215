"""Maintenance and repairs of an asset, and warranty claims."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from inventaire.services.assets import check_date, require_manager


@transaction.atomic
def maintenance_record(*, maintenance, user):
    require_manager(user)
    asset = maintenance.asset
    if asset.is_disposed:
        raise ValidationError(_("A disposed asset has no more maintenance."))
    check_date(maintenance.on)
    errors = {}
    if maintenance.cost is not None and maintenance.cost < 0:
        errors["cost"] = _("The cost cannot be negative.")
    if maintenance.warranty_claim and asset.warranty_ends_on and maintenance.on > asset.warranty_ends_on:
        errors["warranty_claim"] = _("The warranty ended on %(date)s.") % {"date": asset.warranty_ends_on.isoformat()}
    if maintenance.claim_number and not maintenance.warranty_claim:
        errors["claim_number"] = _("A claim number goes with a warranty claim.")
    if errors:
        raise ValidationError(errors)
    maintenance.recorded_by = user
    maintenance.full_clean()
    maintenance.save()
    return maintenance
