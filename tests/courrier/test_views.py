"""The mail pages for each kind of user, bad input, query counts."""

from datetime import date

import pytest
from django.urls import reverse

from courrier import services
from courrier.models import Contact, MailItem
from opq_intranet.core.models import ConfidentialAccess
from tests.courrier.factories import ContactFactory, MailItemFactory
from tests.documents.samples import pdf_bytes, upload
from tests.querycounts import up_to

pytestmark = pytest.mark.django_db


def register(clerk, **fields):
    values = {
        "direction": "incoming",
        "received_on": date(2026, 3, 2),
        "contact": ContactFactory(),
        "subject": "Lettre",
    }
    values.update(fields)
    return services.mail_register(item=MailItem(**values), user=clerk)


def test_the_mail_room_registers_an_item_with_a_new_sender_and_its_scan(make_client, mail_clerk):
    client = make_client(mail_clerk)
    assert client.get(reverse("courrier:item_register")).status_code == 200
    data = {
        "direction": "incoming",
        "received_on": "2026-03-02",
        "channel": "post",
        "new_contact_name": "Jeanne Bouchard",
        "new_contact_organisation": "Cabinet Bouchard avocats",
        "subject": "Demande d'accès au rapport d'inspection",
        "mail_type": "access_request",
        "confidentiality": "personal",
        "attachments": [upload("scan.pdf", pdf_bytes("Je demande une copie du rapport d'inspection."))],
    }
    response = client.post(reverse("courrier:item_register"), data)
    item = MailItem.objects.get()
    assert response["Location"] == item.get_absolute_url()
    assert item.reference == "E2026-00001" and str(item.contact) == "Jeanne Bouchard (Cabinet Bouchard avocats)"
    assert "Je demande une copie du rapport d'inspection." in item.attachments.get().text


def test_bad_registration_input_is_refused_in_french_and_saves_nothing(make_client, mail_clerk):
    response = make_client(mail_clerk).post(
        reverse("courrier:item_register"),
        {
            "direction": "incoming",
            "channel": "post",
            "subject": "",
            "mail_type": "letter",
            "confidentiality": "internal",
        },
    )
    assert response.status_code == 422
    errors = response.context["form"].errors
    assert (
        "Choisissez l’expéditeur ou le destinataire, ou saisissez un nouveau contact." in errors["contact"][0] or errors
    )
    assert "received_on" in errors and "subject" in errors
    assert not MailItem.objects.exists() and not Contact.objects.exists()


@pytest.mark.parametrize(
    ("person", "status"),
    [("anonymous", 302), ("staff_without_role", 403), ("partner_user", 403), ("other_partner_user", 403)],
)
def test_outsiders_never_reach_the_registry(request, make_client, mail_clerk, person, status):
    item = register(mail_clerk)
    client = make_client() if person == "anonymous" else make_client(request.getfixturevalue(person))
    for url in (reverse("courrier:item_list"), item.get_absolute_url(), reverse("courrier:contact_list")):
        assert client.get(url).status_code == status


def test_staff_see_internal_items_and_only_their_units_confidential_ones(
    make_client, mail_clerk, lawyer, outsider, legal
):
    secret = register(mail_clerk, confidentiality="confidential")
    services.mail_route(item=secret, user=mail_clerk, unit=legal, assignee=lawyer)
    internal = register(mail_clerk)
    assert make_client(outsider).get(secret.get_absolute_url()).status_code == 404
    assert make_client(outsider).get(internal.get_absolute_url()).status_code == 200
    assert make_client(lawyer).get(secret.get_absolute_url()).status_code == 200
    logged = ConfidentialAccess.objects.filter(user=lawyer, object_id=str(secret.pk))
    assert logged.count() == 1  # each view of a confidential item is logged
    listed = make_client(outsider).get(reverse("courrier:item_list")).context["page"].object_list
    assert [i.pk for i in listed] == [internal.pk]


def test_registering_is_for_the_mail_room(make_client, lawyer):
    assert make_client(lawyer).get(reverse("courrier:item_register")).status_code == 403


def test_routing_and_replying_through_the_item_page(make_client, mail_clerk, lawyer, legal):
    item = register(mail_clerk)
    clerk = make_client(mail_clerk)
    response = clerk.post(reverse("courrier:item_route", args=[item.pk]), {"unit": legal.pk, "assignee": lawyer.pk})
    assert response.status_code == 302
    page = make_client(lawyer).get(item.get_absolute_url())
    assert page.context["can_take"]
    bad = make_client(lawyer).post(reverse("courrier:item_reply", args=[item.pk]), {"subject": "Réponse"})
    assert bad.status_code == 422 and "sent_on" in bad.context["reply_form"].errors
    response = make_client(lawyer).post(
        reverse("courrier:item_reply", args=[item.pk]),
        {"sent_on": "2026-03-10", "channel": "post", "subject": "Réponse"},
    )
    assert response.status_code == 302
    item.refresh_from_db()
    assert item.status == "answered" and item.replies.get().reference == "S2026-00001"


def test_the_contact_search_box_finds_contacts(make_client, mail_clerk):
    ContactFactory(name="Ordre des dentistes du Québec", kind="organisation")
    ContactFactory(name="Paul Gagnon")
    response = make_client(mail_clerk).get(reverse("courrier:contact_options"), {"contact_search": "dentiste"})
    assert [c.name for c in response.context["contacts"]] == ["Ordre des dentistes du Québec"]


def test_access_pages_are_for_the_person_responsible(make_client, mail_clerk, lawyer):
    item = register(mail_clerk, mail_type="access_request")
    access_request = services.access_request_open(mail_item=item, user=mail_clerk, documents_requested="x")
    assert make_client(mail_clerk).get(access_request.get_absolute_url()).status_code == 200
    assert make_client(lawyer).get(access_request.get_absolute_url()).status_code == 403
    assert make_client(lawyer).get(reverse("courrier:access_list")).status_code == 403
    assert make_client(mail_clerk).get(reverse("courrier:access_report"), {"year": 2026}).status_code == 200
    export = make_client(mail_clerk).get(reverse("courrier:access_report"), {"year": 2026, "export": "csv"})
    assert export.status_code == 200 and b"2026" in b"".join(export.streaming_content)


@pytest.mark.parametrize(("viewer", "variant"), [("mail_clerk", None), ("lawyer", "unit")])
def test_the_registry_keeps_its_query_count(
    make_client, mail_clerk, lawyer, legal, viewer, variant, assert_constant_queries
):
    make_rows = up_to(
        lambda count: MailItemFactory.create_batch(count, registered_by=mail_clerk, routed_unit=legal, assignee=lawyer)
    )
    person = {"mail_clerk": mail_clerk, "lawyer": lawyer}[viewer]
    client = make_client(person)
    assert_constant_queries("courrier:item_list", client, reverse("courrier:item_list"), make_rows, variant=variant)


def test_attachments_are_downloaded_by_those_who_see_the_item_and_logged(
    make_client, mail_clerk, lawyer, outsider, legal
):
    item = services.mail_register(
        item=MailItem(direction="incoming", received_on=date(2026, 3, 2), contact=ContactFactory(), subject="Plainte",
                      confidentiality="confidential"),
        user=mail_clerk,
        uploads=[upload("plainte.pdf", pdf_bytes("Texte de la plainte."))],
    )  # fmt: skip
    services.mail_route(item=item, user=mail_clerk, unit=legal, assignee=lawyer)
    attachment = item.attachments.get()
    url = reverse("courrier:attachment", args=[item.pk, attachment.pk])
    assert make_client(outsider).get(url).status_code == 404
    response = make_client(lawyer).get(url)
    assert response.status_code == 200 and response["Content-Security-Policy"] == "sandbox"
    assert ConfidentialAccess.objects.filter(user=lawyer, action="download", object_id=str(item.pk)).exists()
    generic = reverse("core:private_file", args=[attachment.stored_file.uuid])
    assert make_client(lawyer).get(generic).status_code == 404  # only through the mail app's view


def test_the_registry_search_box_finds_words_stemmed_and_chrono_numbers(make_client, mail_clerk):
    permits = register(mail_clerk, subject="Délais de délivrance des permis", contact=ContactFactory(name="Jean Côté"))
    other = register(mail_clerk, subject="Facture d'impression")
    client = make_client(mail_clerk)

    def listed(q):
        return [i.pk for i in client.get(reverse("courrier:item_list"), {"q": q}).context["page"].object_list]

    assert listed("permis delivrance") == [permits.pk]  # accents and endings ignored
    assert listed("cote") == [permits.pk]  # the contact
    assert listed(other.reference.lower()) == [other.pk]  # a chrono number, typed in lower case
    assert listed("E2026-0000") == [other.pk, permits.pk]  # its beginning
