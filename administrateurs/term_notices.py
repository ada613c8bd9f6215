"""The notice to the Nominations team of a term about to end (job `administrateurs.terms_ending`,
registered by administrateurs/schedule.py): once per term (`Term.expiry_notice_sent_on`), when
its end is ADMINISTRATEURS_TERM_NOTICE_DAYS (120) days away or fewer and no renewal or successor
is recorded on its seat (`selectors.terms_ending`, which the home lists too)."""

from django.db import transaction

from administrateurs import permissions, selectors
from administrateurs.models import Term
from opq_intranet.core.notifications import notify, people_with_permission

KEY = "administrateurs.terms_ending"


def send_term_notices(today, log):
    team = list(people_with_permission(permissions.APP))
    sent = 0
    for term in selectors.terms_ending(today).filter(expiry_notice_sent_on__isnull=True):
        with transaction.atomic():
            notify(
                recipients=team,
                key=KEY,
                target=term,
                url=term.get_absolute_url(),
                subject_template="administrateurs/email/term_ending_subject.txt",
                body_template="administrateurs/email/term_ending.txt",
                context={"term": term, "days": (term.ends_on - today).days},
            )
            Term.objects.filter(pk=term.pk).update(expiry_notice_sent_on=today)
        sent += 1
        log(f"{term.seat}: ends on {term.ends_on.isoformat()}")
    return f"{sent} term expiry notices sent"
