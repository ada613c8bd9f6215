"""Demo candidacies (`manage.py seed_demo`): 60 at the demo scale, 2 000 at full scale, from
every region, at every status, received over the last five years; entered by Isabelle Leblanc
(nominations.leblanc). Written in bulk (a seed's rows have no "created" event). Idempotent."""

import random
from datetime import timedelta

from django.db import transaction
from django.utils import timezone

from administrateurs.choices import CandidacyStatus, Gender, Region
from administrateurs.models import Candidate
from opq_intranet.accounts.models import User
from opq_intranet.core.history import history_triggers_off

OFFICER = "nominations.leblanc"
SIZES = {"demo": 60, "full": 2000}
FIRST = [
    "Sophie",
    "Martin",
    "Catherine",
    "François",
    "Geneviève",
    "Annie",
    "Éric",
    "Julie",
    "Yves",
    "Nathalie",
    "Karim",
    "Mei",
]
LAST = [
    "Lévesque",
    "Ouellet",
    "Caron",
    "Poulin",
    "Simard",
    "Boucher",
    "Gauthier",
    "Pelletier",
    "Morin",
    "Roy",
    "Nguyen",
    "Haddad",
]
EXPERTISE = ["comptabilité", "droit", "santé", "gouvernance", "communications", "éthique", "finances", "éducation"]
STATUSES = [(CandidacyStatus.IN_BANK, 40), (CandidacyStatus.ELIGIBLE, 10), (CandidacyStatus.UNDER_REVIEW, 10),
            (CandidacyStatus.RECEIVED, 10), (CandidacyStatus.APPOINTED, 20), (CandidacyStatus.WITHDRAWN, 5),
            (CandidacyStatus.EXPIRED, 5)]  # fmt: skip


def generate(scale, log):
    officer = User.objects.filter(username=OFFICER).first()
    if officer is None or Candidate.objects.exists():
        log("    the candidacies are already there" if officer else "    needs the demo accounts (core.accounts)")
        return
    rng = random.Random(f"administrateurs-{scale}")
    today = timezone.localdate()
    statuses, weights = zip(*STATUSES, strict=True)
    candidates = []
    for n in range(SIZES.get(scale, SIZES["demo"])):
        first, last = rng.choice(FIRST), rng.choice(LAST)
        received = today - timedelta(days=rng.randrange(5 * 365))
        candidates.append(
            Candidate(
                first_name=first,
                last_name=last,
                email=f"{first.lower()}.{last.lower()}.{n}@example.qc.ca",
                region=rng.choice(Region.values),
                speaks_english=rng.random() < 0.6,
                expertise=", ".join(rng.sample(EXPERTISE, 2)),
                gender=rng.choices([Gender.WOMAN, Gender.MAN, Gender.OTHER, Gender.UNDECLARED], [48, 44, 2, 6])[0],
                diversity=rng.random() < 0.2,
                received_on=received,
                consent_on=max(received, today - timedelta(days=rng.randrange(365))),
                status=rng.choices(statuses, weights)[0],
                created_by=officer,
            )
        )
    with transaction.atomic(), history_triggers_off("administrateurs_candidate"):
        Candidate.objects.bulk_create(candidates, batch_size=2000)
    log(f"    {len(candidates)} candidacies")
