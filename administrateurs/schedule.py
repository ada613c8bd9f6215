"""The administrators' bank's scheduled jobs (run by `manage.py run_scheduled`)."""

from administrateurs import reminders, services
from opq_intranet.core.registry.schedule import Job, register

# Slice h2: terms ending, terms ended.
register(
    Job(
        key=reminders.KEY,
        description="Administrators: tell the Nominations team of the terms ending within 120 days, once each",
        run=reminders.send_term_notices,
    )
)
register(
    Job(
        key="administrateurs.terms_ended",
        description="Administrators: appointees whose every term is over go back to the bank",
        run=services.release_ended,
    )
)
