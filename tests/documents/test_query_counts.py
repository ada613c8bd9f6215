"""Query counts of the records pages not measured elsewhere: each the same with 10 related rows
as with 100, and the one recorded in tests/querycounts/documents.json."""

import datetime

import pytest
from django.urls import reverse

from documents.choices import FileMedium
from documents.models import PaperLoan, Record
from tests.documents.factories import (
    BoxFactory,
    DispositionListFactory,
    LegalHoldFactory,
    PaperLoanFactory,
    RecordClassFactory,
    RecordFactory,
    RecordFileFactory,
    RecordVersionFactory,
    StorageSpaceFactory,
)
from tests.querycounts import up_to

pytestmark = pytest.mark.django_db


def files_of(litigation, count, **fields):
    return RecordFileFactory.create_batch(count, record_class=litigation, **fields)


def test_a_class_with_its_subclasses(make_client, records_manager, litigation, assert_constant_queries):
    make_rows = up_to(lambda count: RecordClassFactory.create_batch(count, parent=litigation))
    url = reverse("documents:class_detail", args=[litigation.pk])
    response = assert_constant_queries(
        "documents:class_detail", make_client(records_manager), url, make_rows, per_page=False
    )
    assert response.text.count("/documents/plan/") >= 100


def test_a_rule_with_the_classes_it_applies_to(make_client, records_manager, litigation, assert_constant_queries):
    """Its three copy rules (one per copy and medium, at most) are the litigation fixture's."""
    rule = litigation.retention_rule
    make_rows = up_to(lambda count: RecordClassFactory.create_batch(count, parent=litigation, retention_rule=rule))
    url = reverse("documents:rule_detail", args=[rule.pk])
    assert_constant_queries("documents:rule_detail", make_client(records_manager), url, make_rows, per_page=False)


def test_a_file_with_its_records_holds_and_loans(
    make_client, records_manager, lawyer, litigation, assert_constant_queries
):
    record_file = RecordFileFactory(record_class=litigation, medium=FileMedium.HYBRID)

    def related(count):
        for record in RecordFactory.create_batch(count, record_file=record_file):
            version = RecordVersionFactory(record=record, number=1)
            Record.objects.filter(pk=record.pk).update(current_version=version)
        for hold in LegalHoldFactory.create_batch(count, placed_by=records_manager):
            hold.files.add(record_file)
        PaperLoanFactory.create_batch(
            count,
            record_file=record_file,
            borrower=lawyer,
            lent_by=records_manager,
            returned_on=datetime.date(2026, 3, 20),
            returned_to=records_manager,
        )

    url = reverse("documents:file_detail", args=[record_file.pk])
    assert_constant_queries("documents:file_detail", make_client(records_manager), url, up_to(related), per_page=False)


def test_a_record_with_its_versions(make_client, records_manager, litigation, assert_constant_queries):
    record = RecordFactory(record_file=RecordFileFactory(record_class=litigation))
    numbers = iter(range(1, 1000))

    def versions(count):
        for _n in range(count):
            version = RecordVersionFactory(record=record, number=next(numbers))
        Record.objects.filter(pk=record.pk).update(current_version=version)

    url = reverse("documents:record_detail", args=[record.pk])
    assert_constant_queries(
        "documents:record_detail", make_client(records_manager), url, up_to(versions), per_page=False
    )


def test_a_disposition_list_with_its_files(make_client, records_manager, legal, litigation, assert_constant_queries):
    disposition_list = DispositionListFactory(org_unit=legal, created_by=records_manager)
    make_rows = up_to(lambda count: disposition_list.files.add(*files_of(litigation, count, org_unit=legal)))
    url = reverse("documents:disposition_detail", args=[disposition_list.pk])
    assert_constant_queries(
        "documents:disposition_detail", make_client(records_manager), url, make_rows, per_page=False
    )


def test_a_hold_with_its_files_and_classes(make_client, records_manager, litigation, assert_constant_queries):
    hold = LegalHoldFactory(placed_by=records_manager)

    def related(count):
        hold.files.add(*files_of(litigation, count))
        hold.classes.add(*RecordClassFactory.create_batch(count, parent=litigation))

    url = reverse("documents:hold_detail", args=[hold.pk])
    assert_constant_queries("documents:hold_detail", make_client(records_manager), url, up_to(related), per_page=False)


def test_a_space_with_its_boxes(make_client, records_manager, legal, assert_constant_queries):
    space = StorageSpaceFactory()
    make_rows = up_to(
        lambda count: BoxFactory.create_batch(count, storage_space=space, org_unit=legal, created_by=records_manager)
    )
    url = reverse("documents:space_detail", args=[space.pk])
    assert_constant_queries("documents:space_detail", make_client(records_manager), url, make_rows, per_page=False)


def test_a_box_with_its_files(make_client, records_manager, legal, litigation, assert_constant_queries):
    box = BoxFactory(org_unit=legal, created_by=records_manager)
    make_rows = up_to(lambda count: files_of(litigation, count, org_unit=legal, medium=FileMedium.PAPER, box=box))
    url = reverse("documents:box_detail", args=[box.pk])
    assert_constant_queries("documents:box_detail", make_client(records_manager), url, make_rows, per_page=False)


def test_a_loan_with_its_changes(make_client, records_manager, lawyer, litigation, assert_constant_queries):
    loan = PaperLoanFactory(
        record_file=RecordFileFactory(record_class=litigation, medium=FileMedium.PAPER),
        borrower=lawyer,
        lent_by=records_manager,
    )
    changes = iter(range(1, 1000))

    def extend(count):
        for _n in range(count):  # each change is a history entry (database triggers)
            day = next(changes)
            PaperLoan.objects.filter(pk=loan.pk).update(
                due_on=datetime.date(2026, 4, 1) + datetime.timedelta(days=day), extension_reason=f"Prolongation {day}"
            )

    url = reverse("documents:loan_detail", args=[loan.pk])
    assert_constant_queries("documents:loan_detail", make_client(records_manager), url, up_to(extend), per_page=False)
