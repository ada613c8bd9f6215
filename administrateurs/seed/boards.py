"""Demo boards (`manage.py seed_demo`): every order's board of directors with the seats the
Office fills (a quarter of its size, rounded up: art. 78), three review committees, and the
past: terms over the last ten years (two at the demo scale) with their renewals, appointment
decisions, training and solemn declarations, meetings with who attended, the allowance rates,
declared links and preferred boards. Appointees are candidacies of the bank: the demo's are
used first, more are added when the bank is too small for every seat. A few seats are left
vacant or ending soon, so that the vacancies and the matching have something to show.
Written in bulk with the history triggers off. Idempotent."""

import random
from datetime import date, timedelta
from decimal import Decimal

from dateutil.relativedelta import relativedelta
from django.db import transaction
from django.utils import timezone

from administrateurs.choices import BodyKind, CandidacyStatus, Gender, LinkKind, MeetingKind, ObligationKind, Region
from administrateurs.models import (
    AllowanceRate,
    AppointmentDecision,
    Attendance,
    BoardPreference,
    Body,
    Candidate,
    CandidateLink,
    Meeting,
    Obligation,
    Seat,
    Term,
    TrainingSession,
)
from administrateurs.parity import office_minimum
from administrateurs.seed.demo import EXPERTISE, FIRST, LAST, OFFICER
from opq_intranet.accounts.models import User
from opq_intranet.core.history import history_triggers_off
from opq_intranet.core.models import ProfessionalOrder

YEARS = {"demo": 2, "full": 10}
MEETING_MONTHS = (0, 1, 2, 4, 5, 7, 9, 10)  # after 1 April: eight a year
SPECIAL_MONTHS = (4, 10)
REVIEW_COMMITTEES = 3
RATES = [  # (kind, from hours, amount, in force from): raised every five years
    (MeetingKind.REGULAR, "0", "200.00", date(2016, 4, 1)),
    (MeetingKind.REGULAR, "4", "350.00", date(2016, 4, 1)),
    (MeetingKind.SPECIAL, "0", "150.00", date(2016, 4, 1)),
    (MeetingKind.COMMITTEE, "0", "125.00", date(2016, 4, 1)),
    (MeetingKind.REGULAR, "0", "220.00", date(2021, 4, 1)),
    (MeetingKind.REGULAR, "4", "385.00", date(2021, 4, 1)),
    (MeetingKind.SPECIAL, "0", "165.00", date(2021, 4, 1)),
    (MeetingKind.COMMITTEE, "0", "140.00", date(2021, 4, 1)),
    (MeetingKind.REGULAR, "0", "240.00", date(2025, 4, 1)),
    (MeetingKind.REGULAR, "4", "420.00", date(2025, 4, 1)),
    (MeetingKind.SPECIAL, "0", "180.00", date(2025, 4, 1)),
    (MeetingKind.COMMITTEE, "0", "150.00", date(2025, 4, 1)),
]
TABLES = [
    "administrateurs_body",
    "administrateurs_seat",
    "administrateurs_candidate",
    "administrateurs_candidatelink",
    "administrateurs_boardpreference",
    "administrateurs_appointmentdecision",
    "administrateurs_term",
    "administrateurs_obligation",
    "administrateurs_trainingsession",
    "administrateurs_meeting",
    "administrateurs_attendance",
    "administrateurs_allowancerate",
]


class _Plan:
    """The rows to write, built in memory then written in bulk, table by table."""

    def __init__(self, rng, today, officer):
        self.rng, self.today, self.officer = rng, today, officer
        self.decisions = {}
        self.free = []  # candidacies in the bank that may be appointed
        self.new_candidates = []

    def appointee(self):
        if self.free:
            return self.free.pop()
        rng, n = self.rng, len(self.new_candidates)
        first, last = rng.choice(FIRST), rng.choice(LAST)
        received = self.today - timedelta(days=rng.randrange(365, 12 * 365))
        candidate = Candidate(
            first_name=first,
            last_name=last,
            email=f"{first.lower()}.{last.lower()}.a{n}@example.qc.ca",
            region=rng.choice(Region.values),
            speaks_english=rng.random() < 0.5,
            expertise=", ".join(rng.sample(EXPERTISE, 2)),
            gender=rng.choices([Gender.WOMAN, Gender.MAN, Gender.OTHER, Gender.UNDECLARED], [49, 46, 1, 4])[0],
            diversity=rng.random() < 0.2,
            received_on=received,
            consent_on=self.today - timedelta(days=rng.randrange(300)),
            status=CandidacyStatus.IN_BANK,
            created_by=self.officer,
        )
        self.new_candidates.append(candidate)
        return candidate

    def decision(self, day):
        key = (day.year, day.month)
        if key not in self.decisions:
            number = f"OPQ-{day.year}-{len(self.decisions) + 1:04d}"
            self.decisions[key] = AppointmentDecision(decided_on=day.replace(day=1), resolution_number=number)
        return self.decisions[key]


def _bodies(rng):
    bodies = []
    for order in ProfessionalOrder.objects.filter(is_active=True).order_by("name"):
        size = rng.choice([8, 9, 12, 13, 14, 16])
        bodies.append(
            Body(
                kind=BodyKind.BOARD,
                order=order,
                name=f"Conseil d’administration · {order.name}"[:200],
                size=size,
                office_seats=office_minimum(size),
                term_years=rng.choice([3, 4, 4, 4]),
            )
        )
    for order in rng.sample(list(ProfessionalOrder.objects.order_by("name")), REVIEW_COMMITTEES):
        bodies.append(
            Body(
                kind=BodyKind.REVIEW_COMMITTEE,
                order=order,
                name=f"Comité de révision · {order.name}"[:200],
                size=3,
                office_seats=1,
                term_years=3,
            )
        )
    return bodies


def _seat_terms(plan, seat, body, start):
    """A seat's terms from `start` to today and beyond: renewed up to three in a row, else a
    new appointee after a short vacancy; about one seat in twelve is vacant today."""
    rng, today = plan.rng, plan.today
    terms, previous, person, run = [], None, None, 0
    while start <= today:
        if person is None or run >= 3 or rng.random() < 0.4:
            if previous is not None:
                gap = rng.choice([0, 0, 15, 45, 90])
                start += timedelta(days=gap)
            person, run, renewal_of = plan.appointee(), 0, None
        else:
            renewal_of = previous
        if start > today:
            break
        ends_on = start + relativedelta(years=body.term_years) - timedelta(days=1)
        term = Term(
            seat=seat,
            candidate=person,
            decision=plan.decision(start - timedelta(days=rng.randrange(20, 60))),
            starts_on=start,
            ends_on=ends_on,
            renewal_of=renewal_of,
        )
        if ends_on >= today and rng.random() < 0.08:  # resigned: a vacancy today
            term.ended_on = today - timedelta(days=rng.randrange(1, 120))
            term.ended_on = max(term.ended_on, start)
            term.end_reason = "resigned"
        terms.append(term)
        run += 1
        previous = term
        start = ends_on + timedelta(days=1)
        if term.ended_on:
            break
    return terms


def _obligations(rng, term, today, first_term):
    due = term.starts_on + timedelta(days=60)
    kinds = [ObligationKind.TRAINING, ObligationKind.DECLARATION] if first_term else [ObligationKind.DECLARATION]
    for kind in kinds:
        done = term.starts_on + timedelta(days=rng.randrange(5, 70))
        missing = done > today or (term.starts_on > today - timedelta(days=120) and rng.random() < 0.5)
        yield Obligation(term=term, kind=kind, due_on=due, completed_on=None if missing else done)


def _meetings(rng, body, years, today):
    first = date(today.year - years, 4, 1)
    day = first
    while day <= today:
        for month in MEETING_MONTHS:
            held = day + relativedelta(months=month, days=rng.randrange(0, 20))
            if held > today:
                break
            kind = MeetingKind.SPECIAL if month in SPECIAL_MONTHS else MeetingKind.REGULAR
            if body.kind == BodyKind.REVIEW_COMMITTEE:
                kind = MeetingKind.COMMITTEE
            hours = Decimal(rng.choice(["3", "3", "6", "2.5"]))
            yield Meeting(body=body, kind=kind, held_on=held, hours=hours)
        day += relativedelta(years=1)


def _attendance(rng, meeting, term):
    draw = rng.random()
    if draw < 0.05:
        return Attendance(meeting=meeting, term=term, present=False)
    if draw < 0.08:
        return Attendance(meeting=meeting, term=term, arrived_late=True, hours_attended=meeting.hours - 1)
    if draw < 0.11:
        return Attendance(meeting=meeting, term=term, left_early=True, hours_attended=meeting.hours / 2)
    return Attendance(meeting=meeting, term=term)


def generate(scale, log):
    officer = User.objects.filter(username=OFFICER).first()
    if officer is None or Body.objects.exists():
        log("    the boards are already there" if officer else "    needs the demo accounts (core.accounts)")
        return
    rng = random.Random(f"administrateurs-boards-{scale}")
    today = timezone.localdate()
    years = YEARS.get(scale, YEARS["demo"])
    plan = _Plan(rng, today, officer)
    plan.free = list(Candidate.objects.filter(status__in=[CandidacyStatus.APPOINTED, CandidacyStatus.IN_BANK]))
    rng.shuffle(plan.free)
    with transaction.atomic(), history_triggers_off(*TABLES):
        bodies = Body.objects.bulk_create(_bodies(rng))
        seats = Seat.objects.bulk_create([Seat(body=b, number=n) for b in bodies for n in range(1, b.office_seats + 1)])
        terms = []
        for seat in seats:
            start = today - relativedelta(years=years) - timedelta(days=rng.randrange(0, 365 * seat.body.term_years))
            terms += _seat_terms(plan, seat, seat.body, start)
        Candidate.objects.bulk_create(plan.new_candidates, batch_size=2000)
        AppointmentDecision.objects.bulk_create(plan.decisions.values())
        _write_terms(terms)
        _write_statuses(terms, today)
        Obligation.objects.bulk_create(
            [o for t in terms for o in _obligations(rng, t, today, t.renewal_of is None)], batch_size=5000
        )
        _write_meetings(rng, bodies, terms, years, today)
        AllowanceRate.objects.bulk_create(
            [
                AllowanceRate(meeting_kind=k, min_hours=Decimal(h), amount=Decimal(a), valid_from=d)
                for k, h, a, d in RATES
            ]
        )
        _write_trainings(rng, years, today)
        _write_links_and_preferences(rng, bodies)
    log(
        f"    {len(bodies)} bodies, {len(seats)} seats, {len(terms)} terms over {years} years, "
        f"{Meeting.objects.count()} meetings, {len(plan.new_candidates)} appointees added to the bank"
    )


def _write_terms(terms):
    """Renewals point at the term before: write them in order of their place in a chain."""
    pending = list(terms)
    while pending:
        ready = [t for t in pending if t.renewal_of is None or t.renewal_of.pk]
        Term.objects.bulk_create(ready, batch_size=5000)
        pending = [t for t in pending if t.pk is None]


def _write_statuses(terms, today):
    """Whoever holds a current or future term is appointed; the others stay in the bank."""
    sitting = {t.candidate.pk for t in terms if t.last_day >= today}
    Candidate.objects.filter(pk__in=sitting).update(status=CandidacyStatus.APPOINTED)
    Candidate.objects.filter(status=CandidacyStatus.APPOINTED).exclude(pk__in=sitting).update(
        status=CandidacyStatus.IN_BANK
    )


def _write_meetings(rng, bodies, terms, years, today):
    by_body = {}
    for term in terms:
        by_body.setdefault(term.seat.body_id, []).append(term)
    meetings = Meeting.objects.bulk_create(
        [m for body in bodies for m in _meetings(rng, body, years, today)], batch_size=5000
    )
    attendances = []
    for meeting in meetings:
        for term in by_body.get(meeting.body_id, ()):
            if term.starts_on <= meeting.held_on <= term.last_day:
                attendances.append(_attendance(rng, meeting, term))
    Attendance.objects.bulk_create(attendances, batch_size=5000)


def _write_trainings(rng, years, today):
    sessions = []
    for year in range(today.year - years, today.year + 1):
        for month in (2, 5, 9, 11):
            held = date(year, month, rng.randrange(5, 25))
            if held <= today:
                sessions.append(
                    TrainingSession(title="Gouvernance et éthique", held_on=held, place="Québec ou en ligne")
                )
    TrainingSession.objects.bulk_create(sessions)


def _write_links_and_preferences(rng, bodies):
    """One candidate in ten is a member of some order (ineligible for that board); those in
    the bank name one to three boards they prefer."""
    boards = [b for b in bodies if b.kind == BodyKind.BOARD]
    links, preferences = [], []
    for candidate in Candidate.objects.filter(status__in=[CandidacyStatus.IN_BANK, CandidacyStatus.ELIGIBLE]):
        if rng.random() < 0.1:
            body = rng.choice(boards)
            links.append(
                CandidateLink(
                    candidate=candidate, order_id=body.order_id, kind=LinkKind.MEMBER, declared_on=candidate.received_on
                )
            )
        for rank, body in enumerate(rng.sample(boards, rng.randrange(1, 4)), start=1):
            preferences.append(BoardPreference(candidate=candidate, body=body, rank=rank))
    CandidateLink.objects.bulk_create(links)
    BoardPreference.objects.bulk_create(preferences, batch_size=5000)
