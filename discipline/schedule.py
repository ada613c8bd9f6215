"""The disciplinary cases' scheduled jobs (run by `manage.py run_scheduled`): the reminder of a
hearing's missing outcome, and the closing of the cases whose appeal delay has passed."""

from discipline import reminders, services
from opq_intranet.core.registry.schedule import Job, register


def close_final_cases(today, log):
    closed = services.cases_close_after_appeal_delay(today=today)
    for case in closed:
        log(f"{case.number}: closed on {case.closed_on.isoformat()}")
    return f"{len(closed)} cases closed after their appeal delay"


register(
    Job(
        key=reminders.KEY,
        description="Disciplinary cases: remind the chair of a hearing ended two working days ago with no outcome",
        run=reminders.send_outcome_reminders,
    )
)
register(
    Job(
        key="discipline.close_final_cases",
        description="Disciplinary cases: close the decided cases whose appeal delay has passed without appeal",
        run=close_final_cases,
    )
)
