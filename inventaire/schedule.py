"""The inventory's scheduled jobs (run by `manage.py run_scheduled`)."""

from inventaire import confirmations, reminders
from opq_intranet.core.registry.schedule import Job, register

register(
    Job(
        key=reminders.KEY,
        description="Inventory: warn the Inventaire role of the software licences expiring within 60 days",
        run=reminders.send_expiry_alerts,
    )
)
register(
    Job(
        key=confirmations.KEY,
        description="Inventory: ask each holder whose yearly confirmation is due to confirm their equipment",
        run=confirmations.send_confirmation_reminders,
    )
)
