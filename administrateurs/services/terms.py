"""Appointing to a seat, renewing a term and ending one early, in one place: the matching's
"appoint" button, the seat's page and the seed all call these.

An appointment needs an active seat vacant for the whole term, a candidate `eligibility` does
not exclude (on the later of today and the first day) who holds no other seat of the body
during the term and whose own term on the body does not end the day before (that is a
renewal), and an appointment decision (its resolution number and a date not later than
today; several appointments may share one). It moves the candidate to "appointed", closes
their other pending proposals and the seat's, and opens the appointee's obligations
(training, solemn declaration). A renewal counts toward ADMINISTRATEURS_MAX_CONSECUTIVE_TERMS
along `renewal_of`; ending a term early removes the renewals not begun, and the appointee
goes back to the bank once none of their terms runs (`release_appointee`, and the job
`administrateurs.terms_ended` for the terms that simply end)."""

from datetime import timedelta

from dateutil.relativedelta import relativedelta
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from administrateurs import eligibility
from administrateurs.choices import CandidacyStatus, ObligationKind, ProposalStatus, TermEnd
from administrateurs.models import AppointmentDecision, Candidate, Obligation, Proposal, Seat, Term
from administrateurs.services.candidates import require_manager


def term_end_for(seat, starts_on):
    """A term lasts the body's term length: from its first day to the day before the same date
    that many years later (2024-04-01 for 4 years: to 2028-03-31). A term that starts on
    29 February comes back to it on 1 March of a common year, so that it lasts its years in
    full (2024-02-29 for 1 year: to 2025-02-28; for 4 years: to 2028-02-28)."""
    anniversary = starts_on + relativedelta(years=seat.body.term_years)
    if (starts_on.month, starts_on.day) == (2, 29) and anniversary.day == 28:
        anniversary += timedelta(days=1)
    return anniversary - timedelta(days=1)


def consecutive_terms(term):
    """How many terms in a row this one closes (itself included), following `renewal_of`."""
    from administrateurs.selectors import renewal_chain

    chain = renewal_chain(term)
    return [t.pk for t in chain].index(term.pk) + 1


def decision_for(*, resolution_number, decided_on):
    """The decision with this resolution number, created the first time it is named."""
    number = (resolution_number or "").strip()
    if not number or decided_on is None:
        raise ValidationError(_("Give the appointment decision's resolution number and date."))
    if decided_on > timezone.localdate():
        raise ValidationError({"decided_on": _("The decision date cannot be later than today.")})
    decision = AppointmentDecision.objects.filter(resolution_number=number).first()
    if decision is not None:
        if decision.decided_on != decided_on:
            raise ValidationError(
                {
                    "decided_on": _("Resolution %(number)s is dated %(date)s.")
                    % {"number": number, "date": date_format(decision.decided_on, "SHORT_DATE_FORMAT")}
                }
            )
        return decision
    decision = AppointmentDecision(resolution_number=number, decided_on=decided_on)
    decision.full_clean()  # a number too long is a message, not a database error
    decision.save()
    return decision


def _overlapping_terms(terms, starts_on, ends_on):
    """Those of `terms` that run on at least one day from `starts_on` to `ends_on`."""
    return terms.filter(eligibility.not_over_filter(starts_on), starts_on__lte=ends_on)


def _overlapping(seat, starts_on, ends_on, *, exclude=None):
    terms = _overlapping_terms(Term.objects.filter(seat=seat), starts_on, ends_on)
    return terms.exclude(pk=exclude.pk) if exclude else terms


def _refuse_if_taken(seat, starts_on, ends_on, *, exclude=None):
    other = _overlapping(seat, starts_on, ends_on, exclude=exclude).select_related("candidate").first()
    if other:
        raise ValidationError(
            _("The seat is held by %(name)s until %(date)s.")
            % {"name": other.candidate, "date": date_format(other.last_day, "SHORT_DATE_FORMAT")}
        )


def _refuse_if_sitting(candidate, body, starts_on, ends_on):
    """One seat per body: the candidate holds no other term on it during the new one."""
    other = (
        _overlapping_terms(Term.objects.filter(candidate=candidate, seat__body=body), starts_on, ends_on)
        .select_related("seat")
        .first()
    )
    if other:
        raise ValidationError(
            _("%(name)s already holds %(seat)s until %(date)s.")
            % {"name": candidate, "seat": other.seat, "date": date_format(other.last_day, "SHORT_DATE_FORMAT")}
        )


def _refuse_if_follows(candidate, body, starts_on):
    """A term that follows the candidate's own, on the same body, is a renewal: it counts
    toward the limit on consecutive terms, so it is made by renewing."""
    previous = Term.objects.filter(
        candidate=candidate, seat__body=body, ends_on=starts_on - timedelta(days=1), ended_on__isnull=True
    ).first()
    if previous:
        raise ValidationError(
            _("This term would follow %(name)s's term ending on %(date)s: renew that term instead.")
            % {"name": candidate, "date": date_format(previous.ends_on, "SHORT_DATE_FORMAT")}
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
    if starts_on is None:
        raise ValidationError({"starts_on": _("Give the first day of the term.")})
    # Eligible on the day of the decision and on the first day of the term, whichever is later.
    reasons = eligibility.reasons_for(candidate, seat.body, today=max(starts_on, timezone.localdate()))
    if reasons:
        raise ValidationError(reasons)
    ends_on = term_end_for(seat, starts_on)
    _refuse_if_taken(seat, starts_on, ends_on)
    _refuse_if_sitting(candidate, seat.body, starts_on, ends_on)
    _refuse_if_follows(candidate, seat.body, starts_on)
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
    term = Term.objects.select_for_update(of=("self",)).select_related("seat__body", "candidate").get(pk=term.pk)
    limit = settings.ADMINISTRATEURS_MAX_CONSECUTIVE_TERMS
    if not term.seat.is_active or not term.seat.body.is_active:
        raise ValidationError(_("This seat is no longer filled by the Office."))
    if term.ended_on:
        raise ValidationError(_("A term that ended early cannot be renewed."))
    if hasattr(term, "renewed_by"):
        raise ValidationError(_("This term is already renewed."))
    if consecutive_terms(term) >= limit:
        raise ValidationError(
            ngettext(
                "%(name)s has served %(count)s consecutive term, the most allowed.",
                "%(name)s has served %(count)s consecutive terms, the most allowed.",
                limit,
            )
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
    term = Term.objects.select_for_update(of=("self",)).select_related("candidate").get(pk=term.pk)
    if term.ended_on:
        raise ValidationError(_("This term has already ended."))
    if reason not in TermEnd.values or reason == TermEnd.EXPIRED:
        raise ValidationError({"reason": _("Choose why the term ends early.")})
    if ended_on is None:
        raise ValidationError({"ended_on": _("Give the last day of the term.")})
    renewals = renewals_after(term)
    begun = next((renewal for renewal in renewals if renewal.starts_on <= timezone.localdate()), None)
    if begun:
        raise ValidationError(
            _("Its renewal began on %(date)s: end that term instead.")
            % {"date": date_format(begun.starts_on, "SHORT_DATE_FORMAT")}
        )
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
    for renewal in reversed(renewals):  # renewals not begun fall with it, the last one first
        renewal.delete()
    release_appointee(term.candidate)
    return term


def renewals_after(term):
    """The renewals recorded after `term`, in order (a renewal may itself be renewed)."""
    from administrateurs.selectors import renewal_chain

    chain = renewal_chain(term)
    return chain[[t.pk for t in chain].index(term.pk) + 1 :]


LEAVING = (TermEnd.REVOKED, TermEnd.DECEASED)


def release_appointee(candidate, *, leaves=False, today=None):
    """An appointee whose every term is over (none runs on `today` or after) goes back to the
    bank; one whose term was revoked or ended by death, or told to (`leaves`), leaves it
    (withdrawn). While a term still runs or is to come, nothing changes: the job
    `administrateurs.terms_ended` comes back to them the day after it ends."""
    today = today or timezone.localdate()
    candidate = Candidate.objects.select_for_update().get(pk=candidate.pk)
    if candidate.status != CandidacyStatus.APPOINTED:
        return candidate
    terms = Term.objects.filter(candidate=candidate)
    if terms.filter(eligibility.not_over_filter(today)).exists():
        return candidate
    leaves = leaves or terms.filter(end_reason__in=LEAVING).exists()
    candidate.status = CandidacyStatus.WITHDRAWN if leaves else CandidacyStatus.IN_BANK
    candidate.status_changed_on = today
    candidate.save(update_fields=["status", "status_changed_on"])
    return candidate


def release_ended(today, log):
    """Job `administrateurs.terms_ended`: every appointee whose terms are all over goes back to
    the bank (or leaves it, see `release_appointee`). Idempotent."""
    running = Term.objects.filter(eligibility.not_over_filter(today)).values("candidate")
    over = Candidate.objects.filter(status=CandidacyStatus.APPOINTED).exclude(pk__in=running).order_by("pk")
    released = 0
    for candidate in over:
        with transaction.atomic():
            candidate = release_appointee(candidate, today=today)
        if candidate.status != CandidacyStatus.APPOINTED:
            released += 1
            log(f"{candidate.pk}: {candidate.status}")
    return f"{released} appointees released"
