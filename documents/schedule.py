"""Records management's scheduled jobs (run by `manage.py run_scheduled`); the exchange
spaces' jobs are registered by their own module, imported here."""

import documents.exchange.schedule  # noqa: F401 - registers the exchange spaces' jobs
from documents.lifecycle import advance
from documents.reminders import send_loan_reminders
from opq_intranet.core.registry.schedule import Job, register

register(
    Job(
        key="documents.lifecycle",
        description="Records: files become semi-active when due; what is due for disposal",
        run=advance,
    )
)
register(
    Job(
        key="documents.loan_reminders",
        description="Records: remind borrowers of overdue paper files (every 7 days until returned)",
        run=send_loan_reminders,
    )
)
