"""A backup set: one dated directory with the encrypted pieces and a manifest.

    BACKUP_ROOT/opq-20261204T020000Z/
        manifest.json        date, migration state, row count per table, every private file's
                             SHA-256, and the size and SHA-256 of every piece (stored and plain)
        database.dump.age    pg_dump -Fc, encrypted (age)
        files.tar.age        the private files (tar), encrypted (age)

A set is written in a hidden `.partial-` directory and renamed when whole, so rotation and
restore never see half a set. Restore verifies every piece before it writes anything.
"""

import json
import shutil
import tarfile
import tempfile
import time
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from . import crypto, database, files
from .rotation import parse_stamp, sets_to_keep

PREFIX = "opq-"
MANIFEST = "manifest.json"
FORMAT = "opq-intranet-backup/1"
DUMP, ARCHIVE = "database.dump", "files.tar"


class SetRefusedError(Exception):
    """The set cannot be restored (or the target is not empty); nothing was written."""


def _sha256(path):
    return files.sha256_file(path)


def _piece(stored, plain):
    return {
        "size": stored.stat().st_size,
        "sha256": _sha256(stored),
        "plain_size": plain.stat().st_size,
        "plain_sha256": _sha256(plain),
    }


@dataclass
class BackupResult:
    path: Path
    size: int
    seconds: float
    manifest: dict
    deleted: list = field(default_factory=list)


def make_backup(db, media_root, backup_root, key, now=None):
    """Write one set of `db` and `media_root` into `backup_root`; returns a BackupResult."""
    started = time.monotonic()
    now = now or datetime.now(UTC).replace(tzinfo=None)
    backup_root = Path(backup_root)
    backup_root.mkdir(parents=True, exist_ok=True, mode=0o700)
    name = f"{PREFIX}{now:%Y%m%dT%H%M%SZ}"
    final = backup_root / name
    if final.exists():
        raise FileExistsError(f"{final} already exists")
    scheme = crypto.SCHEME if key else "none"
    suffix = ".age" if key else ""
    partial = Path(tempfile.mkdtemp(prefix=f".partial-{name}-", dir=backup_root))
    try:
        plain = partial / "plain"  # plaintext stays in the 0700 partial directory, then goes
        plain.mkdir(mode=0o700)
        with database.snapshot(db) as (cursor, snapshot_id):
            counts = database.row_counts(cursor)
            migrations = database.migration_state(cursor)
            database.dump(db, snapshot_id, plain / DUMP)
        checksums = files.archive(media_root, plain / ARCHIVE)
        pieces = {}
        for piece in (DUMP, ARCHIVE):
            crypto.encrypt(plain / piece, partial / f"{piece}{suffix}", key)
            pieces[f"{piece}{suffix}"] = {"role": piece, **_piece(partial / f"{piece}{suffix}", plain / piece)}
        shutil.rmtree(plain)
        manifest = {
            "format": FORMAT,
            "created": now.isoformat() + "Z",
            "database": db["NAME"],
            "encryption": scheme,
            "recipient": str(crypto.identity(key).to_public()) if key else None,
            "migrations": migrations,
            "row_counts": counts,
            "files": checksums,
            "pieces": pieces,
        }
        (partial / MANIFEST).write_text(json.dumps(manifest, indent=1, sort_keys=True) + "\n")
        for path in partial.iterdir():
            path.chmod(0o600)  # the service user's only, like the directory (0700)
        partial.rename(final)
    except BaseException:
        shutil.rmtree(partial, ignore_errors=True)
        raise
    size = sum(p.stat().st_size for p in final.iterdir())
    return BackupResult(final, size, time.monotonic() - started, manifest)


def list_sets(backup_root):
    backup_root = Path(backup_root)
    if not backup_root.exists():
        return {}
    found = {}
    for path in backup_root.iterdir():
        stamp = parse_stamp(path.name, PREFIX)
        if stamp and path.is_dir():
            found[stamp] = path
    return found


def rotate(backup_root, *, now, daily, weekly, monthly, max_age_days):
    """Delete the sets the rotation rule does not keep; returns the deleted paths."""
    found = list_sets(backup_root)
    keep = sets_to_keep(list(found), now=now, daily=daily, weekly=weekly, monthly=monthly, max_age_days=max_age_days)
    deleted = []
    for stamp, path in sorted(found.items()):
        if stamp not in keep:
            shutil.rmtree(path)
            deleted.append(path)
    return deleted


def read_manifest(set_dir):
    set_dir = Path(set_dir)
    if not set_dir.is_dir():
        raise SetRefusedError(f"no backup set at {set_dir}")
    try:
        manifest = json.loads((set_dir / MANIFEST).read_text())
    except FileNotFoundError:
        raise SetRefusedError(f"{set_dir}: {MANIFEST} is missing") from None
    except (ValueError, UnicodeDecodeError) as exc:
        raise SetRefusedError(f"{set_dir}: {MANIFEST} is damaged ({exc})") from None
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
        raise SetRefusedError(f"{set_dir}: not a set of format {FORMAT}")
    roles = {p.get("role") for p in manifest.get("pieces", {}).values()}
    if roles != {DUMP, ARCHIVE}:
        raise SetRefusedError(f"{set_dir}: the manifest does not list a database dump and a file archive")
    return manifest


def verify_and_decrypt(set_dir, key, workdir):
    """Check every piece against the manifest, decrypt it into `workdir` and check the result.

    Returns (manifest, {role: plaintext path}). Raises SetRefusedError at the first problem."""
    set_dir, workdir = Path(set_dir), Path(workdir)
    manifest = read_manifest(set_dir)
    for name, expected in manifest["pieces"].items():
        path = set_dir / name
        if Path(name).name != name or not path.is_file():
            raise SetRefusedError(f"{name}: missing from the set")
        if path.stat().st_size != expected["size"]:
            raise SetRefusedError(
                f"{name}: {path.stat().st_size} bytes, the manifest says {expected['size']}: "
                "the set is truncated or damaged"
            )
        if _sha256(path) != expected["sha256"]:
            raise SetRefusedError(f"{name}: SHA-256 differs from the manifest: the set is damaged")
    plain = {}
    for name, expected in manifest["pieces"].items():
        out = workdir / expected["role"]
        try:
            crypto.decrypt(set_dir / name, out, key, manifest["encryption"])
        except ValueError as exc:
            raise SetRefusedError(f"{name}: {exc}") from None
        if out.stat().st_size != expected["plain_size"] or _sha256(out) != expected["plain_sha256"]:
            raise SetRefusedError(f"{name}: the decrypted content differs from the manifest")
        plain[expected["role"]] = out
    try:
        files.check_archive(plain[ARCHIVE], manifest["files"])
    except (ValueError, OSError, tarfile.TarError) as exc:
        raise SetRefusedError(f"{ARCHIVE}: {exc}") from None
    return manifest, plain


def check_targets_empty(db, media_root):
    """Restore never overwrites: the database must hold no table and the file store no file."""
    present = database.our_tables(db)
    if present:
        raise SetRefusedError(
            f"database {db['NAME']} is not empty ({len(present)} tables, e.g. {present[0]}): restore only into an "
            "empty database (createdb a new one, or drop this one after checking it is the one to replace)"
        )
    existing = files.all_files(media_root)
    if existing:
        raise SetRefusedError(
            f"{media_root} already holds {len(existing)} files (e.g. {existing[0]}): "
            "restore only into an empty file store"
        )


@dataclass
class RestoreReport:
    tables: int
    rows: int
    files: int
    differences: list
    seconds: float
    migrations: dict = field(default_factory=dict)

    @property
    def ok(self):
        return not self.differences


def compare(manifest, db, media_root):
    """Differences between what the manifest recorded and what is now in `db` and `media_root`."""
    differences = []
    counts = database.inventory(db)["row_counts"]
    for table, expected in sorted(manifest["row_counts"].items()):
        if counts.get(table) != expected:
            differences.append(f"table {table}: {counts.get(table)} rows, the manifest says {expected}")
    for table in sorted(set(counts) - set(manifest["row_counts"])):
        differences.append(f"table {table}: not in the manifest")
    restored = files.checksums(media_root)
    for name, expected in sorted(manifest["files"].items()):
        if restored.get(name) != expected:
            differences.append(f"file {name}: {'missing' if name not in restored else 'SHA-256 differs'}")
    for name in sorted(set(restored) - set(manifest["files"])):
        differences.append(f"file {name}: not in the manifest")
    return differences


def restore_set(set_dir, db, media_root, key, workdir=None):
    """Verify the set, check the targets are empty, restore, then compare with the manifest."""
    started = time.monotonic()
    with tempfile.TemporaryDirectory(prefix="opq-restore-", dir=workdir) as tmp:
        manifest, plain = verify_and_decrypt(set_dir, key, tmp)
        check_targets_empty(db, media_root)
        database.restore(db, plain[DUMP])
        files.extract(plain[ARCHIVE], media_root)
    differences = compare(manifest, db, media_root)
    return RestoreReport(
        tables=len(manifest["row_counts"]),
        rows=sum(manifest["row_counts"].values()),
        files=len(manifest["files"]),
        differences=differences,
        seconds=time.monotonic() - started,
        migrations=manifest["migrations"],
    )
