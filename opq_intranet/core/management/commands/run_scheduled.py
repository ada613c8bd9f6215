"""Run the scheduled jobs every app registered (see opq_intranet.core.registry.schedule).

Each job runs in its own transaction; one failing does not stop the others, and the command
exits with an error if any failed, so cron or systemd reports it.
"""

import logging
from datetime import date

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils import timezone

from opq_intranet.core.models import ScheduledRun
from opq_intranet.core.registry.schedule import jobs

logger = logging.getLogger(__name__)


class Command(BaseCommand):
    help = "Run the scheduled jobs (reminders, lifecycle, fixity checks). Idempotent."

    def add_arguments(self, parser):
        parser.add_argument("--only", default="", help="comma-separated job keys")
        parser.add_argument("--today", type=date.fromisoformat, help="act as if today were this date (YYYY-MM-DD)")
        parser.add_argument("--list", action="store_true", help="list the jobs and stop")

    def handle(self, *args, only, today, list, **options):
        selected = jobs()
        if list:
            for job in selected:
                self.stdout.write(f"{job.key:30} {job.description}")
            return
        wanted = {k.strip() for k in only.split(",") if k.strip()}
        if wanted:
            unknown = wanted - {j.key for j in selected}
            if unknown:
                raise CommandError(f"Unknown job(s): {sorted(unknown)}")
            selected = [j for j in selected if j.key in wanted]
        today = today or timezone.localdate()
        failures = []
        for job in selected:
            record = ScheduledRun.objects.create(job=job.key, for_date=today, started_at=timezone.now())
            try:
                with transaction.atomic():
                    summary = job.run(today, self._log) or ""
            except Exception as error:  # one job's failure must not stop the others
                logger.exception("scheduled job %s failed", job.key)
                failures.append(job.key)
                record.summary = f"{type(error).__name__}: {error}"
            else:
                record.succeeded = True
                record.summary = summary
            record.finished_at = timezone.now()
            record.save(update_fields=["succeeded", "summary", "finished_at"])
            self.stdout.write(f"{job.key}: {'ok' if record.succeeded else 'FAILED'} {record.summary}")
        if failures:
            raise CommandError(f"Failed job(s): {', '.join(failures)}")

    def _log(self, message):
        self.stdout.write(f"    {message}")
