"""`manage.py restore SET`: verify a set, then restore it into an empty database and file store."""

from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import connections

from opq_intranet.core.backups import sets

from .backup import database_errors, describe


class Command(BaseCommand):
    help = (
        "Restore a backup set (a directory, or a set name in BACKUP_ROOT) into an EMPTY database and an EMPTY "
        "PRIVATE_MEDIA_ROOT. Every piece is verified against the manifest before anything is written; there is "
        "deliberately no --force."
    )

    def add_arguments(self, parser):
        parser.add_argument("set", help="set directory, or its name (opq-YYYYMMDDTHHMMSSZ) in BACKUP_ROOT")
        parser.add_argument("--database", default="default", help="database alias (default: default)")
        parser.add_argument("--workdir", default=None, help="where the pieces are decrypted (default: TMPDIR)")

    def handle(self, *args, set: str, database: str, workdir, **options):
        set_dir = Path(set)
        if not set_dir.is_dir() and (Path(settings.BACKUP_ROOT) / set).is_dir():
            set_dir = Path(settings.BACKUP_ROOT) / set
        db = connections[database].settings_dict
        try:
            report = sets.restore_set(set_dir, db, settings.PRIVATE_MEDIA_ROOT, settings.BACKUP_KEY, workdir)
        except sets.SetRefusedError as exc:
            raise CommandError(f"REFUSED, nothing was written: {exc}") from None
        except database_errors() as exc:
            raise CommandError(f"restore failed: {describe(exc)}") from None
        if not report.ok:
            for line in report.differences[:50]:
                self.stderr.write(f"  {line}")
            raise CommandError(f"restored, but {len(report.differences)} differences with the manifest (above)")
        for line in migration_notes(report.migrations):
            self.stdout.write(line)
        self.stdout.write(
            f"Restored {set_dir.name} into database {db['NAME']} and {settings.PRIVATE_MEDIA_ROOT} in "
            f"{report.seconds:.1f} s: {report.tables} tables, {report.rows} rows and {report.files} files, "
            "all matching the manifest (row counts per table, SHA-256 per file)"
        )


def migration_notes(in_set):
    """What to do when the set's migration state and this code's differ (said, not done)."""
    from django.db.migrations.loader import MigrationLoader

    on_disk = {}
    for app, name in MigrationLoader(None, ignore_no_migrations=True).disk_migrations:
        on_disk.setdefault(app, set()).add(name)
    notes = []
    for app, latest in sorted(in_set.items()):
        if app in on_disk and latest not in on_disk[app]:
            notes.append(f"WARNING: {app} is at {latest} in the set, a migration this code does not have: newer code?")
        elif app in on_disk and max(on_disk[app]) > latest:
            notes.append(f"NOTE: {app} is at {latest} in the set, this code has {max(on_disk[app])}: run migrate")
    return notes
