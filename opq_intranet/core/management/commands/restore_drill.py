"""`manage.py restore_drill` (`make restore-drill`): prove that a backup of this database restores whole."""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import connections

from opq_intranet.core.backups.drill import run_drill

from .backup import database_errors, describe, human


class Command(BaseCommand):
    help = (
        "Back up the database and private files, restore into a fresh database and a temporary file store, "
        "compare row counts per table and every file's SHA-256, drop the copy. The source is only read."
    )

    def add_arguments(self, parser):
        parser.add_argument("--database", default="default")
        parser.add_argument("--keep-set", action="store_true", help="write the set into BACKUP_ROOT (kept)")

    def handle(self, *args, database, keep_set, **options):
        key = settings.BACKUP_KEY
        if not key:
            self.stderr.write("WARNING: BACKUP_KEY is empty: the drill's set is NOT encrypted")
        db = connections[database].settings_dict
        try:
            report = run_drill(
                db, settings.PRIVATE_MEDIA_ROOT, key, backup_root=settings.BACKUP_ROOT if keep_set else None
            )
        except database_errors() as exc:
            raise CommandError(f"drill failed: {describe(exc)}") from None
        manifest = report.backup.manifest
        self.stdout.write(
            f"Backup: {human(report.backup.size)} in {report.backup.seconds:.1f} s; "
            f"restore and verification: {report.restore.seconds:.1f} s; drill: {report.seconds:.1f} s"
        )
        problems = report.restore.differences + report.lost
        for line in problems[:50]:
            self.stderr.write(f"  {line}")
        if problems:
            raise CommandError(f"restore drill FAILED: {len(problems)} differences (above)")
        self.stdout.write(
            f"Restore drill passed: {len(manifest['row_counts'])} tables, {sum(manifest['row_counts'].values())} rows "
            f"and {len(manifest['files'])} files restored, nothing lost"
        )
