"""BDSP scheduled job: reminders of the annual returns' due dates."""

from bdsp.reminders import send_reminders
from opq_intranet.core.registry.schedule import Job, register

register(
    Job(key="bdsp.reminders", description="Annual returns: reminders at J-30, J-7 and once overdue", run=send_reminders)
)
