"""Demo data of the disciplinary cases (`manage.py seed_demo`): the 46 councils with their
secretaries and three members each, the Bureau's chairs (Me Corriveau, the senior chair, and
Me Lemieux are the demo accounts bp.corriveau and bp.lemieux), and forty cases through the
services, at every stage: filed, served, heard on guilt, under advisement (one past 60 days,
one past 90), decided, sanctioned, appealed, closed, withdrawn, on a guilty plea, one urgent,
one under a non-publication order; with this week's hearings on Me Lemieux's roll.

The past years, consistent with the BDSP's s. 18 figures, come next (seed/history.py).
Idempotent: nothing is added once cases exist.
"""

import random
from datetime import date, datetime, time, timedelta
from decimal import Decimal

from django.db import transaction
from django.utils import timezone

from discipline import services
from discipline.choices import (
    ComplainantKind,
    DecisionStage,
    HearingKind,
    HearingVenue,
    OrderScope,
    ProtectedMatter,
    SanctionKind,
    Verdict,
)
from discipline.models import Case, Chair, Council, CouncilMember, Hearing, NonPublicationOrder
from opq_intranet.accounts.models import User
from opq_intranet.core.models import ProfessionalOrder

CLERK = "bp.cote"
CHAIRS = [
    ("Marie-Josée", "Corriveau", "bp.corriveau", True),
    ("Pierre", "Lemieux", "bp.lemieux", False),
    ("Caroline", "Dubé", None, False),
    ("Jean-François", "Mercier", None, False),
    ("Lyne", "Bélanger", None, False),
    ("Alain", "Girard", None, False),
]
FIRST = ["Sophie", "Martin", "Catherine", "François", "Geneviève", "Annie", "Éric", "Julie", "Yves", "Nathalie"]
LAST = ["Lévesque", "Ouellet", "Caron", "Poulin", "Simard", "Boucher", "Gauthier", "Pelletier", "Morin", "Roy"]
COUNTS = [
    ("A fait défaut de tenir un dossier complet pour sa cliente.", "art. 59.2 C.prof.; art. 14 Code de déontologie"),
    ("A entravé le travail de la syndique en ne répondant pas à ses demandes.", "art. 114 et 122 C.prof."),
    ("A réclamé des honoraires disproportionnés.", "art. 48 Code de déontologie"),
    ("A exercé sa profession alors que son droit d'exercice était limité.", "art. 59.2 C.prof."),
    ("A fait une fausse déclaration à un client.", "art. 59.2 C.prof.; art. 17 Code de déontologie"),
]
ROOMS = {HearingVenue.QUEBEC: ["Salle 1.10", "Salle 1.12"], HearingVenue.MONTREAL: ["Salle 4.01", "Salle 4.05"]}


def _councils(log):
    created = 0
    for number, order in enumerate(ProfessionalOrder.objects.order_by("name"), start=10):
        council, made = Council.objects.get_or_create(
            order=order,
            defaults={
                "number": number,
                "secretary_name": f"Me {FIRST[number % 10]} {LAST[number % 10]}",
                "secretary_email": f"conseil.discipline@{order.code}.example.qc.ca",
            },
        )
        if made:
            created += 1
            for n in range(3):
                CouncilMember.objects.create(
                    council=council,
                    first_name=FIRST[(number + n) % 10],
                    last_name=LAST[(number + 3 * n) % 10],
                    title=order.profession[:40] if order.profession else "",
                    appointed_on=date(2024, 4, 1),
                )
    log(f"    {created} councils")


def _chairs():
    for first, last, username, senior in CHAIRS:
        user = User.objects.filter(username=username).first() if username else None
        Chair.objects.get_or_create(
            first_name=first,
            last_name=last,
            defaults={"user": user, "is_senior": senior, "email": f"{last.lower()}@bpcd.example.qc.ca"},
        )


def _moment(day, hour):
    return timezone.make_aware(datetime.combine(day, time(hour, 0)))


def _hearing(clerk, case, kind, day, hour=9, minutes=180, rng=None):
    venue = rng.choice([HearingVenue.QUEBEC, HearingVenue.MONTREAL])
    for room in ROOMS[venue] * 3:
        for start in (hour, hour + 4, hour + 1):
            try:
                with transaction.atomic():
                    return services.hearing_schedule(
                        case=case,
                        user=clerk,
                        kind=kind,
                        day=day,
                        start=time(start, 0),
                        minutes=minutes,
                        venue=venue,
                        room=room,
                    )
            except Exception:  # noqa: BLE001, S112 - a demo slot taken: try the next one
                continue
    return None


def _open(clerk, council, rng, filed_on, n, urgent=False):
    counts = [(*COUNTS[(n + k) % len(COUNTS)], False) for k in range(rng.randint(1, 3))]
    case = Case(
        council=council,
        filed_on=filed_on,
        served_on=filed_on + timedelta(days=rng.randint(3, 12)),
        urgent=urgent,
        complainant_kind=rng.choice(
            [ComplainantKind.SYNDIC, ComplainantKind.SYNDIC, ComplainantKind.ASSISTANT_SYNDIC, ComplainantKind.PRIVATE]
        ),
        complainant_name=f"{FIRST[n % 10]} {LAST[(n + 4) % 10]}",
        respondent_name=f"{FIRST[(n + 5) % 10]} {LAST[(n * 7) % 10]}",
        respondent_permit=str(100000 + n * 137),
        summary=rng.choice(["Plainte de la syndique à la suite d'une enquête.", "Plainte privée d'une cliente."]),
    )
    return services.case_open(case=case, user=clerk, counts=counts)


def _run_to(clerk, case, stage, today, rng, chair, members):
    """Move a served case along its path up to `stage`, with past hearings and decisions."""
    services.case_assign_panel(case=case, user=clerk, chair=chair, members=members)
    case = Case.objects.get(pk=case.pk)
    if stage == "served":
        return case
    start = case.served_on + timedelta(days=rng.randint(20, 60))
    if stage == "guilt_hearing":
        _hearing(clerk, case, HearingKind.GUILT, today + timedelta(days=rng.randint(0, 6)), rng=rng)
        return case
    _hearing(clerk, case, HearingKind.MANAGEMENT, start, hour=9, minutes=60, rng=rng)
    hearing = _hearing(clerk, Case.objects.get(pk=case.pk), HearingKind.GUILT, start + timedelta(days=30), rng=rng)
    if hearing is None:
        return case
    services.hearing_held(hearing=hearing, user=clerk)
    case = Case.objects.get(pk=case.pk)
    if stage == "advisement":
        return case
    counts = list(case.counts.all())
    decided = min(case.advisement_since + timedelta(days=rng.randint(20, 80)), today)
    services.decision_record(
        case=case,
        user=clerk,
        stage=DecisionStage.GUILT,
        rendered_on=decided,
        served_on=min(decided + timedelta(days=2), today),
        verdicts={
            c.pk: (Verdict.GUILTY if i == 0 or rng.random() < 0.6 else Verdict.NOT_GUILTY) for i, c in enumerate(counts)
        },
    )
    case = Case.objects.get(pk=case.pk)
    if stage == "guilt_decided":
        return case
    hearing = _hearing(clerk, case, HearingKind.SANCTION, decided + timedelta(days=20), rng=rng)
    if hearing is None:
        return case
    services.hearing_held(hearing=hearing, user=clerk)
    case = Case.objects.get(pk=case.pk)
    sanctioned = min(case.advisement_since + timedelta(days=rng.randint(15, 70)), today)
    guilty = [c for c in case.counts.all() if c.verdict == Verdict.GUILTY]
    sanctions = []
    for count in guilty:
        kind = rng.choice([SanctionKind.REPRIMAND, SanctionKind.FINE, SanctionKind.TEMPORARY_STRIKING_OFF])
        sanctions.append(
            services.SanctionInput(
                count=count,
                kind=kind,
                months=rng.choice([1, 3, 6]) if kind == SanctionKind.TEMPORARY_STRIKING_OFF else None,
                amount=Decimal(rng.choice([2500, 5000, 7500])) if kind == SanctionKind.FINE else None,
            )
        )
    services.decision_record(
        case=case,
        user=clerk,
        stage=DecisionStage.SANCTION,
        rendered_on=sanctioned,
        served_on=min(sanctioned + timedelta(days=3), today),
        sanctions=sanctions,
        costs=Decimal(rng.choice([0, 350, 1200])),
        publication_notice=rng.random() < 0.3,
    )
    case = Case.objects.get(pk=case.pk)
    served = case.decisions.order_by("-rendered_on").first().served_on
    if stage == "appealed" and served + timedelta(days=20) <= today:
        services.appeal_file(
            case=case, user=clerk, filed_on=served + timedelta(days=20), appellant=case.respondent_name
        )
    elif stage == "closed" and served + timedelta(days=45) <= today:
        services.case_close(case=case, user=clerk, on=served + timedelta(days=45), today=today)
    return Case.objects.get(pk=case.pk)


def _demo(log):
    clerk = User.objects.get(username=CLERK)
    rng = random.Random(115)  # art. 115.1
    today = timezone.localdate()
    councils = list(
        Council.objects.filter(
            order__code__in=[
                "infirmieres",
                "medecins",
                "pharmaciens",
                "ingenieurs",
                "notaires",
                "psychologues",
                "cpa",
                "dentistes",
            ]
        )
    )
    chairs = list(Chair.objects.order_by("pk"))
    lemieux = Chair.objects.get(last_name="Lemieux")
    stages = ["filed", "served", "guilt_hearing", "advisement", "guilt_decided", "sanction", "appealed", "closed"] * 5
    for n, stage in enumerate(stages):
        council = councils[n % len(councils)]
        chair = lemieux if n % 3 == 0 else chairs[n % len(chairs)]
        members = list(council.members.all()[:2])
        back = {
            "filed": 10,
            "served": 40,
            "guilt_hearing": 90,
            "advisement": 200,
            "guilt_decided": 300,
            "sanction": 420,
            "appealed": 520,
            "closed": 700,
        }[stage] + rng.randint(0, 60)
        case = _open(clerk, council, rng, today - timedelta(days=back), n)
        if stage == "filed":
            Case.objects.filter(pk=case.pk).update(served_on=None, status="filed")
            continue
        _run_to(clerk, case, stage, today, rng, chair, members)
    # An urgent case: its provisional hearing within 10 days of service, this week.
    council = councils[0]
    urgent = _open(clerk, council, rng, today - timedelta(days=5), 99, urgent=True)
    services.case_assign_panel(case=urgent, user=clerk, chair=lemieux, members=list(council.members.all()[:2]))
    _hearing(clerk, Case.objects.get(pk=urgent.pk), HearingKind.PROVISIONAL, today + timedelta(days=1), rng=rng)
    # A case under a non-publication order covering a patient's name.
    protected = Case.objects.filter(council=council, chair=lemieux).exclude(pk=urgent.pk).first()
    if protected is not None:
        Case.objects.filter(pk=protected.pk).update(summary="Plainte concernant les soins donnés à Mme Rachel Tanguay.")
        services.protection_order_place(
            case=protected,
            user=clerk,
            order=NonPublicationOrder(
                scope=OrderScope.NON_PUBLICATION,
                matter=ProtectedMatter.NAME,
                covered_text="Rachel Tanguay",
                ordered_on=protected.filed_on,
                description="Nom de la patiente",
            ),
        )
    log(f"    {Case.objects.count()} cases, {Hearing.objects.count()} hearings")


def generate(scale, log):
    if not User.objects.filter(username=CLERK).exists():
        log("    needs the demo accounts (core.accounts)")
        return
    _councils(log)
    _chairs()
    if Case.objects.exists():
        log("    cases are already there")
        return
    _demo(log)
