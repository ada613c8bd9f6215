"""The demo plan: realistic in size and shape, every class under a rule, every rule complete."""

from datetime import date

import pytest

from documents import selectors
from documents.models import CopyRule, RecordClass, RetentionRule
from documents.retention import FileDates, schedule_for_file
from documents.seed import generate_plan as generate

pytestmark = pytest.mark.django_db


def test_the_plan_has_its_size_and_every_class_takes_a_rule():
    generate("demo", log=lambda message: None)
    assert RecordClass.objects.count() > 500
    assert RetentionRule.objects.count() > 100
    items = selectors.plan_tree()
    roots = [i for i in items if i.record_class.depth == 0]
    assert all(i.rule_number for i in items if i.record_class.depth > 0)
    assert all(not i.rule_number for i in roots)
    generate("demo", log=lambda message: None)  # a second run adds nothing
    assert RecordClass.objects.count() == len(items)


def test_every_rule_gives_dates_for_both_media_and_both_copies():
    generate("demo", log=lambda message: None)
    closed = FileDates(opened_on=date(2015, 1, 10), closed_on=date(2020, 6, 15), event_on=date(2024, 2, 1))
    by_rule = {}
    for copy in CopyRule.objects.all():
        by_rule.setdefault(copy.rule_id, []).append(copy)
    for copies in by_rule.values():
        for kind in ("principal", "secondary"):
            for medium in ("paper", "digital", "hybrid"):
                schedule = schedule_for_file(copies, copy_kind=kind, medium=medium, dates=closed)
                assert schedule.disposal_on is not None, (copies[0].rule.number, kind, medium)


def test_classes_and_rules_are_found_by_the_global_search(make_client, staff_user):
    generate("demo", log=lambda message: None)
    response = make_client(staff_user).get("/recherche/groupe/documents.classes/?q=procès-verbaux")
    assert "Procès-verbaux et comptes rendus" in response.text


@pytest.fixture
def seeded_people(db):
    from opq_intranet.core.seed import generate as accounts

    accounts("demo", log=lambda message: None)
    generate("demo", log=lambda message: None)


def test_the_demo_files_are_filed_through_the_services_and_found_by_their_text(seeded_people, make_client):
    from documents.models import Record, RecordFile
    from documents.seed import records as seed_records
    from opq_intranet.accounts.models import User

    seed_records.generate("demo", log=lambda message: None)
    assert RecordFile.objects.count() == len(seed_records.DEMO_FILES)
    digital = Record.objects.filter(medium="digital")
    assert digital.exists() and not digital.filter(current_version__isnull=True).exists()
    assert all(r.current_version.text for r in digital.select_related("current_version"))
    assert selectors.due_for_disposal(date(2026, 11, 25)).exists()  # something to put on a list
    held = RecordFile.objects.get(title=seed_records.HELD_FILE_TITLE)
    assert selectors.held_files(RecordFile.objects.all()).get() == held
    manager = User.objects.get(username=seed_records.RECORDS_MANAGER)
    response = make_client(manager).get("/documents/recherche/", {"q": "syndic"})
    assert response.context["hits"]
    seed_records.generate("demo", log=lambda message: None)  # a second run adds nothing
    assert RecordFile.objects.count() == len(seed_records.DEMO_FILES)


def test_the_full_scale_path_loads_files_and_records_in_bulk(seeded_people, monkeypatch):
    """The bulk path with small numbers: the same SQL, batches and trigger handling."""
    from django.contrib.postgres.search import SearchQuery

    from documents.models import Record, RecordFile
    from documents.seed import records as seed_records

    monkeypatch.setattr(seed_records, "FULL_FILES", 300)
    monkeypatch.setattr(seed_records, "FULL_RECORDS", 1_000)
    monkeypatch.setattr(seed_records, "RECORDS_PER_BATCH", 400)
    seed_records.generate("full", log=lambda message: None)
    assert RecordFile.objects.count() == 300
    assert Record.objects.count() == 1_000
    records = Record.objects.filter(medium="digital")
    assert records.count() > 600 and not records.filter(current_version__isnull=True).exists()
    assert Record.objects.filter(search_vector=SearchQuery("syndic", config="opq_french")).exists()
    new = Record.objects.create(
        record_file=RecordFile.objects.first(), title="Après", created_by_id=records[0].created_by_id
    )
    assert new.pk == Record.objects.order_by("-pk").values_list("pk", flat=True)[0]  # the sequence follows
    seed_records.generate("full", log=lambda message: None)  # complete: adds nothing
    assert Record.objects.count() == 1_001
