"""Appointing to a seat, renewing a term and ending one early, in one place: the matching's
"appoint" button, the seat's page and the seed all call these.

An appointment needs a vacant seat for the whole term, a candidate `eligibility` does not
exclude and an appointment decision (its resolution number and date; several appointments
may share one). It moves the candidate to "appointed", closes their other pending proposals
and the seat's, and opens the appointee's obligations (training, solemn declaration)."""

from datetime import timedelta

from dateutil.relativedelta import relativedelta
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from administrateurs import eligibility
from administrateurs.choices import CandidacyStatus, ObligationKind, ProposalStatus, TermEnd
from administrateurs.models import AppointmentDecision, Candidate, Obligation, Proposal, Seat, Term
from administrateurs.services.candidates import require_manager


def term_end_for(seat, starts_on):
    """A term lasts the body's term length: from its first day to the day before the same date
    that many years later."""
    return starts_on + relativedelta(years=seat.body.term_years) - timedelta(days=1)


def consecutive_terms(term):
    """How many terms in a row this one closes (itself included), following `renewal_of`."""
    count, current = 1, term
    while current.renewal_of_id:
        current = current.renewal_of
        count += 1
    return count


def decision_for(*, resolution_number, decided_on):
    """The decision with this resolution number, created the first time it is named."""
    number = (resolution_number or "").strip()
    if not number or decided_on is None:
        raise ValidationError(_("Give the appointment decision's resolution number and date."))
    decision, created = AppointmentDecision.objects.get_or_create(
        resolution_number=number, defaults={"decided_on": decided_on}
    )
    if not created and decision.decided_on != decided_on:
        raise ValidationError(
            _("Resolution %(number)s is dated %(date)s.")
            % {"number": number, "date": date_format(decision.decided_on, "SHORT_DATE_FORMAT")}
        )
    if decided_on > timezone.localdate():
        raise ValidationError(_("The decision date cannot be later than today."))
    return decision


def _overlapping(seat, starts_on, ends_on, *, exclude=None):
    terms = Term.objects.filter(seat=seat, starts_on__lte=ends_on).filter(
        Q(ended_on__isnull=True, ends_on__gte=starts_on) | Q(ended_on__gte=starts_on)
    )
    return terms.exclude(pk=exclude.pk) if exclude else terms


def _refuse_if_taken(seat, starts_on, ends_on, *, exclude=None):
    other = _overlapping(seat, starts_on, ends_on, exclude=exclude).select_related("candidate").first()
    if other:
        raise ValidationError(
            _("The seat is held by %(name)s until %(date)s.")
            % {"name": other.candidate, "date": date_format(other.last_day, "SHORT_DATE_FORMAT")}
        )


def _open_obligations(term, kinds):
    due = term.starts_on + timedelta(days=settings.ADMINISTRATEURS_OBLIGATION_DAYS)
    Obligation.objects.bulk_create([Obligation(term=term, kind=kind, due_on=due) for kind in kinds])


@transaction.atomic
def term_appoint(*, seat, candidate, starts_on, resolution_number, decided_on, user):
    require_manager(user)
    seat = Seat.objects.select_for_update(of=("self",)).select_related("body__order").get(pk=seat.pk)
    candidate = Candidate.objects.select_for_update().get(pk=candidate.pk)
    if not seat.is_active or not seat.body.is_active:
        raise ValidationError(_("This seat is no longer filled by the Office."))
    reasons = eligibility.reasons_for(candidate, seat.body, today=starts_on)
    if reasons:
        raise ValidationError(reasons)
    ends_on = term_end_for(seat, starts_on)
    _refuse_if_taken(seat, starts_on, ends_on)
    decision = decision_for(resolution_number=resolution_number, decided_on=decided_on)
    term = Term(seat=seat, candidate=candidate, decision=decision, starts_on=starts_on, ends_on=ends_on)
    term.full_clean()
    term.save()
    _open_obligations(term, [ObligationKind.TRAINING, ObligationKind.DECLARATION])
    today = timezone.localdate()
    candidate.status, candidate.status_changed_on = CandidacyStatus.APPOINTED, today
    candidate.save(update_fields=["status", "status_changed_on"])
    pending = Proposal.objects.filter(status=ProposalStatus.PENDING)
    pending.filter(seat=seat, candidate=candidate).update(status=ProposalStatus.APPOINTED, closed_on=today)
    pending.filter(Q(seat=seat) | Q(candidate=candidate)).update(status=ProposalStatus.ENDED, closed_on=today)
    return term


@transaction.atomic
def term_renew(*, term, resolution_number, decided_on, user):
    """The same appointee for the next term, if the limit on consecutive terms allows."""
    require_manager(user)
    term = Term.objects.select_for_update().select_related("seat__body", "candidate").get(pk=term.pk)
    limit = settings.ADMINISTRATEURS_MAX_CONSECUTIVE_TERMS
    if term.ended_on:
        raise ValidationError(_("A term that ended early cannot be renewed."))
    if hasattr(term, "renewed_by"):
        raise ValidationError(_("This term is already renewed."))
    if consecutive_terms(term) >= limit:
        raise ValidationError(
            _("%(name)s has served %(count)s consecutive terms, the most allowed.")
            % {"name": term.candidate, "count": limit}
        )
    starts_on = term.ends_on + timedelta(days=1)
    ends_on = term_end_for(term.seat, starts_on)
    _refuse_if_taken(term.seat, starts_on, ends_on)
    decision = decision_for(resolution_number=resolution_number, decided_on=decided_on)
    renewal = Term(
        seat=term.seat,
        candidate=term.candidate,
        decision=decision,
        starts_on=starts_on,
        ends_on=ends_on,
        renewal_of=term,
    )
    renewal.full_clean()
    renewal.save()
    _open_obligations(renewal, [ObligationKind.DECLARATION])  # a new oath each term
    return renewal


@transaction.atomic
def term_end(*, term, ended_on, reason, user):
    """End a term before its end (resignation, revocation, death): the seat is vacant the day
    after; the appointee returns to the bank (or leaves it) when they hold no other term."""
    require_manager(user)
    term = Term.objects.select_for_update().select_related("candidate").get(pk=term.pk)
    if term.ended_on:
        raise ValidationError(_("This term has already ended."))
    if reason not in TermEnd.values or reason == TermEnd.EXPIRED:
        raise ValidationError(_("Choose why the term ends early."))
    if not term.starts_on <= ended_on <= term.ends_on:
        raise ValidationError(
            _("The date must fall within the term (%(start)s to %(end)s).")
            % {
                "start": date_format(term.starts_on, "SHORT_DATE_FORMAT"),
                "end": date_format(term.ends_on, "SHORT_DATE_FORMAT"),
            }
        )
    term.ended_on, term.end_reason = ended_on, reason
    term.save(update_fields=["ended_on", "end_reason"])
    Term.objects.filter(renewal_of=term).delete()  # a renewal not begun falls with it
    release_appointee(term.candidate, leaves=reason in (TermEnd.REVOKED, TermEnd.DECEASED))
    return term


def release_appointee(candidate, *, leaves=False, today=None):
    """An appointee with no current or future term goes back to the bank (or is withdrawn)."""
    today = today or timezone.localdate()
    if candidate.status != CandidacyStatus.APPOINTED:
        return
    still = Term.objects.filter(candidate=candidate, ends_on__gte=today, ended_on__isnull=True).exists()
    if still and not leaves:
        return
    candidate.status = CandidacyStatus.WITHDRAWN if leaves else CandidacyStatus.IN_BANK
    candidate.status_changed_on = today
    candidate.save(update_fields=["status", "status_changed_on"])
