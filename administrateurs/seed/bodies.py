"""Demo bodies, seats and terms (`manage.py seed_demo`, after the candidacies): a board for
12 orders at the demo scale (every active order at full scale), 12 to 16 members with the
Office filling art. 78's minimum; a review committee for one order in four; one other body.
About four seats in five are held: by the candidacies the candidacies' seed marks appointed,
then by some in the bank (appointed now); the others are vacant. Terms start over the last
four years (so some end within 6 and 12 months), a third renew an earlier term of the same
appointee, and a third of those ending within 6 months are already renewed; each month's
appointments share one decision; every term has its obligations (done when it began over
60 days ago). Appointed candidacies left without a seat go back to the bank. Written in bulk
(a seed's rows have no "created" event). Idempotent."""

import random
from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from administrateurs.choices import BodyKind, CandidacyStatus, ObligationKind
from administrateurs.models import AppointmentDecision, Body, Candidate, Obligation, Seat, Term
from administrateurs.parity import office_minimum
from administrateurs.services.terms import term_end_for
from opq_intranet.core.history import history_triggers_off
from opq_intranet.core.models import ProfessionalOrder

BOARDS = {"demo": 12, "full": None}  # None: every active order
HELD_SHARE = 0.8
TABLES = (
    "administrateurs_body",
    "administrateurs_seat",
    "administrateurs_appointmentdecision",
    "administrateurs_term",
    "administrateurs_obligation",
    "administrateurs_candidate",
)


def _bodies(orders, rng):
    bodies = []
    for n, order in enumerate(orders):
        size = rng.choice([12, 13, 14, 15, 16])
        bodies.append(
            Body(
                kind=BodyKind.BOARD,
                order=order,
                name=f"Conseil d’administration · {order.name}",
                size=size,
                office_seats=office_minimum(size),
                term_years=4,
            )
        )
        if n % 4 == 0:
            bodies.append(
                Body(
                    kind=BodyKind.REVIEW_COMMITTEE,
                    order=order,
                    name=f"Comité de révision · {order.name}",
                    size=3,
                    office_seats=1,
                    term_years=3,
                )
            )
    bodies.append(
        Body(kind=BodyKind.OTHER, name="Comité consultatif sur l’admission", size=7, office_seats=2, term_years=3)
    )
    return bodies


def generate(scale, log):
    if Body.objects.exists() or not Candidate.objects.exists():
        log("    the bodies are already there" if Body.objects.exists() else "    needs the candidacies")
        return
    rng = random.Random(f"administrateurs-bodies-{scale}")
    today = timezone.localdate()
    orders = list(ProfessionalOrder.objects.filter(is_active=True).order_by("name")[: BOARDS.get(scale, 12)])
    with transaction.atomic(), history_triggers_off(*TABLES):
        bodies = Body.objects.bulk_create(_bodies(orders, rng))
        seats = Seat.objects.bulk_create(
            [Seat(body=body, number=n) for body in bodies for n in range(1, body.office_seats + 1)]
        )
        by_pk = {body.pk: body for body in bodies}
        for seat in seats:
            seat.body = by_pk[seat.body_id]
        appointed = list(Candidate.objects.filter(status=CandidacyStatus.APPOINTED).order_by("pk"))
        in_bank = list(
            Candidate.objects.filter(
                status=CandidacyStatus.IN_BANK,
                consent_on__gte=today - timedelta(days=settings.ADMINISTRATEURS_CONSENT_DAYS),
            ).order_by("pk")
        )
        rng.shuffle(seats)
        wanted = round(len(seats) * HELD_SHARE)
        people = appointed[:wanted] + in_bank[: max(0, wanted - len(appointed))]
        terms, previous, renewals = _terms(seats[: len(people)], people, today, rng)
        decisions = _decisions(previous + terms + renewals)
        AppointmentDecision.objects.bulk_create(decisions.values())
        for term in previous + terms + renewals:
            term.decision = decisions[(term.starts_on.year, term.starts_on.month)]
        Term.objects.bulk_create(previous)  # before the terms that renew them, which then read their pks
        Term.objects.bulk_create(terms)
        Term.objects.bulk_create(renewals)
        Obligation.objects.bulk_create(_obligations(previous + terms + renewals, today))
        Candidate.objects.filter(pk__in=[person.pk for person in people]).update(
            status=CandidacyStatus.APPOINTED, status_changed_on=today
        )
        Candidate.objects.filter(status=CandidacyStatus.APPOINTED).exclude(
            pk__in=[person.pk for person in people]
        ).update(status=CandidacyStatus.IN_BANK, status_changed_on=today)
    log(f"    {len(bodies)} bodies, {len(seats)} seats, {len(previous) + len(terms) + len(renewals)} terms")


def _terms(seats, people, today, rng):
    """The current terms (one per seat), the earlier terms a third of them renew, and the
    renewals already recorded of a third of those ending within 6 months."""
    previous, terms, renewals = [], [], []
    for seat, person in zip(seats, people, strict=True):  # one seat each
        years = seat.body.term_years
        starts_on = today - timedelta(days=rng.randrange(1, 365 * years))
        term = Term(seat=seat, candidate=person, starts_on=starts_on, ends_on=term_end_for(seat, starts_on))
        if rng.random() < 1 / 3:
            earlier_start = starts_on.replace(year=starts_on.year - years, day=min(starts_on.day, 28))
            earlier = Term(
                seat=seat,
                candidate=person,
                starts_on=earlier_start,
                ends_on=starts_on - timedelta(days=1),
            )
            previous.append(earlier)
            term.renewal_of = earlier
        terms.append(term)
        if term.ends_on <= today + timedelta(days=183) and rng.random() < 1 / 3:
            following = term.ends_on + timedelta(days=1)
            renewals.append(
                Term(
                    seat=seat,
                    candidate=person,
                    starts_on=following,
                    ends_on=term_end_for(seat, following),
                    renewal_of=term,
                )
            )
    return terms, previous, renewals


def _decisions(terms):
    """One decision a month: the appointments and renewals of the terms starting that month,
    decided two weeks before the first of them (today at the latest)."""
    firsts = {}
    for term in terms:
        key = (term.starts_on.year, term.starts_on.month)
        firsts[key] = min(firsts.get(key, term.starts_on), term.starts_on)
    today = timezone.localdate()
    return {
        key: AppointmentDecision(
            resolution_number=f"OPQ-{key[0]}-{key[1]:02d}",
            decided_on=min(first - timedelta(days=14), today),
        )
        for key, first in sorted(firsts.items())
    }


def _obligations(terms, today):
    due_days = timedelta(days=settings.ADMINISTRATEURS_OBLIGATION_DAYS)
    obligations = []
    for term in terms:
        kinds = [ObligationKind.DECLARATION]  # a new oath each term; the training once
        if not term.renewal_of_id:
            kinds.insert(0, ObligationKind.TRAINING)
        due = term.starts_on + due_days
        done = term.starts_on + timedelta(days=30) if due < today else None
        obligations += [Obligation(term=term, kind=kind, due_on=due, completed_on=done) for kind in kinds]
    return obligations
