"""When each seat is vacant, in one place: the vacancies page, the home's counts, a body's and
a seat's page (and `make bench`) read these.

A seat's `last_day` is the last day of the last term recorded on it (its end, or the day it
ended early; None when it was never held). The seat is vacant from the day after, unless a
later term is recorded, which moves `last_day` to that term's end: a seat "becomes vacant"
within a horizon when its current term's last day falls in it and no following term is
recorded yet. Its `band`:

- "now": vacant today (`last_day` before today, or never held);
- "6": held today, vacant by today + 6 months (`last_day` from today to that day, included);
- "12": vacant after 6 months and by today + 12 months;
- "": held beyond 12 months.

Horizons are cumulative, as the page's filter and the home's counts read them: within
6 months is "now" and "6"."""

from dataclasses import dataclass
from datetime import date, timedelta

from dateutil.relativedelta import relativedelta
from django.db.models import Case, CharField, F, Max, OuterRef, Prefetch, Q, Subquery, Value, When
from django.db.models.functions import Coalesce, Concat
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from administrateurs import eligibility
from administrateurs.models import Seat, Term

NOW, SIX, TWELVE, LATER = "now", "6", "12", ""
BANDS = {
    NOW: _("Vacant now"),
    SIX: _("Vacant within 6 months"),
    TWELVE: _("Vacant within 12 months"),
    LATER: pgettext_lazy("seat status", "Held"),
}
# What each horizon shows (cumulative); the page shows the 12 months unless asked for less.
HORIZONS = {NOW: (NOW,), SIX: (NOW, SIX), TWELVE: (NOW, SIX, TWELVE)}
HORIZON_LABELS = [
    (NOW, _("Vacant now")),
    (SIX, _("Now or within 6 months")),
    (TWELVE, _("Now or within 12 months")),
]
DEFAULT_HORIZON = TWELVE
NEVER = date(1, 1, 1)  # sorts a seat never held first


def horizon_end(today, months):
    return today + relativedelta(months=months)


def seats_by_vacancy(today=None):
    """Every seat with `last_day`, `band`, `sort_day` (for sorting: never held first) and
    `holder` (the name of whoever holds it today, or None)."""
    today = today or timezone.localdate()
    last_day = Max(Coalesce("terms__ended_on", "terms__ends_on"))
    holder = (
        Term.objects.filter(eligibility.current_terms_filter(today), seat=OuterRef("pk"))
        .annotate(name=Concat("candidate__first_name", Value(" "), "candidate__last_name", output_field=CharField()))
        .values("name")[:1]
    )
    return (
        Seat.objects.select_related("body__order")
        .annotate(last_day=last_day)
        .annotate(
            band=Case(
                When(Q(last_day__isnull=True) | Q(last_day__lt=today), then=Value(NOW)),
                When(last_day__lte=horizon_end(today, 6), then=Value(SIX)),
                When(last_day__lte=horizon_end(today, 12), then=Value(TWELVE)),
                default=Value(LATER),
                output_field=CharField(),
            ),
            sort_day=Coalesce(F("last_day"), Value(NEVER)),
            holder=Subquery(holder, output_field=CharField()),
        )
    )


def vacancies(today=None, horizon=TWELVE):
    """The active seats of active bodies vacant now or becoming vacant within the horizon."""
    return seats_by_vacancy(today).filter(is_active=True, body__is_active=True, band__in=HORIZONS[horizon])


def vacancy_counts(today=None):
    """{"now": n, "6": n, "12": n}, cumulative, in one query."""
    bands = list(vacancies(today).values_list("band", flat=True))
    return {horizon: sum(band in shown for band in bands) for horizon, shown in HORIZONS.items()}


def vacant_from(seat):
    """The first day the seat is vacant (None: never held); from `seats_by_vacancy`."""
    return seat.last_day + timedelta(days=1) if seat.last_day else None


@dataclass(frozen=True)
class SeatState:
    """A seat on a body's or its own page: who holds it today, who follows, when it is vacant."""

    seat: Seat
    current: Term | None
    next_term: Term | None

    @property
    def band(self):
        return self.seat.band

    @property
    def vacant_from(self):
        return vacant_from(self.seat)

    @property
    def status(self):
        """ "inactive", "vacant" (nobody today), "ending" (vacant within 6 months) or "held"."""
        if not self.seat.is_active:
            return "inactive"
        if self.current is None:
            return "vacant"
        return "ending" if self.band == SIX else "held"

    @property
    def status_label(self):
        return {
            "inactive": _("No longer filled"),
            "vacant": _("Vacant"),
            "ending": _("Ending within 6 months"),
            "held": pgettext_lazy("seat status", "Held"),
        }[self.status]


def seat_states(seats, today=None):
    """`SeatState`s of the seats of `seats` (a Seat queryset), in two queries."""
    today = today or timezone.localdate()
    open_terms = (
        Term.objects.filter(eligibility.not_over_filter(today)).select_related("candidate").order_by("starts_on", "pk")
    )
    rows = (
        seats_by_vacancy(today)
        .filter(pk__in=seats.values("pk"))
        .prefetch_related(Prefetch("terms", queryset=open_terms, to_attr="open_terms"))
        .order_by("body__name", "number")
    )
    states = []
    for seat in rows:
        current = next((t for t in seat.open_terms if t.starts_on <= today), None)
        following = next((t for t in seat.open_terms if t.starts_on > today), None)
        states.append(SeatState(seat=seat, current=current, next_term=following))
    return states
