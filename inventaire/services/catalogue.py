"""Writes of the categories (their life and residual value drive depreciation) and of the
locations (a site's rooms)."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from inventaire.models import Location
from inventaire.services.assets import require_manager


@transaction.atomic
def category_save(*, category, user):
    require_manager(user)
    category.full_clean()
    category.save()
    return category


@transaction.atomic
def location_save(*, location, user):
    require_manager(user)
    duplicate = Location.objects.filter(site=location.site, floor=location.floor, room=location.room)
    if duplicate.exclude(pk=location.pk).exists():
        raise ValidationError({"room": _("This room of this floor is already a location.")})
    location.full_clean(validate_constraints=False)
    location.save()
    return location
