"""The restore drill: data in every app and private files, backed up, restored into a fresh
database and file store, and nothing lost (row count of every table, SHA-256 of every file)."""

import time

import pytest
from django.core.management import call_command
from django.db import connection

from opq_intranet.core.backups import database, files
from opq_intranet.core.backups.drill import run_drill
from tests.reference_data import ensure_reference_data

from .conftest import put_files

# Demo generators of every app but the two slow ones (bdsp.returns ~60 s, discipline.history
# ~13 s at demo scale); BDSP gets a year's form and a return through its services instead.
GENERATORS = (
    "core.accounts,administrateurs.candidates,administrateurs.boards,discipline.cases,documents.plan,"
    "documents.records,courrier.mail,inventaire.assets,documents.paper,documents.exchange"
)


def seed_every_app():
    from bdsp import services
    from opq_intranet.accounts.roles import Role
    from tests.factories import PartnerFactory, UserFactory, order

    ensure_reference_data()
    call_command("seed_demo", scale="demo", only=GENERATORS, stdout=open("/dev/null", "w"))  # noqa: SIM115
    analyst = UserFactory(roles=[Role.STAFF, Role.BDSP_ANALYST])
    filer = PartnerFactory(roles=[Role.ORDER_DECLARANT], professional_order=order("infirmieres"))
    year = services.form_open(reporting_year=services.form_create_from_regulation(year=2025), user=analyst)
    services.return_start(order=filer.professional_order, reporting_year=year, user=filer)


APPS_TABLE_PREFIXES = ("accounts_", "core_", "bdsp_", "discipline_", "administrateurs_", "documents_", "courrier_")


@pytest.mark.django_db(transaction=True)  # pg_dump must see the seeded rows: committed
def test_restore_drill_nothing_lost(stores, capsys):
    started = time.monotonic()
    seed_every_app()
    put_files(stores.PRIVATE_MEDIA_ROOT)
    seeded = time.monotonic()
    source = connection.settings_dict
    counts = database.inventory(source)["row_counts"]
    for prefix in (*APPS_TABLE_PREFIXES, "inventaire_"):
        assert any(n for t, n in counts.items() if t.startswith(prefix)), f"no data seeded in {prefix}*"
    stored = files.checksums(stores.PRIVATE_MEDIA_ROOT)
    assert len(stored) >= 4

    report = run_drill(source, stores.PRIVATE_MEDIA_ROOT, stores.BACKUP_KEY)

    assert report.restore.differences == []
    assert report.lost == []
    assert report.ok
    manifest = report.backup.manifest
    assert manifest["encryption"] == "age-x25519"
    assert manifest["row_counts"] == counts
    assert manifest["files"] == stored
    assert manifest["migrations"]["bdsp"].startswith("00")
    with capsys.disabled():
        print(
            f"\n  restore drill: {len(counts)} tables, {sum(counts.values())} rows, {len(stored)} files; "
            f"seed {seeded - started:.1f} s, backup {report.backup.seconds:.1f} s ({report.backup.size} bytes), "
            f"restore+verify {report.restore.seconds:.1f} s, drill {report.seconds:.1f} s"
        )


@pytest.mark.django_db  # what is committed (at least the migrations' rows) is what it backs up
def test_restore_drill_command(stores, capsys):
    put_files(stores.PRIVATE_MEDIA_ROOT)
    call_command("restore_drill")
    out = capsys.readouterr().out
    assert "Restore drill passed" in out
    assert "nothing lost" in out
