"""Records management hands work on through core's notify(): disposition lists, overdue loans."""

import io
from datetime import date, timedelta

import pytest
from django.core import mail
from django.core.management import call_command
from django.test import TestCase

from documents import services
from documents.models import PaperLoan
from opq_intranet.accounts.roles import Role
from opq_intranet.core.models import OrgUnit
from opq_intranet.core.notifications import open_notifications_for
from tests.documents.factories import CopyRuleFactory, RecordClassFactory, RecordFileFactory, RetentionRuleFactory
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def queue(person):
    return [(n.key, n.target) for n in open_notifications_for(person).items]


@pytest.fixture
def colleague(legal):
    """Another person of the legal unit: its manager (the lawyer) validates its lists, not them."""
    return UserFactory(roles=[Role.STAFF], org_unit=legal)


@pytest.fixture
def memos(legal):
    """1 year active + 2 semi-active from closing, then destroyed."""
    rule = RetentionRuleFactory(number="1100", title="Notes de service")
    rule.holding_units.add(legal)
    CopyRuleFactory(rule=rule, medium="digital", active_period=1, semi_active_period=2, final_disposal="D")
    return RecordClassFactory(code="1102", title="Correspondance", retention_rule=rule)


@pytest.fixture
def due_list(lawyer, colleague, records_manager, legal, memos, django_capture_on_commit_callbacks):
    """A destruction list of the legal unit, just generated (its emails sent)."""
    for _n in range(2):
        record_file = RecordFileFactory(record_class=memos, opened_on=date(2019, 1, 10), medium="digital")
        services.file_close(record_file=record_file, user=lawyer, closed_on=date(2020, 6, 15))
    with django_capture_on_commit_callbacks(execute=True):
        return services.disposition_list_generate(
            kind="destruction", org_unit=legal, due_on=date(2024, 1, 1), user=records_manager
        )


def test_a_new_list_waits_for_its_units_validation(due_list, lawyer, colleague, outsider, records_manager):
    assert queue(lawyer) == [("documents.disposition_to_validate", due_list)]
    assert queue(colleague) == queue(outsider) == queue(records_manager) == []
    assert [m.to[0] for m in mail.outbox] == [lawyer.email]
    message = mail.outbox[0]
    assert message.subject == f"Liste de disposition à valider : {due_list.reference}"
    assert "2 dossiers" in message.body
    assert due_list.get_absolute_url() in message.body


def test_validated_goes_to_the_records_managers_and_approval_clears_it(
    due_list, lawyer, colleague, records_manager, django_capture_on_commit_callbacks
):
    second_manager = UserFactory(roles=[Role.STAFF, Role.RECORDS])
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        services.disposition_list_validate(disposition_list=due_list, user=lawyer)
    assert queue(lawyer) == queue(colleague) == []
    for person in (records_manager, second_manager):
        assert queue(person) == [("documents.disposition_to_approve", due_list)]
    assert sorted(m.to[0] for m in mail.outbox) == sorted([records_manager.email, second_manager.email])
    assert mail.outbox[0].subject == f"Liste de disposition à approuver : {due_list.reference}"
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        services.disposition_list_approve(disposition_list=due_list, user=records_manager)
    for person in (records_manager, second_manager):  # approved: it waits to be processed
        assert queue(person) == [("documents.disposition_to_process", due_list)]
    assert mail.outbox[0].subject == f"Liste de disposition à traiter : {due_list.reference}"
    services.disposition_list_cancel(disposition_list=due_list, user=records_manager)
    assert queue(records_manager) == queue(second_manager) == []


def test_cancelling_a_list_clears_every_queue(due_list, lawyer, records_manager):
    services.disposition_list_cancel(disposition_list=due_list, user=records_manager)
    assert queue(lawyer) == []


def test_a_unit_without_a_manager_has_the_records_manager_validate_and_its_mailbox_told(
    records_manager, memos, django_capture_on_commit_callbacks
):
    empty = OrgUnit.objects.create(code="vide", name="Direction sans personnel", email="vide@opq.example")
    memos.retention_rule.holding_units.add(empty)
    record_file = RecordFileFactory(record_class=memos, opened_on=date(2019, 1, 10), medium="digital", org_unit=empty)
    services.file_close(record_file=record_file, user=records_manager, closed_on=date(2020, 6, 15))
    with django_capture_on_commit_callbacks(execute=True):
        services.disposition_list_generate(
            kind="destruction", org_unit=empty, due_on=date(2024, 1, 1), user=records_manager
        )
    assert sorted(m.to[0] for m in mail.outbox) == sorted([records_manager.email, "vide@opq.example"])
    assert all("valide à la place de l’unité" in m.body for m in mail.outbox)


# --- Overdue loans ----------------------------------------------------------------------------


def test_an_overdue_loan_stays_in_the_borrowers_queue_until_it_is_returned(records_manager, litigation):
    borrower = UserFactory(roles=[Role.STAFF], email="emprunteuse@opq.example")
    due_on = date(2026, 6, 14)
    loan = PaperLoan.objects.create(
        record_file=RecordFileFactory(record_class=litigation, medium="paper", title="Dossier d'appel"),
        borrower=borrower,
        lent_by=records_manager,
        lent_on=due_on - timedelta(days=30),
        due_on=due_on,
    )
    with TestCase.captureOnCommitCallbacks(execute=True):
        call_command(
            "run_scheduled", "--only", "documents.loan_reminders", "--today", "2026-06-15", stdout=io.StringIO()
        )
    assert queue(borrower) == [("documents.loan_overdue", loan)]
    [message] = mail.outbox
    assert message.to == [borrower.email]
    assert "« Dossier d'appel »" in message.body  # plain text: no &#x27;
    # A week later, the reminder refreshes the same entry.
    with TestCase.captureOnCommitCallbacks(execute=True):
        call_command(
            "run_scheduled", "--only", "documents.loan_reminders", "--today", "2026-06-22", stdout=io.StringIO()
        )
    assert len(mail.outbox) == 2 and len(open_notifications_for(borrower).items) == 1
    services.loan_return(loan=loan, user=records_manager, returned_on=date(2026, 6, 23))
    assert queue(borrower) == []
