"""The administrators' bank's scheduled jobs (run by `manage.py run_scheduled`)."""

from administrateurs import reminders
from opq_intranet.core.registry.schedule import Job, register

# Slice h4: obligations
register(
    Job(
        key=reminders.KEY,
        description="Administrators: remind the team and the appointee of a training or declaration due in 14 days "
        "or overdue",
        run=reminders.send_obligation_reminders,
    )
)
