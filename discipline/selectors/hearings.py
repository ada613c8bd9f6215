"""Reads of the hearings calendar: the roll of a day, a week and a month, a chair's feed.
What a non-publication order covers is redacted here, once, for every output of the roll."""

from calendar import monthrange
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from django.db.models import Prefetch
from django.utils import timezone

from discipline.choices import HearingOutcome
from discipline.models import Hearing, NonPublicationOrder
from discipline.redaction import covered_texts, redact


def _bounds(first_day, last_day):
    start = timezone.make_aware(datetime.combine(first_day, time.min))
    end = timezone.make_aware(datetime.combine(last_day + timedelta(days=1), time.min))
    return start, end


def hearings_between(first_day, last_day, *, chair=None):
    """Hearings from `first_day` to `last_day` inclusive (cancelled ones left out), with their
    case, chair, members and the case's orders in force: a constant number of queries."""
    start, end = _bounds(first_day, last_day)
    queryset = (
        Hearing.objects.filter(starts_at__gte=start, starts_at__lt=end)
        .exclude(outcome=HearingOutcome.CANCELLED)
        .select_related("case__council__order", "chair")
        .prefetch_related(
            "members",
            Prefetch(
                "case__protection_orders",
                queryset=NonPublicationOrder.objects.filter(lifted_on__isnull=True),
                to_attr="orders_in_force",
            ),
        )
        .order_by("starts_at", "venue", "room", "pk")
    )
    if chair is not None:
        queryset = queryset.filter(chair=chair)
    return queryset


@dataclass
class RollEntry:
    """A line of the roll as it goes out: the case's parties with what its orders cover hidden."""

    hearing: Hearing
    respondent: str
    complainant: str
    counsel: str
    protected: bool


def roll_entry(hearing):
    case = hearing.case
    words = covered_texts(case.orders_in_force)
    counsel = " / ".join(filter(None, [case.complainant_counsel, case.respondent_counsel]))
    return RollEntry(
        hearing=hearing,
        respondent=redact(case.respondent_name, words),
        complainant=redact(case.complainant_name, words),
        counsel=redact(counsel, words),
        protected=bool(words),
    )


def roll_of(day, chair=None):
    """The roll (rôle d'audience) of a day, every entry redacted."""
    return [roll_entry(h) for h in hearings_between(day, day, chair=chair)]


def week_of(day, chair=None):
    """[(day, [RollEntry])] for the Monday-to-Sunday week that holds `day`."""
    monday = day - timedelta(days=day.weekday())
    days = [monday + timedelta(days=n) for n in range(7)]
    by_day = {d: [] for d in days}
    for hearing in hearings_between(days[0], days[-1], chair=chair):
        by_day[timezone.localtime(hearing.starts_at).date()].append(roll_entry(hearing))
    return [(d, by_day[d]) for d in days]


def month_of(year, month, chair=None):
    """Weeks of the month as [[(day or None, [RollEntry])]] (Monday first)."""
    first, last = date(year, month, 1), date(year, month, monthrange(year, month)[1])
    by_day = {}
    for hearing in hearings_between(first, last, chair=chair):
        by_day.setdefault(timezone.localtime(hearing.starts_at).date(), []).append(roll_entry(hearing))
    weeks, week = [], [(None, [])] * first.weekday()
    day = first
    while day <= last:
        week.append((day, by_day.get(day, [])))
        if len(week) == 7:
            weeks.append(week)
            week = []
        day += timedelta(days=1)
    if week:
        weeks.append(week + [(None, [])] * (7 - len(week)))
    return weeks
