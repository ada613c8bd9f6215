"""Reminders of mandates before and on their due date (registered by courrier/schedule.py).

The lead of each active mandate gets an email, the helpers in copy:
- "before": BEFORE_WORKING_DAYS working days before the due date (core/calendar.py's
  `add_working_days`: weekends, jours fériés and the Office's closure days do not count), so a
  mandate due on a Monday is recalled the Thursday before;
- "due": on the due date, or at the first run after it when it was never sent (overdue).

Each stage is sent once per due date: the mandate remembers the last one (`last_reminder`),
which a new due date empties (courrier/services/mandates.py). Running the job twice the same
day, or a day late, sends nothing twice; a run that missed the "before" day still sends it
while the due date is ahead, and only the "due" reminder once it is reached.

Not a `notify()` (core/notifications.py): a reminder hands no new work, the mandate is in
the lead's "Mes mandats" already; it is one email with the helpers in copy, rendered as
plain text as notify's are.
"""

from datetime import timedelta

from django.conf import settings
from django.core.mail import EmailMessage
from django.utils.translation import override

from courrier.choices import ACTIVE_MANDATE_STATUSES
from courrier.models import Mandate
from opq_intranet.core.calendar import add_working_days
from opq_intranet.core.notifications import language_of, render_plain
from opq_intranet.core.registry.schedule import Job, register

BEFORE_WORKING_DAYS = 2
BEFORE, DUE = "before", "due"
STAGES = (BEFORE, DUE)
# Two working days back never span more than this many calendar days (the holiday season
# with its closure days included).
LOOKAHEAD_DAYS = 30


def before_date(due_on, _cache=None):
    """The day of the "before" reminder of a mandate due on `due_on`."""
    if _cache is not None and due_on in _cache:
        return _cache[due_on]
    day = add_working_days(due_on, -BEFORE_WORKING_DAYS)
    if _cache is not None:
        _cache[due_on] = day
    return day


def stage_due(due_on, today, _cache=None):
    """The latest stage a mandate due on `due_on` should have had by `today`, or None."""
    if due_on is None:
        return None
    if today >= due_on:
        return DUE
    if today >= before_date(due_on, _cache):
        return BEFORE
    return None


def candidates(today):
    """Active mandates with a due date that may need a reminder today (one query)."""
    return (
        Mandate.objects.filter(
            status__in=ACTIVE_MANDATE_STATUSES,
            due_on__isnull=False,
            due_on__lte=today + timedelta(days=LOOKAHEAD_DAYS),
        )
        .exclude(last_reminder=DUE)
        .select_related("lead", "org_unit")
        .prefetch_related("helpers")
        .order_by("due_on", "pk")
    )


def send_reminders(today, log):
    cache = {}
    sent = 0
    for mandate in candidates(today):
        stage = stage_due(mandate.due_on, today, cache)
        if stage is None or stage == mandate.last_reminder:
            continue
        to, cc = _recipients(mandate)
        if to:
            _send(mandate, stage, today, to, cc)
            sent += 1
            log(f"{mandate.reference}: {stage} → {', '.join(to + cc)}")
        Mandate.objects.filter(pk=mandate.pk).update(last_reminder=stage)
    return f"{sent} mandate reminders sent"


def _recipients(mandate):
    """The lead, the helpers in copy; the helpers alone when the lead has no address."""
    helpers = sorted({h.email for h in mandate.helpers.all() if h.is_active and h.email})
    lead = mandate.lead.email if mandate.lead.is_active and mandate.lead.email else ""
    if lead:
        return [lead], [e for e in helpers if e != lead]
    return helpers, []


def _send(mandate, stage, today, to, cc):
    context = {
        "mandate": mandate,
        "stage": stage,
        "overdue": today > mandate.due_on,
        "url": f"{settings.PORTAL_BASE_URL}{mandate.get_absolute_url()}",
    }
    # One email, the helpers in copy, in the lead's language; plain text, not HTML-escaped.
    with override(language_of(mandate.lead)):
        subject = " ".join(render_plain("courrier/email/mandate_reminder_subject.txt", context).split())
        body = render_plain("courrier/email/mandate_reminder.txt", context)
    EmailMessage(subject, body, None, to, cc=cc).send()


register(
    Job(
        key="courrier.mandate_reminders",
        description="Mandates: reminders two working days before the due date and on the due date",
        run=send_reminders,
    )
)
