"""The daily job `administrateurs.consents_lapsed` (registered by administrateurs/schedule.py):

- a candidacy received, under review, eligible or in the bank whose consent lapsed
  (`eligibility.consent_lapsed`) expires, through the transitions table;
- the Nominations team is warned (core's `notify()`: Mon travail's queue and email) of each
  consent that lapses within 30 days, once per consent date (`Candidate.consent_notice_for`:
  a renewal, a new date, warns again before it lapses in turn).

Idempotent: run twice the same day, it moves and sends nothing the second time."""

from django.db import transaction
from django.db.models import F

from administrateurs import eligibility, permissions
from administrateurs.models import Candidate
from administrateurs.services.consents import NOTICE_KEY, candidate_expire
from opq_intranet.core.notifications import notify, people_with_permission

KEY = "administrateurs.consents_lapsed"


def lapsed(today):
    return Candidate.objects.filter(
        eligibility.lapsed_consent_filter(today), status__in=eligibility.EXPIRE_ON_LAPSE, purged_at__isnull=True
    ).order_by("consent_on", "pk")


def lapsing(today):
    """Consents that lapse within the notice period, not yet warned of for their date."""
    return (
        Candidate.objects.filter(
            eligibility.consent_notice_filter(today), status__in=eligibility.EXPIRE_ON_LAPSE, purged_at__isnull=True
        )
        .exclude(consent_notice_for=F("consent_on"))
        .order_by("consent_on", "pk")
    )


def run(today, log):
    expired = 0
    for candidate in lapsed(today):
        if candidate_expire(candidate=candidate, today=today):
            expired += 1
            log(f"candidacy {candidate.pk}: consent of {candidate.consent_on.isoformat()} lapsed, expired")
    team = people_with_permission(permissions.APP)
    warned = 0
    for candidate in lapsing(today):
        ends_on = eligibility.consent_expires_on(candidate)
        with transaction.atomic():
            notify(
                recipients=team,
                key=NOTICE_KEY,
                target=candidate,
                url=candidate.get_absolute_url(),
                subject_template="administrateurs/email/consent_lapsing_subject.txt",
                body_template="administrateurs/email/consent_lapsing.txt",
                context={"candidate": candidate, "ends_on": ends_on, "days": (ends_on - today).days},
            )
            Candidate.objects.filter(pk=candidate.pk).update(consent_notice_for=candidate.consent_on)
        warned += 1
        log(f"candidacy {candidate.pk}: consent covers up to {ends_on.isoformat()}")
    return f"{expired} candidacies expired, {warned} consent notices sent"
