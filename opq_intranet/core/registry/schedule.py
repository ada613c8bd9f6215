"""Scheduled work (reminders, lifecycle, fixity): jobs that `manage.py run_scheduled` runs.

One entry point for cron or a systemd timer, e.g. every night at 2 h:

    0 2 * * *  cd /srv/opq-intranet && .venv/bin/python manage.py run_scheduled

In an app's `schedule.py`:

    from opq_intranet.core.registry.schedule import Job, register

    def send_reminders(today, log):
        ...                       # idempotent: running twice the same day sends nothing twice
        return f"{sent} reminders sent"

    register(Job(key="courrier.reminders", description="Mandate reminders", run=send_reminders))

`today` is the date the job acts for (`--today` moves it, to test "time forward"); `log`
prints progress; the returned text is kept in the job's run record.
"""

from collections.abc import Callable
from dataclasses import dataclass

_jobs = {}


@dataclass(frozen=True)
class Job:
    key: str
    description: str
    run: Callable
    order: int = 100


def register(job):
    _jobs[job.key] = job
    return job


def jobs():
    return sorted(_jobs.values(), key=lambda j: (j.order, j.key))
