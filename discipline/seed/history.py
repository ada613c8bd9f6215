"""The Bureau's past years (`manage.py seed_demo`, after the demo cases): for every council and
every closed BDSP year, the cases whose figures are those the order declared in its accepted
return (s. 18), read through the BDSP's selector and counted back by the reconciliation's own
function, so that the reconciliation shows only the differences planted here (PLANTED).

The demo scale loads the last DEMO_YEARS years, the full scale the ten (about 30 000 cases
with their counts, hearings, decisions, sanctions and appeals). Rows are written in bulk, not
through the services: the history is what the services would have recorded, dated in the past
(numbers are still reserved from the numbering service, so that a new case follows on).
What the demo cases already account for in a year is subtracted first. The row-by-row history
triggers are skipped for this load (each opens a subtransaction, and a hundred thousand of them
in the seed's one transaction slow PostgreSQL to a crawl): a past case's history starts with the
first change made through the services.
"""

import random
from collections import defaultdict
from datetime import datetime, time, timedelta
from decimal import Decimal

import pgtrigger
from django.db import transaction
from django.utils import timezone

from bdsp.selectors import declared_figures
from discipline.choices import (
    AppealOutcome,
    CaseStatus,
    ComplainantKind,
    DecisionStage,
    HearingKind,
    HearingOutcome,
    SanctionKind,
    Verdict,
)
from discipline.models import Appeal, Case, Chair, Council, Count, Decision, Hearing, Sanction
from discipline.seed.demo import CLERK, COUNTS, FIRST, LAST, ROOMS
from discipline.selectors.reconciliation import CODES, computed_figures, period_of
from discipline.services.cases import CASE_SERIES
from opq_intranet.accounts.models import User
from opq_intranet.core.calendar import is_legal_holiday
from opq_intranet.core.numbering import reserve_numbers

# The history triggers skipped while the past years are written in bulk.
BULK_TRIGGERS = [
    f"discipline.{model}:insert_insert" for model in ("Case", "Count", "Hearing", "Decision", "Sanction", "Appeal")
] + ["discipline.CaseMembersLink:add_insert"]
HISTORY_SUMMARY = "Dossier des années passées (données de démonstration)."
FIRST_YEAR, LAST_YEAR = 2016, 2025  # the BDSP's closed reporting years
DEMO_YEARS = 2
# (council number, reporting year): one private complaint more than the order declared.
PLANTED = {(10, 2025), (25, 2024), (40, 2025)}
SANCTION_OF = {
    "reprimande": SanctionKind.REPRIMAND,
    "amende": SanctionKind.FINE,
    "radiation-temp": SanctionKind.TEMPORARY_STRIKING_OFF,
    "radiation-perm": SanctionKind.PERMANENT_STRIKING_OFF,
    "limitation": SanctionKind.RESTRICTION,
    "autre": SanctionKind.TRANSMIT_DOCUMENT,
}


def _working_days(first, last):
    day, days = first, []
    while day <= last:
        if day.weekday() < 5 and not is_legal_holiday(day):
            days.append(day)
        day += timedelta(days=1)
    return days


def _at(day, hour):
    return timezone.make_aware(datetime.combine(day, time(hour, 0)))


def _number(figures, code, key=""):
    return int(figures.get((code, key), 0))


class Year:
    """One council's year to generate: what is left to account for once existing cases count."""

    def __init__(self, council, year, declared, existing, rng):
        self.council, self.year, self.rng = council, year, rng
        self.first, self.last = period_of(year, declared.fiscal_year_end)

        def left(code, key=""):
            figure = existing.get((code, key))
            return max(0, _number(declared.numbers, code, key) - (figure.value if figure else 0))

        self.syndic = left("plaintes-plaignant", "syndic")
        self.private = left("plaintes-plaignant", "autre") + (1 if (council.number, year) in PLANTED else 0)
        self.guilty = left("decisions-issue", "culpabilite")
        self.acquitted = left("decisions-issue", "acquittement")
        self.withdrawn = left("decisions-issue", "retrait")
        self.sanctions = [kind for key, kind in SANCTION_OF.items() for _ in range(left("decisions-sanction", key))]
        self.advised = left("decisions-delibere")
        self.within = min(left("decisions-90-jours"), self.advised)
        self.appeals = left("appels")
        self.days = left("audiences")
        self.taken_days = set()
        self.existing_days = set()


class History:
    """Rows to insert, built in memory, then written in bulk."""

    def __init__(self, clerk, chairs):
        self.clerk, self.chairs = clerk, chairs
        self.cases = []  # each with its counts and events (seed_*) until written

    def case(self, council, filed_on, kind, rng, n):
        case = Case(
            council=council,
            filed_on=filed_on,
            served_on=filed_on + timedelta(days=rng.randint(3, 12)),
            complainant_kind=kind,
            complainant_name="Syndic de l'ordre"
            if kind != ComplainantKind.PRIVATE
            else f"{FIRST[n % 10]} {LAST[n % 7]}",
            respondent_name=f"{FIRST[(n + 3) % 10]} {LAST[(n * 7) % 10]}",
            respondent_permit=str(200000 + n),
            summary=HISTORY_SUMMARY,
            status=CaseStatus.SERVED,
            chair=self.chairs[n % len(self.chairs)],
            created_by=self.clerk,
        )
        case.seed_counts = [COUNTS[(n + k) % len(COUNTS)] for k in range(1 + n % 2)]
        case.seed_events = []  # hearings and decisions, written once the case has its key
        self.cases.append(case)
        return case


def _timeline(plan, case, days, stage_plan, advisement_days):
    """Hearings and decisions of a decided case, all within the year, on the year's hearing
    days (`days`, sorted). Returns False when the year has no room for them."""
    rng = plan.rng

    def day_from(earliest):
        for day in days:
            if day >= earliest:
                return day
        return None

    earliest = max(case.served_on + timedelta(days=20), plan.first)
    hearing_day = day_from(earliest)
    if hearing_day is None:
        return False
    needed = 2 if stage_plan == "two_stage" else 1
    delays = advisement_days[-needed:]
    events, rendered_on = [], None
    kind = HearingKind.GUILTY_PLEA if stage_plan == "plea" else HearingKind.GUILT
    for step, (hearing_kind, stage) in enumerate(
        [(kind, DecisionStage.GUILT_AND_SANCTION if stage_plan == "plea" else DecisionStage.GUILT)]
        + ([(HearingKind.SANCTION, DecisionStage.SANCTION)] if stage_plan == "two_stage" else [])
    ):
        if step:
            hearing_day = day_from(rendered_on + timedelta(days=rng.randint(10, 25)))
            if hearing_day is None:
                return False
        rendered_on = hearing_day + timedelta(days=delays[step])
        if rendered_on > plan.last:
            return False
        events.append((hearing_kind, hearing_day, stage, rendered_on))
    for hearing_kind, hearing_day, stage, rendered_on in events:
        plan.taken_days.add(hearing_day)
        case.seed_events.append(("hearing", hearing_kind, hearing_day))
        case.seed_events.append(("decision", stage, hearing_day, rendered_on))
    case.final_on = events[-1][3]
    del advisement_days[-needed:]
    return True


def _plan_year(plan, pool, history, n):
    """Files the year's complaints, decides the oldest cases of the pool, adds hearing days."""
    rng = plan.rng
    span = (plan.last - plan.first).days
    if not pool:
        # The first year loaded: the cases filed in the months before it, still to be heard.
        backlog = plan.guilty + plan.acquitted + plan.withdrawn
        for i in range(backlog):
            filed_on = plan.first - timedelta(days=180 - int(150 * i / max(1, backlog)))
            pool.append(history.case(plan.council, filed_on, ComplainantKind.SYNDIC, rng, n))
            n += 1
    kinds = [ComplainantKind.SYNDIC] * plan.syndic + [ComplainantKind.PRIVATE] * plan.private
    rng.shuffle(kinds)
    filed = sorted(plan.first + timedelta(days=int(span * (i + 0.5) / max(1, len(kinds)))) for i in range(len(kinds)))
    for filed_on, kind in zip(filed, kinds, strict=True):
        if kind == ComplainantKind.SYNDIC:
            kind = rng.choice([ComplainantKind.SYNDIC, ComplainantKind.SYNDIC, ComplainantKind.ASSISTANT_SYNDIC])
        pool.append(history.case(plan.council, filed_on, kind, rng, n))
        n += 1
    pool.sort(key=lambda c: c.filed_on)

    # Hearing days: as many as the order declared, spread over the year's working days.
    working = [d for d in _working_days(plan.first, plan.last) if d not in plan.existing_days]
    count = min(plan.days, len(working))
    days = sorted(rng.sample(working, count)) if count else []
    # Who is decided this year, and how: pleas (one decision) and two-stage cases for the guilty.
    two_stage = min(max(plan.advised - plan.guilty - plan.acquitted, 0), plan.guilty)
    # Popped from the end: the oldest cases get the longest paths (two decisions).
    outcomes = ["acquitted"] * plan.acquitted + ["plea"] * (plan.guilty - two_stage) + ["two_stage"] * two_stage
    decisions = plan.guilty + plan.acquitted + two_stage
    within = min(plan.within, decisions)
    advisement_days = [rng.randint(20, 80) for _ in range(within)] + [rng.randint(95, 110)] * (decisions - within)
    rng.shuffle(advisement_days)
    decided, remaining = [], []
    for case in pool:
        if outcomes and days and _timeline(plan, case, days, outcomes[-1], advisement_days):
            case.seed_outcome = outcomes.pop()
            decided.append(case)
        else:
            remaining.append(case)
    withdrawn = [c for c in remaining if c.served_on < plan.last][: plan.withdrawn]
    for case in withdrawn:
        case.status = CaseStatus.WITHDRAWN
        case.closed_on = max(case.served_on, plan.first) + timedelta(days=rng.randint(1, 20))
        case.closed_on = min(case.closed_on, plan.last)
        remaining.remove(case)

    sanctions = list(plan.sanctions)
    appeals = plan.appeals
    for case in decided:
        guilty = case.seed_outcome != "acquitted"
        case.seed_verdict = Verdict.GUILTY if guilty else Verdict.NOT_GUILTY
        case.seed_sanction = sanctions.pop() if guilty and sanctions else None
        served = case.final_on + timedelta(days=3)
        case.seed_appeal = None
        if guilty and appeals and served + timedelta(days=15) <= plan.last:
            case.seed_appeal = served + timedelta(days=rng.randint(5, 15))
            appeals -= 1
        if case.seed_appeal and plan.year == LAST_YEAR:
            case.status = CaseStatus.APPEALED  # before the Tribunal still
        else:
            case.status = CaseStatus.CLOSED
            case.closed_on = served + timedelta(days=240 if case.seed_appeal else 35)
    # Days still free get a management conference of a case already filed.
    free = [d for d in days if d not in plan.taken_days]
    everyone = decided + remaining
    for day in free:
        filed_before = [c for c in everyone if c.served_on < day]
        if filed_before:
            rng.choice(filed_before).seed_events.append(("hearing", HearingKind.MANAGEMENT, day))
    return remaining, n


def _write(history, council_members):
    numbers = defaultdict(list)
    for case in history.cases:
        numbers[(case.council, case.filed_on.year)].append(case)
    for (council, year), cases in numbers.items():
        first = reserve_numbers(CASE_SERIES.format(council=council.number), len(cases), year=year)
        for offset, case in enumerate(sorted(cases, key=lambda c: c.filed_on)):
            case.number = f"{council.number:02d}-{year % 100:02d}-{first + offset:05d}"
    Case.objects.bulk_create(history.cases, batch_size=2000)
    counts, hearings, decisions, appeals = [], [], [], []
    members_of = Case.members.through
    case_members = []
    for case in history.cases:
        verdict = getattr(case, "seed_verdict", Verdict.PENDING)
        case.seed_count_rows = [
            Count(case=case, number=i, description=text, provisions=provisions, verdict=verdict)
            for i, (text, provisions) in enumerate(case.seed_counts, start=1)
        ]
        counts.extend(case.seed_count_rows)
        for member in council_members[case.council_id][:2]:
            case_members.append(members_of(case_id=case.pk, councilmember_id=member.pk))
    Count.objects.bulk_create(counts, batch_size=5000)
    members_of.objects.bulk_create(case_members, batch_size=5000)
    rooms = [(venue, room) for venue, names in ROOMS.items() for room in names]
    for case in history.cases:
        for n, event in enumerate(case.seed_events):
            if event[0] == "hearing":
                _kind, kind, day = event
                venue, room = rooms[(case.pk + n) % len(rooms)]
                hours = 1 if kind == HearingKind.MANAGEMENT else 3
                start = 9 + (case.pk % 2) * 4
                hearings.append(
                    Hearing(
                        case=case,
                        kind=kind,
                        starts_at=_at(day, start),
                        ends_at=_at(day, start + hours),
                        venue=venue,
                        room=room,
                        chair=case.chair,
                        outcome=HearingOutcome.HELD,
                        created_by=case.created_by,
                    )
                )
            else:
                _kind, stage, advisement_on, rendered_on = event
                decision = Decision(
                    case=case,
                    stage=stage,
                    advisement_on=advisement_on,
                    rendered_on=rendered_on,
                    served_on=rendered_on + timedelta(days=3),
                    costs=Decimal(350),
                    created_by=case.created_by,
                )
                decision.seed_case = case
                decisions.append(decision)
    Hearing.objects.bulk_create(hearings, batch_size=5000)
    Decision.objects.bulk_create(decisions, batch_size=5000)
    sanctions = []
    last_decision = {}
    for decision in decisions:
        last_decision[decision.case_id] = decision  # in order: the final one last
    for case in history.cases:
        decision = last_decision.get(case.pk)
        kind = getattr(case, "seed_sanction", None)
        if decision is None:
            continue
        if kind is not None:
            sanctions.append(
                Sanction(
                    decision=decision,
                    count=case.seed_count_rows[0],
                    kind=kind,
                    months=6 if kind in (SanctionKind.TEMPORARY_STRIKING_OFF, SanctionKind.RESTRICTION) else None,
                    amount=Decimal(5000) if kind == SanctionKind.FINE else None,
                )
            )
        if getattr(case, "seed_appeal", None):
            decided = case.status == CaseStatus.CLOSED
            appeals.append(
                Appeal(
                    case=case,
                    decision=decision,
                    filed_on=case.seed_appeal,
                    appellant=case.respondent_name,
                    tribunal_number=f"{case.seed_appeal.year}-{case.pk:05d}",
                    outcome=AppealOutcome.DISMISSED if decided else AppealOutcome.PENDING,
                    outcome_on=case.seed_appeal + timedelta(days=200) if decided else None,
                    created_by=case.created_by,
                )
            )
    Sanction.objects.bulk_create(sanctions, batch_size=5000)
    Appeal.objects.bulk_create(appeals, batch_size=5000)
    return len(hearings), len(decisions)


def generate(scale, log):
    clerk = User.objects.filter(username=CLERK).first()
    if clerk is None or Case.objects.filter(summary=HISTORY_SUMMARY).exists():
        log("    the history is already there" if clerk else "    needs the demo accounts (core.accounts)")
        return
    years = range(FIRST_YEAR if scale == "full" else LAST_YEAR - DEMO_YEARS + 1, LAST_YEAR + 1)
    chairs = list(Chair.objects.order_by("pk"))
    councils = list(Council.objects.select_related("order").prefetch_related("members").order_by("number"))
    council_members = {c.pk: list(c.members.all()) for c in councils}
    history = History(clerk, chairs)
    n = 0
    declared_by_year = {year: declared_figures(year, CODES) for year in years}
    with transaction.atomic():
        for council in councils:
            rng = random.Random(f"discipline-{council.number}")
            pool = []
            for year in years:
                declared = declared_by_year[year].get(council.order_id)
                if declared is None:
                    continue
                first, last = period_of(year, declared.fiscal_year_end)
                existing = computed_figures(first, last, [council.pk]).get(council.pk, {})
                plan = Year(council, year, declared, existing, rng)
                plan.existing_days = _existing_days(council, first, last)
                pool, n = _plan_year(plan, pool, history, n)
        with pgtrigger.ignore(*BULK_TRIGGERS):
            hearings, decisions = _write(history, council_members)
    log(f"    {len(history.cases)} past cases, {hearings} hearings, {decisions} decisions")


def _existing_days(council, first, last):
    start, end = _at(first, 0), _at(last + timedelta(days=1), 0)
    moments = Hearing.objects.filter(
        case__council=council, outcome=HearingOutcome.HELD, starts_at__gte=start, starts_at__lt=end
    ).values_list("starts_at", flat=True)
    return {timezone.localtime(m).date() for m in moments}
