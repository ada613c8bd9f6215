"""`manage.py backup`: one dated, encrypted set in BACKUP_ROOT, then the rotation."""

from datetime import UTC, datetime

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import connections

from opq_intranet.core.backups import crypto, database, sets


def human(size):
    for unit in ("B", "KB", "MB", "GB"):
        if size < 1024 or unit == "GB":
            return f"{size:.1f} {unit}" if unit != "B" else f"{size} B"
        size /= 1024
    return f"{size:.1f} TB"


class Command(BaseCommand):
    help = "Back up the database and the private files into one dated set in BACKUP_ROOT, then rotate."

    def add_arguments(self, parser):
        parser.add_argument("--database", default="default", help="database alias (default: default)")
        parser.add_argument("--no-rotate", action="store_true", help="keep every older set")

    def handle(self, *args, database: str, no_rotate: bool, **options):
        key = settings.BACKUP_KEY
        if not key:
            if not settings.BACKUP_ALLOW_UNENCRYPTED:
                raise CommandError("BACKUP_KEY is empty: production backups are always encrypted (see .env.example)")
            self.stderr.write("WARNING: BACKUP_KEY is empty: this set is NOT encrypted (allowed in development only)")
        else:
            try:
                crypto.identity(key)
            except crypto.BadKeyError as exc:
                raise CommandError(str(exc)) from None
        db = connections[database].settings_dict
        now = datetime.now(UTC).replace(tzinfo=None)
        try:
            result = sets.make_backup(db, settings.PRIVATE_MEDIA_ROOT, settings.BACKUP_ROOT, key, now=now)
        except database_errors() as exc:
            raise CommandError(f"backup failed, no set written: {describe(exc)}") from None
        manifest = result.manifest
        pieces = ", ".join(f"{name} {human(p['size'])}" for name, p in sorted(manifest["pieces"].items()))
        self.stdout.write(
            f"Backup set {result.path}: {human(result.size)} in {result.seconds:.1f} s "
            f"({len(manifest['row_counts'])} tables, {sum(manifest['row_counts'].values())} rows, "
            f"{len(manifest['files'])} files; {pieces}; encryption: {manifest['encryption']})"
        )
        if no_rotate:
            return
        deleted = sets.rotate(
            settings.BACKUP_ROOT,
            now=now,
            daily=settings.BACKUP_KEEP_DAILY,
            weekly=settings.BACKUP_KEEP_WEEKLY,
            monthly=settings.BACKUP_KEEP_MONTHLY,
            max_age_days=settings.BACKUP_RETENTION_DAYS,
        )
        kept = len(sets.list_sets(settings.BACKUP_ROOT))
        names = ", ".join(p.name for p in deleted) or "none"
        self.stdout.write(f"Rotation: {kept} sets kept, {len(deleted)} deleted ({names})")


def database_errors():
    import subprocess

    import psycopg

    return (subprocess.CalledProcessError, psycopg.Error, database.ToolMissingError, OSError)


def describe(exc):
    stderr = getattr(exc, "stderr", None)
    return f"{exc}: {stderr.strip()}" if stderr else str(exc)
