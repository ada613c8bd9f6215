"""Reminders at J-30, J-7 and once overdue; each sent once; never for submitted returns."""

import io
from datetime import date

import pytest
from django.core import mail
from django.core.management import call_command

from bdsp import services
from bdsp.models import AnnualReturn
from bdsp.reminders import stage_due
from opq_intranet.core.choices import NotificationDelivery
from opq_intranet.core.notifications import open_notifications_for

pytestmark = pytest.mark.django_db


@pytest.fixture
def due_return(draft_return, filer):
    # General meeting 4 June 2026: due 20 July 2026 (45 days, moved from Sunday 19 July).
    return services.return_save_general(
        annual_return=draft_return, user=filer, fiscal_year_end=date(2026, 3, 31), general_meeting_date=date(2026, 6, 4)
    )


@pytest.mark.parametrize(
    ("today", "stage"),
    [
        (date(2026, 6, 19), None),  # 31 days before
        (date(2026, 6, 20), "j30"),
        (date(2026, 7, 12), "j30"),
        (date(2026, 7, 13), "j7"),
        (date(2026, 7, 20), "j7"),  # the due date itself
        (date(2026, 7, 21), "late"),
    ],
)
def test_stage_by_date(due_return, today, stage):
    assert stage_due(due_return, today) == stage


@pytest.fixture
def run(django_capture_on_commit_callbacks):
    """The daily job on `today`; its emails leave once its work is committed (core's notify)."""

    def run_on(today):
        with django_capture_on_commit_callbacks(execute=True):
            call_command("run_scheduled", "--only", "bdsp.reminders", "--today", today, stdout=io.StringIO())

    return run_on


def test_each_reminder_is_sent_once_to_the_declarants(due_return, filer, reader, run):
    run("2026-06-20")
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == [filer.email]  # the reader is not asked to file
    assert "2025" in mail.outbox[0].subject and "Rappel" in mail.outbox[0].subject
    assert f"/portail/declarations/{due_return.pk}/" in mail.outbox[0].body
    run("2026-06-21")
    assert len(mail.outbox) == 1
    run("2026-07-13")
    run("2026-07-21")
    assert len(mail.outbox) == 3
    assert "En retard" in mail.outbox[2].subject
    assert AnnualReturn.objects.get(pk=due_return.pk).last_reminder_sent == "late"


def test_a_late_start_sends_only_the_latest_reminder(due_return, run):
    run("2026-07-25")
    assert len(mail.outbox) == 1
    assert "En retard" in mail.outbox[0].subject


def test_no_reminder_once_submitted(due_return, filer, clean_entries, run):
    services.return_save_values(annual_return=due_return, user=filer, entries=clean_entries)
    services.return_submit(annual_return=due_return, user=filer, attestation="Julie Pelletier")
    run("2026-07-25")
    assert mail.outbox == []


def test_no_reminder_without_a_due_date(draft_return, run):
    run("2026-07-25")
    assert mail.outbox == []


def test_a_reminder_waits_in_the_declarants_queue_until_submission_and_reads_as_plain_text(
    due_return, filer, reader, clean_entries, run
):
    order = due_return.professional_order
    order.name = "Ordre des infirmières et infirmiers auxiliaires d'essai"
    order.save()
    run("2026-06-20")
    [message] = mail.outbox
    assert "d'essai" in message.body and "&#x27;" not in message.body  # plain text, not HTML-escaped
    assert [(n.key, n.target) for n in open_notifications_for(filer).items] == [("bdsp.return_reminder", due_return)]
    assert open_notifications_for(reader).items == []  # a reader does not file
    services.return_save_values(annual_return=due_return, user=filer, entries=clean_entries)
    services.return_submit(annual_return=due_return, user=filer, attestation="Julie Pelletier")
    assert [n.key for n in open_notifications_for(filer).items] == []


def test_a_declarant_who_chose_the_digest_gets_the_reminder_in_it_not_at_once(due_return, filer, run):
    filer.notification_delivery = NotificationDelivery.DIGEST
    filer.save()
    run("2026-06-20")
    assert mail.outbox == []
    assert open_notifications_for(filer).total == 1
