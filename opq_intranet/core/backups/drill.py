"""The restore drill: back up, restore into a fresh database and file store, compare.

What it proves is independent of the manifest: the row count of every table and the SHA-256
of every file of the source are read again and compared with the restored copy.
"""

import os
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from . import database, files, sets


@dataclass
class DrillReport:
    backup: sets.BackupResult
    restore: sets.RestoreReport
    lost: list  # what the source has and the copy lacks (or differs): tables, files
    seconds: float

    @property
    def ok(self):
        return self.restore.ok and not self.lost


def source_differences(db, media_root, restored_db, restored_root):
    lost = []
    before, after = database.inventory(db)["row_counts"], database.inventory(restored_db)["row_counts"]
    for table, count in sorted(before.items()):
        if after.get(table) != count:
            lost.append(f"table {table}: {count} rows in the source, {after.get(table)} restored")
    source_files, restored_files = files.checksums(media_root), files.checksums(restored_root)
    for name, digest in sorted(source_files.items()):
        if restored_files.get(name) != digest:
            lost.append(f"file {name}: {'missing' if name not in restored_files else 'SHA-256 differs'}")
    return lost


def run_drill(db, media_root, key, *, backup_root=None, work_root=None):
    """Back up `db` and `media_root`, restore into a new database `<NAME>_drill_<pid>` and a
    temporary file store, compare, and drop both. Nothing of the source is written to."""
    started = time.monotonic()
    target_name = f"{db['NAME']}_drill_{os.getpid()}"[:63]
    target = {**db, "NAME": target_name}
    with tempfile.TemporaryDirectory(prefix="opq-drill-", dir=work_root) as tmp:
        tmp = Path(tmp)
        backup = sets.make_backup(db, media_root, backup_root or tmp / "backups", key)
        database.drop_database(db, target_name)  # a previous drill killed half-way
        database.create_database(db, target_name)
        try:
            restore = sets.restore_set(backup.path, target, tmp / "restored-files", key, workdir=tmp)
            lost = source_differences(db, media_root, target, tmp / "restored-files")
        finally:
            database.drop_database(db, target_name)
    return DrillReport(backup, restore, lost, time.monotonic() - started)
