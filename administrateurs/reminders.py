"""The reminders of an appointee's obligations (job `administrateurs.obligations_due`,
registered by administrateurs/schedule.py): 14 days before the due date, then on the day after
it passed, each once (`Obligation.reminded_on`, `overdue_reminded_on`), to the Nominations team
(their queue on Mon travail and email, core's `notify()`) and to the appointee, who has no
account (an email to the candidacy's address). A day the job did not run is caught up the next
day; completing the obligation takes it out of the team's queue."""

from django.db import transaction

from administrateurs import permissions, selectors
from administrateurs.choices import ObligationKind
from administrateurs.models import Obligation
from administrateurs.services.obligations import REMINDER_KEY
from opq_intranet.core.notifications import notify, people_with_permission

KEY = REMINDER_KEY
DAYS_BEFORE = 14


def _remind(obligation, team, *, today, overdue):
    term = obligation.term
    context = {
        "obligation": obligation,
        "candidate": term.candidate,
        "body": term.seat.body,
        "overdue": overdue,
        "days": (obligation.due_on - today).days,
        "is_training": obligation.kind == ObligationKind.TRAINING,
    }
    url = obligation.get_absolute_url()
    notify(
        recipients=team,
        key=KEY,
        target=obligation,
        url=url,
        subject_template="administrateurs/email/obligation_due_subject.txt",
        body_template="administrateurs/email/obligation_due.txt",
        context=context,
    )
    if term.candidate.email:
        notify(
            recipients=[],
            key=KEY,
            target=obligation,
            url=url,
            subject_template="administrateurs/email/obligation_appointee_subject.txt",
            body_template="administrateurs/email/obligation_appointee.txt",
            context=context,
            extra_addresses=[term.candidate.email],
        )


def send_obligation_reminders(today, log):
    team = people_with_permission(permissions.APP)
    before = overdue = 0
    for obligation in selectors.obligations_to_remind_before(today, DAYS_BEFORE):
        with transaction.atomic():
            _remind(obligation, team, today=today, overdue=False)
            Obligation.objects.filter(pk=obligation.pk).update(reminded_on=today)
        before += 1
        log(f"{obligation}: due on {obligation.due_on.isoformat()}")
    for obligation in selectors.obligations_to_remind_overdue(today):
        with transaction.atomic():
            _remind(obligation, team, today=today, overdue=True)
            Obligation.objects.filter(pk=obligation.pk).update(overdue_reminded_on=today)
        overdue += 1
        log(f"{obligation}: overdue since {obligation.due_on.isoformat()}")
    return f"{before} obligation reminders before the due date, {overdue} overdue reminders sent"
