"""The inventory's work in people's queues: a hand-over waits on Mon travail until it is
acknowledged; the yearly confirmation is asked once of each holder who owes it, and leaves
the queue when nothing of theirs is due any more."""

from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone

from inventaire import confirmations, services
from inventaire.services.assignments import HANDOVER_KEY
from opq_intranet.core.models import Notification

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate()


def open_for(person, key):
    return Notification.objects.filter(recipient=person, key=key, done_at__isnull=True)


def test_a_hand_over_waits_in_the_holders_queue_until_acknowledged(
    django_capture_on_commit_callbacks, technician, holder, laptop, chair
):
    with django_capture_on_commit_callbacks(execute=True):
        handover = services.check_out(assets=[laptop, chair], user=technician, on=TODAY, holder=holder)
    assert open_for(holder, HANDOVER_KEY).count() == 1
    assert any(laptop.tag in message.body and chair.tag in message.body for message in mail.outbox)
    services.handover_acknowledge(handover=handover, user=holder)
    assert not open_for(holder, HANDOVER_KEY).exists()


def test_a_check_out_to_a_room_asks_nobody(technician, laptop, other_room):
    services.check_out(assets=[laptop], user=technician, on=TODAY, location=other_room)
    assert not Notification.objects.exists()


def test_the_yearly_confirmation_is_asked_once_and_leaves_the_queue(technician, holder, other_holder, laptop, chair):
    services.check_out(assets=[laptop], user=technician, on=TODAY - timedelta(days=365), holder=holder)
    services.check_out(assets=[chair], user=technician, on=TODAY - timedelta(days=364), holder=other_holder)
    assert confirmations.send_confirmation_reminders(TODAY, print) == "1 yearly confirmations asked"
    assert open_for(holder, confirmations.KEY).count() == 1 and not open_for(other_holder, confirmations.KEY).exists()
    confirmations.send_confirmation_reminders(TODAY, print)
    assert Notification.objects.filter(key=confirmations.KEY).count() == 1  # the same entry, not a second
    services.holdings_confirm(user=holder, assignment_ids=[laptop.assignments.get().pk])
    assert not open_for(holder, confirmations.KEY).exists()


def test_the_jobs_are_registered():
    from opq_intranet.core.registry.schedule import jobs

    keys = {job.key for job in jobs()}
    assert {"inventaire.licences_expiring", "inventaire.holdings_confirmation_due"} <= keys
