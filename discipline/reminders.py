"""The reminder to the chair of a hearing that ended two working days ago with no outcome
entered (job `discipline.hearing_outcome_missing`, registered by discipline/schedule.py).

"Two working days" is core/calendar.py's `add_working_days`: a hearing that ends on a Friday
is recalled on the Tuesday, one before a jour férié a day later. The hearing remembers the day
its reminder went (`outcome_reminder_sent_on`): each hearing is recalled once, however often
the job runs; entering the outcome takes the work out of the chair's queue (the hearing
services call `notifications_done`). A chair without an account gets the email at the
directory's address.
"""

from datetime import datetime, time, timedelta

from django.db import transaction
from django.utils import timezone

from discipline.choices import HearingOutcome
from discipline.models import Hearing
from opq_intranet.core.calendar import add_working_days
from opq_intranet.core.notifications import notify

KEY = "discipline.hearing_outcome_missing"
WORKING_DAYS = 2


def reminder_day(ended_on):
    return add_working_days(ended_on, WORKING_DAYS)


def overdue_hearings(today):
    """Scheduled hearings that ended at least two calendar days ago, never recalled (one query;
    the working days are counted on each, as the calendar decides)."""
    cutoff = timezone.make_aware(datetime.combine(today - timedelta(days=WORKING_DAYS - 1), time.min))
    return (
        Hearing.objects.filter(outcome=HearingOutcome.SCHEDULED, ends_at__lt=cutoff, outcome_reminder_sent_on=None)
        .select_related("case", "chair__user")
        .order_by("ends_at", "pk")
    )


def send_outcome_reminders(today, log):
    sent = 0
    for hearing in overdue_hearings(today):
        ended_on = timezone.localtime(hearing.ends_at).date()
        if today < reminder_day(ended_on):
            continue
        chair = hearing.chair
        user = chair.user if chair.user_id and chair.user.is_active else None
        with transaction.atomic():
            notify(
                recipients=[user] if user else [],
                key=KEY,
                target=hearing,
                url=hearing.get_absolute_url(),
                subject_template="discipline/email/outcome_missing_subject.txt",
                body_template="discipline/email/outcome_missing.txt",
                context={"hearing": hearing, "ended_on": ended_on},
                extra_addresses=[] if user else [chair.email],
            )
            Hearing.objects.filter(pk=hearing.pk).update(outcome_reminder_sent_on=today)
        sent += 1
        log(f"{hearing.case.number}: {chair}")
    return f"{sent} hearing outcome reminders sent"
