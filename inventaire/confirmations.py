"""The yearly word of each holder that they still hold their equipment (job
`inventaire.holdings_confirmation_due`, registered by inventaire/schedule.py): whoever holds an
item whose confirmation is due (365 days after its check-out or last confirmation) finds it in
their queue on Mon travail, once; confirming takes it out."""

from datetime import timedelta

from django.db.models import Q
from django.urls import reverse

from inventaire.models import Assignment
from opq_intranet.accounts.models import User
from opq_intranet.core.notifications import notifications_done, notify

KEY = "inventaire.holdings_confirmation_due"
CONFIRMATION_DAYS = 365  # a holder confirms each item once a year


def confirmation_due(assignment, today):
    """Whether the holder owes this year's word that they still hold it."""
    since = assignment.confirmed_on or assignment.checked_out_on
    return (today - since).days >= CONFIRMATION_DAYS


def holders_with_confirmation_due(today):
    """Active staff with an open assignment last confirmed (or checked out) a year ago or more."""
    cutoff = today - timedelta(days=CONFIRMATION_DAYS)
    due = Q(confirmed_on__lte=cutoff) | Q(confirmed_on__isnull=True, checked_out_on__lte=cutoff)
    holder_ids = Assignment.objects.filter(due, checked_in_on__isnull=True, holder__isnull=False).values("holder")
    return User.objects.filter(pk__in=holder_ids, is_active=True).order_by("pk")


def send_confirmation_reminders(today, log):
    sent = 0
    for person in holders_with_confirmation_due(today):
        notify(
            recipients=[person],
            key=KEY,
            target=person,
            url=reverse("inventaire:my_equipment"),
            subject_template="inventaire/email/confirmation_due_subject.txt",
            body_template="inventaire/email/confirmation_due.txt",
        )
        sent += 1
    log(f"{sent} holders asked for their yearly confirmation")
    return f"{sent} yearly confirmations asked"


def confirmation_given(person, today):
    """After a confirmation: out of the queue once nothing of theirs is due any more."""
    if not holders_with_confirmation_due(today).filter(pk=person.pk).exists():
        notifications_done(target=person, key=KEY)
