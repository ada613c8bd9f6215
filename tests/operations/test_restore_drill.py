"""The restore drill: data in every app and private files, backed up, restored into a fresh
database and file store, and nothing lost (row count of every table, SHA-256 of every file)."""

import time

import pytest
from django.core.management import call_command
from django.db import connection

from opq_intranet.core.backups import database, files, sets
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


APPS_TABLE_PREFIXES = (
    *("accounts_", "core_", "bdsp_", "discipline_", "administrateurs_", "documents_", "courrier_", "inventaire_"),
)


@pytest.mark.django_db(transaction=True)  # pg_dump must see the seeded rows: committed
def test_restore_drill_nothing_lost(stores, capsys):
    started = time.monotonic()
    seed_every_app()
    put_files(stores.PRIVATE_MEDIA_ROOT)
    seeded = time.monotonic()
    source = connection.settings_dict
    counts = database.inventory(source)["row_counts"]
    for prefix in APPS_TABLE_PREFIXES:
        assert any(n for t, n in counts.items() if t.startswith(prefix)), f"no data seeded in {prefix}*"
    stored = files.checksums(stores.PRIVATE_MEDIA_ROOT)
    assert len(stored) >= 4

    # `make restore-drill` itself; --keep-set leaves the set in BACKUP_ROOT to inspect.
    call_command("restore_drill", "--keep-set")

    out = capsys.readouterr().out
    assert "Restore drill passed" in out and "nothing lost" in out
    (set_dir,) = sets.list_sets(stores.BACKUP_ROOT).values()
    manifest = sets.read_manifest(set_dir)
    assert manifest["encryption"] == "age-x25519"
    assert manifest["row_counts"] == counts
    assert manifest["files"] == stored
    assert manifest["migrations"]["bdsp"].startswith("00")
    # The command compared the restored copy with the source itself (not only the manifest).
    assert files.checksums(stores.PRIVATE_MEDIA_ROOT) == stored
    with capsys.disabled():
        print(
            f"\n  restore drill: {len(counts)} tables, {sum(counts.values())} rows, {len(stored)} files; "
            f"seed {seeded - started:.1f} s; {out.strip().splitlines()[0]}"
        )
