"""Reminders of overdue paper loans: an email to the borrower, at most once every 7 days.

Idempotent: each loan remembers its last reminder (`last_reminder_on`), so running the job
twice the same day, or every day, reminds a borrower on the day after the due date, then
every 7 days until the file is back. Extending a loan starts its reminders again from the
new due date. A borrower without an email address is listed in the run's log.

Each reminder goes through core's notify() (key "documents.loan_overdue"): the loan stays in
the borrower's "À traiter" queue until it is returned (documents/services/paper.py).
"""

from datetime import timedelta

from django.db.models import Q

from documents.selectors import overdue_loans
from opq_intranet.core.notifications import notify

REMINDER_EVERY_DAYS = 7
LOAN_OVERDUE = "documents.loan_overdue"


def loans_to_remind(today):
    """Overdue loans not reminded in the last 7 days."""
    since = today - timedelta(days=REMINDER_EVERY_DAYS)
    return (
        overdue_loans(today)
        .filter(Q(last_reminder_on__isnull=True) | Q(last_reminder_on__lte=since))
        .select_related("record_file", "borrower")
        .order_by("due_on", "pk")
    )


def send_loan_reminders(today, log):
    sent, without_email = 0, 0
    for loan in loans_to_remind(today):
        borrower = loan.borrower
        notify(
            recipients=[borrower],
            key=LOAN_OVERDUE,
            target=loan,
            url=loan.get_absolute_url(),
            subject_template="documents/email/loan_overdue_subject.txt",
            body_template="documents/email/loan_overdue.txt",
            context={"loan": loan, "days_late": (today - loan.due_on).days},
        )
        if not borrower.is_active:  # notify() skips them: the records manager follows up
            without_email += 1
            log(f"{loan.record_file.reference}: {borrower}'s account is inactive")
            continue
        if not borrower.email:  # in their queue only
            without_email += 1
            log(f"{loan.record_file.reference}: {borrower} has no email address")
            continue
        loan.last_reminder_on = today
        loan.save(update_fields=["last_reminder_on"])
        sent += 1
        log(f"{loan.record_file.reference} → {borrower.email}")
    return f"reminders sent: {sent}; borrowers without an email address: {without_email}"
