"""Mon équipement: what a staff member holds, the hand-overs they have to acknowledge, the
items whose yearly confirmation is due, and what they held before."""

from django.utils import timezone

from inventaire.confirmations import confirmation_due
from inventaire.models import Asset, Assignment, HandOver


def my_equipment(user, today=None):
    today = today or timezone.localdate()
    holding = list(
        Assignment.objects.filter(holder=user, checked_in_on__isnull=True)
        .select_related("asset__category", "asset__location__site", "handover")
        .order_by("asset__tag")
    )
    for assignment in holding:
        assignment.confirmation_due = confirmation_due(assignment, today)
    to_acknowledge = list(
        HandOver.objects.filter(holder=user, acknowledged_at__isnull=True)
        .select_related("handed_by")
        .prefetch_related("items__asset__category")
        .order_by("handed_on", "pk")
    )
    acknowledged = list(
        HandOver.objects.filter(holder=user, acknowledged_at__isnull=False)
        .select_related("acknowledgement")
        .order_by("-handed_on", "-pk")[:20]
    )
    returned = list(
        Assignment.objects.filter(holder=user, checked_in_on__isnull=False)
        .select_related("asset__category")
        .order_by("-checked_in_on", "-pk")[:20]
    )
    return {
        "holding": holding,
        "due": [a for a in holding if a.confirmation_due],
        "to_acknowledge": to_acknowledge,
        "acknowledged": acknowledged,
        "returned": returned,
    }


def my_asset(user, pk):
    """One asset the person holds (their page of it); anything else is not found."""
    return Asset.objects.select_related("category", "location__site").filter(holder=user, pk=pk).first()


def handover_of(user, pk):
    return HandOver.objects.filter(holder=user, pk=pk).first()


def acknowledgements_due(user):
    return HandOver.objects.filter(holder=user, acknowledged_at__isnull=True).count()
