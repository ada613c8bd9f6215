"""Backup tests: a file store and a backup root of their own, a fresh database when needed."""

import os

import pyrage
import pytest
from django.db import connection

from opq_intranet.core.backups import database


@pytest.fixture
def stores(tmp_path, settings):
    settings.PRIVATE_MEDIA_ROOT = settings.MEDIA_ROOT = tmp_path / "private"
    settings.BACKUP_ROOT = tmp_path / "backups"
    settings.BACKUP_KEY = str(pyrage.x25519.Identity.generate())
    settings.PRIVATE_MEDIA_ROOT.mkdir()
    return settings


def put_files(root):
    """A few private files: nested folders, a name with accents and spaces, binary, empty, 1 MiB."""
    files = {
        "2026/11/0b8f4c1e-1111-4a5e-9e0e-000000000001": os.urandom(3000),
        "2026/12/0b8f4c1e-2222-4a5e-9e0e-000000000002": b"%PDF-1.7\n" + os.urandom(1 << 20),
        "uploads/partiel vide.bin": b"",
        "échanges/procès-verbal du 3 décembre.pdf": "Procès-verbal — séance".encode(),
    }
    for name, content in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content)
    return files


@pytest.fixture(scope="module")
def fresh_db(django_db_setup):
    """An empty database next to the test database, unique per xdist worker; dropped after the
    module (a drop forces a checkpoint: seconds on a busy server, so once)."""
    source = connection.settings_dict
    name = f"{source['NAME']}_restore_{os.getpid()}"[:63]
    database.drop_database(source, name)
    database.create_database(source, name)
    yield {**source, "NAME": name}
    database.drop_database(source, name)
