"""Reminders of overdue paper loans: an email to the borrower, at most once every 7 days.

Idempotent: each loan remembers its last reminder (`last_reminder_on`), so running the job
twice the same day, or every day, reminds a borrower on the day after the due date, then
every 7 days until the file is back. Extending a loan starts its reminders again from the
new due date. A borrower without an email address is listed in the run's log.
"""

from datetime import timedelta

from django.conf import settings
from django.core.mail import send_mail
from django.db.models import Q
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

from documents.selectors import overdue_loans

REMINDER_EVERY_DAYS = 7


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
    with translation.override(settings.LANGUAGE_CODE):
        for loan in loans_to_remind(today):
            if not loan.borrower.email:
                without_email += 1
                log(f"{loan.record_file.reference}: {loan.borrower} has no email address")
                continue
            context = {
                "loan": loan,
                "days_late": (today - loan.due_on).days,
                "url": settings.PORTAL_BASE_URL + reverse("documents:loan_detail", args=[loan.pk]),
            }
            send_mail(
                render_to_string("documents/email/loan_overdue_subject.txt", context).strip(),
                render_to_string("documents/email/loan_overdue.txt", context),
                None,
                [loan.borrower.email],
            )
            loan.last_reminder_on = today
            loan.save(update_fields=["last_reminder_on"])
            sent += 1
            log(f"{loan.record_file.reference} → {loan.borrower.email}")
    return f"reminders sent: {sent}; borrowers without an email address: {without_email}"
