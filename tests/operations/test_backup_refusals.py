"""What backup and restore refuse, and that a refusal writes nothing."""

import json

import pytest
from django.core.management import CommandError, call_command
from django.db import connection

from opq_intranet.core.backups import database, sets

from .conftest import put_files

# Not transactional: the committed reference data is enough to back up (pg_dump has its own
# connection), and each flush of ~200 tables would cost seconds.
pytestmark = pytest.mark.django_db


@pytest.fixture
def a_set(stores):
    put_files(stores.PRIVATE_MEDIA_ROOT)
    call_command("backup", stdout=open("/dev/null", "w"))  # noqa: SIM115
    (path,) = sets.list_sets(stores.BACKUP_ROOT).values()
    return path


def assert_nothing_written(db, root):
    assert database.our_tables(db) == []
    assert not root.exists() or not any(root.iterdir())


def refused(set_dir, db, root, key):
    with pytest.raises(sets.SetRefusedError) as caught:
        sets.restore_set(set_dir, db, root, key)
    assert_nothing_written(db, root)
    return str(caught.value)


def test_the_command_reports_size_and_duration(stores, capsys):
    put_files(stores.PRIVATE_MEDIA_ROOT)
    call_command("backup")
    out = capsys.readouterr().out
    assert "Backup set " in out and " MB in " in out and "encryption: age-x25519" in out
    assert "Rotation: 1 sets kept, 0 deleted" in out
    (path,) = sets.list_sets(stores.BACKUP_ROOT).values()
    assert sorted(p.name for p in path.iterdir()) == ["database.dump.age", "files.tar.age", "manifest.json"]
    manifest = json.loads((path / "manifest.json").read_text())
    assert set(manifest) >= {"created", "migrations", "row_counts", "files", "pieces"}
    # Encrypted: the dump's own signature (PGDMP) and the files' content are not readable.
    assert b"PGDMP" not in (path / "database.dump.age").read_bytes()[:1000]
    assert (path / "files.tar.age").read_bytes().startswith(b"age-encryption.org/v1")


def test_a_flipped_byte_is_refused(a_set, fresh_db, tmp_path, stores):
    piece = a_set / "database.dump.age"
    data = bytearray(piece.read_bytes())
    data[len(data) // 2] ^= 0x01
    piece.write_bytes(bytes(data))
    message = refused(a_set, fresh_db, tmp_path / "restored", stores.BACKUP_KEY)
    assert "database.dump.age: SHA-256 differs from the manifest" in message


def test_a_truncated_set_is_refused(a_set, fresh_db, tmp_path, stores):
    piece = a_set / "files.tar.age"
    piece.write_bytes(piece.read_bytes()[:-1000])
    message = refused(a_set, fresh_db, tmp_path / "restored", stores.BACKUP_KEY)
    assert "files.tar.age" in message and "truncated" in message


def test_a_cut_piece_with_a_manifest_to_match_fails_decryption(a_set, fresh_db, tmp_path, stores):
    # The manifest's checksums are not a signature: age's authenticated chunks catch what they miss.
    piece = a_set / "files.tar.age"
    piece.write_bytes(piece.read_bytes()[:-70000])
    manifest = json.loads((a_set / "manifest.json").read_text())
    manifest["pieces"]["files.tar.age"].update(size=piece.stat().st_size, sha256=sets.files.sha256_file(piece))
    (a_set / "manifest.json").write_text(json.dumps(manifest))
    message = refused(a_set, fresh_db, tmp_path / "restored", stores.BACKUP_KEY)
    assert "files.tar.age: decryption failed" in message


def test_a_missing_piece_or_manifest_is_refused(a_set, fresh_db, tmp_path, stores):
    (a_set / "database.dump.age").unlink()
    assert "missing" in refused(a_set, fresh_db, tmp_path / "restored", stores.BACKUP_KEY)
    (a_set / "manifest.json").write_text("{not json")
    assert "manifest.json is damaged" in refused(a_set, fresh_db, tmp_path / "restored", stores.BACKUP_KEY)


def test_the_wrong_key_is_refused(a_set, fresh_db, tmp_path):
    import pyrage

    other = str(pyrage.x25519.Identity.generate())
    assert "decryption failed" in refused(a_set, fresh_db, tmp_path / "restored", other)


def test_restore_refuses_a_database_that_is_not_empty(a_set, stores, tmp_path):
    before = database.inventory(connection.settings_dict)["row_counts"]
    stores.PRIVATE_MEDIA_ROOT = tmp_path / "empty-store"
    with pytest.raises(CommandError, match=r"REFUSED, nothing was written: database .* is not empty"):
        call_command("restore", str(a_set))
    assert database.inventory(connection.settings_dict)["row_counts"] == before
    assert not stores.PRIVATE_MEDIA_ROOT.exists()


def test_restore_refuses_a_file_store_that_is_not_empty(a_set, fresh_db, stores):
    before = sets.files.checksums(stores.PRIVATE_MEDIA_ROOT)
    with pytest.raises(sets.SetRefusedError, match="already holds 4 files"):
        sets.restore_set(a_set, fresh_db, stores.PRIVATE_MEDIA_ROOT, stores.BACKUP_KEY)
    assert sets.files.checksums(stores.PRIVATE_MEDIA_ROOT) == before
    assert database.our_tables(fresh_db) == []


def test_no_key_is_refused_where_unencrypted_sets_are_not_allowed(stores):
    stores.BACKUP_KEY = ""
    stores.BACKUP_ALLOW_UNENCRYPTED = False
    with pytest.raises(CommandError, match="BACKUP_KEY is empty"):
        call_command("backup")
    assert not sets.list_sets(stores.BACKUP_ROOT)


def test_no_key_in_development_writes_a_plain_set_with_a_warning(stores, capsys):
    stores.BACKUP_KEY = ""
    call_command("backup")
    assert "NOT encrypted" in capsys.readouterr().err
    (path,) = sets.list_sets(stores.BACKUP_ROOT).values()
    assert json.loads((path / "manifest.json").read_text())["encryption"] == "none"


def test_a_malformed_key_is_refused(stores):
    stores.BACKUP_KEY = "not-a-key"
    with pytest.raises(CommandError, match="not an age identity"):
        call_command("backup")


def test_rotation_deletes_old_sets(stores):
    for stamp in ("20250101T020000Z", "20261001T020000Z"):
        (stores.BACKUP_ROOT / f"opq-{stamp}").mkdir(parents=True)
    (stores.BACKUP_ROOT / ".partial-opq-20261204T000000Z-x").mkdir()  # a crashed run: not a set
    call_command("backup", stdout=open("/dev/null", "w"))  # noqa: SIM115
    names = {p.name for p in sets.list_sets(stores.BACKUP_ROOT).values()}
    assert "opq-20250101T020000Z" not in names  # older than BACKUP_RETENTION_DAYS
    assert len(names) == 1 or "opq-20261001T020000Z" in names


def test_restore_says_when_the_set_and_the_code_migrations_differ():
    from opq_intranet.core.management.commands.restore import migration_notes

    assert migration_notes({"bdsp": "9999_from_newer_code"})[0].startswith("WARNING: bdsp is at 9999_from_newer_code")
    assert migration_notes({"bdsp": "0001_initial"})[0].startswith("NOTE: bdsp is at 0001_initial")
    assert migration_notes({"not_an_app": "0001_initial"}) == []
