"""The administrators' bank's scheduled jobs (run by `manage.py run_scheduled`)."""

from administrateurs import consents, reminders, retention, services, term_notices
from opq_intranet.core.registry.schedule import Job, register

register(
    Job(
        key=reminders.KEY,
        description="Administrators: remind the team and the appointee of a training or declaration due in 14 days "
        "or overdue",
        run=reminders.send_obligation_reminders,
    )
)
register(
    Job(
        key=consents.KEY,
        description="Administrators: expire the candidacies whose consent lapsed, warn of those lapsing within 30 days",
        run=consents.run,
    )
)
register(
    Job(
        key=retention.KEY,
        description="Administrators: purge the withdrawn and expired candidacies kept past their retention period",
        run=retention.run,
    )
)
register(
    Job(
        key=term_notices.KEY,
        description="Administrators: tell the Nominations team of the terms ending within 120 days, once each",
        run=term_notices.send_term_notices,
    )
)
register(
    Job(
        key="administrateurs.terms_ended",
        description="Administrators: appointees whose every term is over go back to the bank",
        run=services.release_ended,
    )
)
