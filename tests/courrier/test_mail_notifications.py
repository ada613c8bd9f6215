"""Routing hands a mail item to someone through core's notify(); handling it clears the queue."""

from datetime import date

import pytest
from django.core import mail as outbox

from courrier.models import MailItem
from courrier.services import mail as services
from opq_intranet.core.choices import NotificationDelivery
from opq_intranet.core.models import Notification
from opq_intranet.core.notifications import open_notifications_for
from tests.courrier.factories import ContactFactory

pytestmark = pytest.mark.django_db


def registered(mail_clerk, **fields):
    values = {
        "direction": "incoming",
        "received_on": date(2026, 3, 2),
        "contact": ContactFactory(name="Ordre des conseillers et conseillères d'orientation"),
        "subject": "Demande d'avis sur l'inscription",
        "reply_due_on": date(2026, 3, 20),
    }
    values.update(fields)
    return services.mail_register(item=MailItem(**values), user=mail_clerk)


def route(item, user, unit, assignee=None, note=""):
    return services.mail_route(item=item, user=user, unit=unit, assignee=assignee, note=note)


def queue(person):
    return [(n.key, n.target) for n in open_notifications_for(person).items]


def test_the_assignee_gets_the_item_in_their_queue_and_by_email(
    mail_clerk, lawyer, legal, django_capture_on_commit_callbacks, settings
):
    settings.PORTAL_BASE_URL = "https://intranet.opq.example"
    item = registered(mail_clerk)
    with django_capture_on_commit_callbacks(execute=True):
        route(item, mail_clerk, legal, lawyer, note="Répondre d'ici vendredi")
    assert queue(lawyer) == [("courrier.mail_routed", item)]
    notification = Notification.objects.get(recipient=lawyer)
    assert notification.title == "Courrier qui vous est acheminé : E2026-00001"
    assert notification.url == item.get_absolute_url()
    [message] = outbox.outbox
    assert message.to == [lawyer.email] and message.subject == notification.title
    # Plain text: the apostrophes are not HTML entities.
    assert "(Demande d'avis sur l'inscription, de Ordre des conseillers et conseillères d'orientation)" in (
        message.body
    )
    assert "Répondre d'ici vendredi" in message.body
    assert f"https://intranet.opq.example{item.get_absolute_url()}" in message.body


def test_without_a_named_person_the_units_address_gets_the_email(mail_clerk, legal, django_capture_on_commit_callbacks):
    legal.email = "daj@opq.example"
    legal.save()
    item = registered(mail_clerk)
    with django_capture_on_commit_callbacks(execute=True):
        route(item, mail_clerk, legal)
    assert [m.to for m in outbox.outbox] == [["daj@opq.example"]]
    assert not Notification.objects.exists()  # nobody's queue


def test_rerouting_moves_the_item_from_one_queue_to_the_other(
    mail_clerk, lawyer, colleague, legal, django_capture_on_commit_callbacks
):
    item = registered(mail_clerk)
    route(item, mail_clerk, legal, lawyer)
    route(item, lawyer, legal, colleague, note="Tu connais le dossier")
    assert queue(lawyer) == []
    assert queue(colleague) == [("courrier.mail_routed", item)]


def test_taking_the_item_in_hand_clears_the_queue(mail_clerk, lawyer, legal):
    item = registered(mail_clerk)
    route(item, mail_clerk, legal, lawyer)
    services.mail_take(item=item, user=lawyer)
    assert queue(lawyer) == []
    assert Notification.objects.get(recipient=lawyer).done_at is not None


@pytest.mark.parametrize("ending", ["reply", "close"])
def test_answering_or_closing_the_item_clears_the_queue(mail_clerk, lawyer, legal, ending):
    item = registered(mail_clerk)
    route(item, mail_clerk, legal, lawyer)
    if ending == "reply":
        services.mail_reply(
            item=item, user=lawyer, reply=MailItem(sent_on=date(2026, 3, 10), channel="email", subject="Réponse")
        )
    else:
        services.mail_close(item=item, user=lawyer, closed_on=date(2026, 3, 11))
    assert queue(lawyer) == []


def test_a_person_who_chose_the_digest_gets_no_immediate_email(
    mail_clerk, lawyer, legal, django_capture_on_commit_callbacks
):
    lawyer.notification_delivery = NotificationDelivery.DIGEST
    lawyer.save()
    item = registered(mail_clerk)
    with django_capture_on_commit_callbacks(execute=True):
        route(item, mail_clerk, legal, lawyer)
    assert outbox.outbox == []  # not the unit's address either: the person is named
    assert queue(lawyer) == [("courrier.mail_routed", item)]
