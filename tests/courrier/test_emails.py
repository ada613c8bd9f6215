"""Every email the mail app sends is plain text: an apostrophe, quotes, an ampersand or angle
brackets in a subject, a contact's or a person's name reach the reader as typed, never as
HTML entities (l'inscription, not l&#x27;inscription). Each kind of email is sent here through
the code that sends it: core's notify() (routing) or core's render_plain (mandate reminders)."""

import re
from datetime import date
from pathlib import Path

import pytest
from django.core import mail as outbox

import courrier
from courrier import reminders
from courrier.models import MailItem
from courrier.services import mail as services
from opq_intranet.accounts.roles import Role
from opq_intranet.core.choices import NotificationDelivery
from opq_intranet.core.notifications import send_digests
from tests.courrier.factories import ContactFactory, MandateFactory
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

SUBJECT = "L'avis \"urgent\" <sur> l'inscription & la formation"
CONTACT = 'Ordre des conseillers d\'orientation « OCCOQ » "Québec"'
NOTE = 'Répondre d\'ici vendredi, "sans faute" & avec copie'
ENTITIES = re.compile(r"&(#x?[0-9a-fA-F]+|quot|amp|lt|gt|apos);")
EMAIL_TEMPLATES = Path(courrier.__file__).parent / "templates" / "courrier" / "email"
# Each template of courrier/templates/courrier/email/, and the test that sends it.
COVERED = {
    "routed.txt": "test_a_routed_item_reaches_its_person_as_typed",
    "routed_subject.txt": "test_a_routed_item_reaches_its_person_as_typed",
    "mandate_reminder.txt": "test_each_mandate_reminder_reaches_the_lead_as_typed",
    "mandate_reminder_subject.txt": "test_each_mandate_reminder_reaches_the_lead_as_typed",
}


def plain(message):
    """The email's subject and body hold no HTML entity."""
    for text in (message.subject, message.body):
        assert not ENTITIES.search(text), text
    return message


def registered(mail_clerk, **fields):
    values = {
        "direction": "incoming",
        "received_on": date(2026, 3, 2),
        "contact": ContactFactory(name=CONTACT),
        "subject": SUBJECT,
        "reply_due_on": date(2026, 3, 20),
    }
    return services.mail_register(item=MailItem(**{**values, **fields}), user=mail_clerk)


def test_every_email_template_is_sent_by_a_test_here():
    assert {path.name for path in EMAIL_TEMPLATES.glob("*.txt")} == set(COVERED)


def test_the_app_sends_email_only_through_core_plain_text_rendering():
    """No module renders an email with the HTML-escaping loader (render_to_string) or sends
    one itself, except the reminders, which render with core's render_plain."""
    for path in Path(courrier.__file__).parent.rglob("*.py"):
        source = path.read_text()
        if "EmailMessage" in source or "send_mail" in source:
            assert path.name == "reminders.py", path
            assert "render_plain(" in source and "render_to_string" not in source


def test_a_routed_item_reaches_its_person_as_typed(mail_clerk, lawyer, legal, django_capture_on_commit_callbacks):
    item = registered(mail_clerk)
    with django_capture_on_commit_callbacks(execute=True):
        services.mail_route(item=item, user=mail_clerk, unit=legal, assignee=lawyer, note=NOTE)
    [message] = outbox.outbox
    plain(message)
    assert message.to == [lawyer.email]
    assert message.subject == f"Courrier qui vous est acheminé : {item.reference}"
    assert f"({SUBJECT}, de {CONTACT})" in message.body
    assert f"Directives : {NOTE}" in message.body


def test_a_routed_item_reaches_the_units_address_as_typed(mail_clerk, legal, django_capture_on_commit_callbacks):
    legal.email = "daj@opq.example"
    legal.save()
    item = registered(mail_clerk)
    with django_capture_on_commit_callbacks(execute=True):
        services.mail_route(item=item, user=mail_clerk, unit=legal, note=NOTE)
    [message] = outbox.outbox
    assert plain(message).to == ["daj@opq.example"]
    assert SUBJECT in message.body and CONTACT in message.body and NOTE in message.body


def test_a_confidential_item_reaches_its_person_without_its_subject(
    mail_clerk, lawyer, legal, django_capture_on_commit_callbacks
):
    item = registered(mail_clerk, confidentiality="confidential")
    with django_capture_on_commit_callbacks(execute=True):
        services.mail_route(item=item, user=mail_clerk, unit=legal, assignee=lawyer, note=NOTE)
    [message] = outbox.outbox
    plain(message)
    assert SUBJECT not in message.body and "confidentiel" in message.body and NOTE in message.body


def test_a_routed_item_in_the_daily_digest_reads_as_typed(mail_clerk, legal, django_capture_on_commit_callbacks):
    """The digest (core's) lists the routed item's title; the person's name has an apostrophe."""
    person = UserFactory(first_name="Renée", last_name="O'Brien", org_unit=legal, roles=[Role.STAFF])
    person.notification_delivery = NotificationDelivery.DIGEST
    person.save()
    item = registered(mail_clerk)
    with django_capture_on_commit_callbacks(execute=True):
        services.mail_route(item=item, user=mail_clerk, unit=legal, assignee=person, note=NOTE)
    assert outbox.outbox == []
    send_digests(date(2026, 3, 3), lambda line: None)
    [digest] = outbox.outbox
    plain(digest)
    assert f"Courrier qui vous est acheminé : {item.reference}" in digest.body


@pytest.mark.parametrize(
    ("day", "subject"),
    [
        (date(2026, 3, 12), "Rappel : mandat M2026-00120 à rendre le 2026-03-16"),
        (date(2026, 3, 16), "Échéance aujourd’hui : mandat M2026-00120"),
        (date(2026, 3, 18), "En retard : mandat M2026-00120"),
    ],
)
def test_each_mandate_reminder_reaches_the_lead_as_typed(lawyer, day, subject):
    lawyer.first_name, lawyer.last_name = "Renée", "O'Brien"
    lawyer.save()
    MandateFactory(reference="M2026-00120", lead=lawyer, due_on=date(2026, 3, 16), title=SUBJECT)
    outbox.outbox.clear()
    reminders.send_reminders(day, lambda line: None)
    [message] = outbox.outbox
    plain(message)
    assert message.subject == subject
    assert f"M2026-00120 ({SUBJECT})" in message.body and "Renée O'Brien" in message.body
