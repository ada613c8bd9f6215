"""Reads of the bodies and their seats: the list, a body's page (its seats with their holders,
the parity of the Office's appointees, art. 78's minimum), a seat's page, and the
composition of every board at once for the home."""

from collections import defaultdict
from itertools import repeat

from django.db.models import Count, Q
from django.utils import timezone

from administrateurs import eligibility, parity
from administrateurs.choices import BodyKind
from administrateurs.models import Body, Seat, Term
from administrateurs.selectors.vacancies import seat_states
from opq_intranet.core.text import filter_words

SEARCH_FIELDS = ("name", "order__name", "order__code")


def bodies(today=None):
    """Bodies with `held`: how many of the Office's active seats someone holds today."""
    today = today or timezone.localdate()
    held = Q(seats__is_active=True) & eligibility.current_terms_filter(today, prefix="seats__terms__")
    return Body.objects.select_related("order").annotate(held=Count("seats__terms", filter=held, distinct=True))


def matching_bodies(queryset, text):
    return filter_words(queryset, SEARCH_FIELDS, text)


def seats():
    return Seat.objects.select_related("body__order")


def compositions(today=None, bodies=None):
    """{body id: parity.Composition} of the Office's appointees sitting today on each body (of
    `bodies`, a Body queryset, else every body), in one grouped query."""
    today = today or timezone.localdate()
    sitting = Term.objects.filter(eligibility.current_terms_filter(today))
    if bodies is not None:
        sitting = sitting.filter(seat__body__in=bodies)
    members = defaultdict(list)
    for body_id, gender, diversity, count in (
        sitting.values_list("seat__body_id", "candidate__gender", "candidate__diversity")
        .annotate(n=Count("pk"))
        .order_by()
    ):
        members[body_id].extend(repeat((gender, diversity), count))
    return {body_id: parity.composition_of(pairs) for body_id, pairs in members.items()}


def minimum_of(body, composition):
    """Art. 78's minimum for a board (None for another body) and whether the Office's seats
    filled today reach it: (minimum, met)."""
    if body.kind != BodyKind.BOARD:
        return None, None
    minimum = parity.office_minimum(body.size)
    return minimum, composition.total >= minimum


def body_page(body, today=None):
    today = today or timezone.localdate()
    states = seat_states(body.seats.all(), today)
    composition = parity.composition_of(
        (state.current.candidate.gender, state.current.candidate.diversity) for state in states if state.current
    )
    minimum, met = minimum_of(body, composition)
    return {
        "seat_states": states,
        "composition": composition,
        "office_minimum": minimum,
        "minimum_met": met,
    }


def seat_page(seat, today=None):
    today = today or timezone.localdate()
    (state,) = seat_states(Seat.objects.filter(pk=seat.pk), today)
    return {
        "state": state,
        "terms": list(
            seat.terms.select_related("candidate", "decision").order_by("-starts_on", "-pk"),
        ),
    }
