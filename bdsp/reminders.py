"""Reminders to the orders: 30 days and 7 days before the due date, and once it has passed.

Idempotent: each return remembers the last reminder sent (`last_reminder_sent`), so
running the job twice the same day, or every day, sends each reminder once. Each goes through
core's `notify()` (services.return_remind): an email in the déclarant's language, or their
daily digest, and an entry in their "À traiter" queue until the return is submitted.
"""

from datetime import timedelta

from django.db import transaction

from bdsp import services
from bdsp.choices import ReturnStatus, YearStatus
from bdsp.models import AnnualReturn

# (stage, days before the due date; negative = after), in the order they are sent.
STAGES = [("j30", 30), ("j7", 7), ("late", -1)]


def stage_due(annual_return, today):
    """The latest reminder this return should have had by `today`, or None."""
    if annual_return.due_date is None:
        return None
    reached = [stage for stage, days in STAGES if today >= annual_return.due_date - timedelta(days=days)]
    return reached[-1] if reached else None


def send_reminders(today, log):
    pending = AnnualReturn.objects.filter(
        reporting_year__status=YearStatus.OPEN,
        status__in=(ReturnStatus.DRAFT, ReturnStatus.RETURNED),
        due_date__isnull=False,
    ).select_related("professional_order", "reporting_year")
    order_of_stages = [stage for stage, _days in STAGES]
    sent = 0
    for annual_return in pending:
        stage = stage_due(annual_return, today)
        if stage is None or stage == annual_return.last_reminder_sent:
            continue
        if annual_return.last_reminder_sent and order_of_stages.index(stage) < order_of_stages.index(
            annual_return.last_reminder_sent
        ):
            continue
        with transaction.atomic():
            reached = services.return_remind(annual_return=annual_return, stage=stage)
        if reached:
            sent += 1
            log(f"{annual_return}: {stage} → {', '.join(person.email or person.username for person in reached)}")
    return f"{sent} reminders sent"
