"""Reads of the terms and of the appointment decisions behind them: a term's renewal chain,
the terms about to end (the notice job and the home read the same), a term's and a
decision's page."""

from datetime import timedelta

from django.conf import settings
from django.db.models import Count, Exists, OuterRef
from django.utils import timezone

from administrateurs.models import AppointmentDecision, Term
from opq_intranet.core.text import filter_words


def terms():
    return Term.objects.select_related("seat__body__order", "candidate", "decision", "renewal_of")


def renewal_chain(term):
    """The terms that renew one another and `term` belongs to, first to last, in one query (a
    renewal is the same appointee on the same seat, `renewal_of` the term it follows)."""
    same = {
        t.pk: t
        for t in Term.objects.filter(seat_id=term.seat_id, candidate_id=term.candidate_id).select_related("decision")
    }
    first = same.get(term.pk, term)
    while first.renewal_of_id in same:
        first = same[first.renewal_of_id]
    following = {t.renewal_of_id: t for t in same.values() if t.renewal_of_id}
    chain = [first]
    while chain[-1].pk in following:
        chain.append(following[chain[-1].pk])
    return chain


def followed(queryset=None):
    """`queryset` with `followed`: whether a later term is already recorded on the same seat
    (the appointee's renewal, or their successor's)."""
    later = Term.objects.filter(seat=OuterRef("seat"), starts_on__gt=OuterRef("starts_on"))
    return (queryset if queryset is not None else Term.objects.all()).annotate(followed=Exists(later))


def terms_ending(today=None, days=None):
    """Terms whose end is `days` (ADMINISTRATEURS_TERM_NOTICE_DAYS) away or fewer, not ended
    early, with no later term recorded on their seat: a renewal or a successor to decide."""
    today = today or timezone.localdate()
    days = settings.ADMINISTRATEURS_TERM_NOTICE_DAYS if days is None else days
    ending = Term.objects.filter(
        ended_on__isnull=True, starts_on__lte=today, ends_on__gte=today, ends_on__lte=today + timedelta(days=days)
    )
    return (
        followed(ending)
        .filter(followed=False)
        .select_related("seat__body", "candidate")
        .order_by("ends_on", "seat__body__name", "seat__number", "pk")
    )


def term_page(term):
    """A term's page: its renewal chain (with the limit on consecutive terms) and obligations."""
    chain = renewal_chain(term)
    position = [t.pk for t in chain].index(term.pk) + 1
    return {
        "chain": chain,
        "consecutive": position,
        "chain_length": len(chain),
        "max_consecutive": settings.ADMINISTRATEURS_MAX_CONSECUTIVE_TERMS,
        "at_limit": position >= settings.ADMINISTRATEURS_MAX_CONSECUTIVE_TERMS,
        "renewed": position < len(chain),
        "obligations": list(term.obligations.select_related("session").order_by("due_on", "kind")),
    }


def decisions():
    return AppointmentDecision.objects.annotate(term_count=Count("terms"))


def matching_decisions(queryset, text):
    return filter_words(queryset, ("resolution_number", "notes"), text)


def decision_page(decision):
    return {"terms": list(terms().filter(decision=decision).order_by("seat__body__name", "seat__number", "pk"))}
