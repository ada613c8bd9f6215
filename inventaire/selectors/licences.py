"""Reads of the software licences: the list with seats held, a licence's page."""

from django.db.models import Count, Q

from inventaire.models import Licence, Seat


def licences():
    return Licence.objects.annotate(held=Count("seat_set", filter=Q(seat_set__released_on__isnull=True)))


def licence_page(licence):
    seats = (
        Seat.objects.filter(licence=licence)
        .select_related("holder", "asset__category")
        .order_by("released_on", "-assigned_on", "-pk")
    )
    return {"seats": list(seats)}
