"""An item's dates: never in the future (received, sent, the letter's own date), and a
correction never moves an item to another year than its number's (E2026-… belongs to 2026)."""

from datetime import date, timedelta

import pytest
from django.contrib.messages import get_messages
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from courrier import services
from courrier.models import MailItem
from opq_intranet.core.models import NumberSequence
from tests.courrier.factories import ContactFactory

pytestmark = pytest.mark.django_db

TOMORROW = timezone.localdate() + timedelta(days=1)
FUTURE = "La date ne peut pas être postérieure à aujourd’hui."


def incoming(**fields):
    values = {
        "direction": "incoming",
        "received_on": date(2026, 3, 2),
        "contact": ContactFactory(),
        "subject": "Lettre",
    }
    return MailItem(**{**values, **fields})


@pytest.mark.parametrize(
    ("fields", "field"),
    [
        ({"received_on": TOMORROW}, "received_on"),
        ({"letter_date": TOMORROW}, "letter_date"),
        ({"direction": "outgoing", "received_on": None, "sent_on": TOMORROW}, "sent_on"),
    ],
)
def test_the_service_refuses_a_date_in_the_future_and_takes_no_number(mail_clerk, fields, field):
    with pytest.raises(ValidationError) as refused:
        services.mail_register(item=incoming(**fields), user=mail_clerk)
    assert refused.value.message_dict[field] == [FUTURE]
    assert not MailItem.objects.exists()
    assert not NumberSequence.objects.filter(series__startswith="courrier.").exists()


def test_a_reply_sent_in_the_future_is_refused(mail_clerk):
    item = services.mail_register(item=incoming(), user=mail_clerk)
    with pytest.raises(ValidationError) as refused:
        services.mail_reply(item=item, user=mail_clerk, reply=MailItem(sent_on=TOMORROW, subject="Réponse"))
    assert refused.value.message_dict["sent_on"] == [FUTURE]
    assert not MailItem.objects.filter(in_reply_to=item).exists()
    assert MailItem.objects.get(pk=item.pk).status == "registered"


def registration(**fields):
    data = {"direction": "incoming", "received_on": "2026-03-02", "channel": "post", "mail_type": "letter",
            "confidentiality": "internal", "new_contact_name": "Jeanne Bouchard", "subject": "Lettre"}  # fmt: skip
    return {**data, **fields}


def test_the_registration_form_refuses_a_future_receipt_date_in_french(make_client, mail_clerk):
    response = make_client(mail_clerk).post(
        reverse("courrier:item_register"), registration(received_on=TOMORROW.isoformat())
    )
    assert response.status_code == 422
    assert response.context["form"].errors["received_on"] == [FUTURE]
    assert FUTURE in response.text
    assert not MailItem.objects.exists()


def correction(item, **fields):
    data = {"received_on": item.received_on.isoformat(), "channel": item.channel, "contact": item.contact_id,
            "subject": item.subject, "mail_type": item.mail_type, "confidentiality": item.confidentiality}  # fmt: skip
    return {**data, **fields}


def test_a_correction_says_its_changes_are_saved(make_client, mail_clerk):
    item = services.mail_register(item=incoming(), user=mail_clerk)
    client = make_client(mail_clerk)
    response = client.post(reverse("courrier:item_edit", args=[item.pk]), correction(item, subject="Lettre corrigée"))
    assert response.status_code == 302
    assert [str(m) for m in get_messages(response.wsgi_request)] == [
        f"Les modifications de {item.reference} sont enregistrées."
    ]


def test_a_correction_into_the_future_is_refused(make_client, mail_clerk):
    item = services.mail_register(item=incoming(), user=mail_clerk)
    response = make_client(mail_clerk).post(
        reverse("courrier:item_edit", args=[item.pk]), correction(item, received_on=TOMORROW.isoformat())
    )
    assert response.status_code == 422
    assert response.context["form"].errors["received_on"] == [FUTURE]
    assert MailItem.objects.get(pk=item.pk).received_on == date(2026, 3, 2)


def test_a_correction_keeps_the_item_in_its_numbers_year(make_client, mail_clerk):
    item = services.mail_register(item=incoming(), user=mail_clerk)
    assert item.reference == "E2026-00001"
    # Within the year: corrected, the number stays.
    moved = MailItem.objects.get(pk=item.pk)
    moved.received_on = date(2026, 1, 5)
    assert services.mail_update(item=moved, user=mail_clerk).reference == "E2026-00001"
    # Into another year: refused, with the reason, and nothing changes.
    other_year = MailItem.objects.get(pk=item.pk)
    other_year.received_on = date(2025, 12, 31)
    with pytest.raises(ValidationError) as refused:
        services.mail_update(item=other_year, user=mail_clerk)
    message = (
        "Le numéro E2026-00001 appartient à l’année 2026 : la date de réception reste en 2026. "
        "Si l’élément date d’une autre année, enregistrez-le de nouveau et fermez celui-ci."
    )
    assert refused.value.message_dict["received_on"] == [message]
    response = make_client(mail_clerk).post(
        reverse("courrier:item_edit", args=[item.pk]), correction(item, received_on="2025-12-31", subject="Autre")
    )
    assert response.status_code == 422 and response.context["form"].errors["received_on"] == [message]
    saved = MailItem.objects.get(pk=item.pk)
    assert (saved.reference, saved.received_on, saved.subject) == ("E2026-00001", date(2026, 1, 5), "Lettre")


def test_an_outgoing_items_sent_date_stays_in_its_numbers_year(mail_clerk):
    sent = services.mail_register(
        item=MailItem(direction="outgoing", sent_on=date(2026, 1, 2), contact=ContactFactory(), subject="Lettre"),
        user=mail_clerk,
    )
    sent.sent_on = date(2025, 12, 30)
    with pytest.raises(ValidationError) as refused:
        services.mail_update(item=sent, user=mail_clerk)
    assert "la date d’envoi reste en 2026" in refused.value.message_dict["sent_on"][0]
    assert MailItem.objects.get(pk=sent.pk).sent_on == date(2026, 1, 2)
