"""Non-publication orders (art. 142): place one on a case, lift it."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from discipline import permissions
from discipline.models import NonPublicationOrder
from discipline.services.cases import locked, require_manager


@transaction.atomic
def protection_order_place(*, case, user, order):
    """Record an order of non-disclosure, non-publication or non-dissemination."""
    require_manager(user)
    if not permissions.can_see_protected(user, case):
        raise PermissionDenied
    current = locked(case)
    order.case = current
    order.created_by = user
    order.covered_text = (order.covered_text or "").strip()
    order.lifted_on = None
    if order.ordered_on and order.ordered_on > timezone.localdate():
        raise ValidationError({"ordered_on": _("The date cannot be later than today.")})
    if len(order.covered_text) < 2:
        raise ValidationError({"covered_text": _("Give the name or the words the order covers.")})
    order.full_clean()
    order.save()
    return order


@transaction.atomic
def protection_order_lift(*, order, user, lifted_on):
    require_manager(user)
    current = NonPublicationOrder.objects.select_for_update().get(pk=order.pk)
    if not permissions.can_see_protected(user, current.case):
        raise PermissionDenied
    if current.lifted_on:
        raise ValidationError(_("This order is already lifted."))
    if lifted_on is None or lifted_on > timezone.localdate() or lifted_on < current.ordered_on:
        raise ValidationError({"lifted_on": _("Give a date between the order and today.")})
    current.lifted_on = lifted_on
    current.save(update_fields=["lifted_on"])
    return current
