"""Reminders to the orders: 30 days and 7 days before the due date, and once it has passed.

Idempotent: each return remembers the last reminder sent (`last_reminder_sent`), so
running the job twice the same day, or every day, sends each reminder once.
"""

from datetime import timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import send_mail
from django.db.models import Q
from django.template.loader import render_to_string
from django.urls import reverse

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


def recipients(order):
    """The order's active déclarants."""
    users = (
        get_user_model()
        .objects.filter(professional_order=order, is_active=True)
        .filter(Q(groups__permissions__codename="file_return") | Q(user_permissions__codename="file_return"))
    )
    return sorted({u.email for u in users if u.email})


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
        emails = recipients(annual_return.professional_order)
        if emails:
            context = {
                "annual_return": annual_return,
                "stage": stage,
                "url": settings.PORTAL_BASE_URL + reverse("bdsp_portal:return_detail", args=[annual_return.pk]),
            }
            send_mail(
                render_to_string("bdsp/email/reminder_subject.txt", context).strip(),
                render_to_string("bdsp/email/reminder.txt", context),
                None,
                emails,
            )
            sent += 1
            log(f"{annual_return}: {stage} → {', '.join(emails)}")
        annual_return.last_reminder_sent = stage
        annual_return.save(update_fields=["last_reminder_sent"])
    return f"{sent} reminders sent"
