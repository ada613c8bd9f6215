"""The contacts' pages on core's generic views: add, correct, a contact with their mail."""

import pytest
from django.urls import reverse

from courrier.models import Contact
from opq_intranet.core.models import ProfessionalOrder
from tests.courrier.factories import ContactFactory, MailItemFactory

pytestmark = pytest.mark.django_db


def test_a_contact_is_added_and_corrected(make_client, lawyer):
    client = make_client(lawyer)
    url = reverse("courrier:contact_create")
    page = client.get(url)
    assert page.status_code == 200 and page.context["title"] == "Nouveau contact"
    refused = client.post(url, {"kind": "person", "name": "", "email": "pas une adresse"})
    assert refused.status_code == 422
    assert set(refused.context["form"].errors) == {"name", "email"}
    assert not Contact.objects.exists()
    response = client.post(url, {"kind": "person", "name": "Jeanne Bouchard", "is_active": "on"})
    contact = Contact.objects.get()
    assert response["Location"] == contact.get_absolute_url()
    edit = reverse("courrier:contact_edit", args=[contact.pk])
    assert client.post(edit, {"kind": "person", "name": ""}).status_code == 422
    assert Contact.objects.get().name == "Jeanne Bouchard"
    assert client.post(edit, {"kind": "person", "name": "Jeanne Bouchard-Roy", "is_active": "on"}).status_code == 302
    assert Contact.objects.get().name == "Jeanne Bouchard-Roy"


def test_an_orders_second_contact_is_refused_by_the_service(make_client, lawyer):
    order = ProfessionalOrder.objects.first()
    ContactFactory(name=order.name, kind="organisation", professional_order=order)
    response = make_client(lawyer).post(
        reverse("courrier:contact_create"),
        {"kind": "organisation", "name": "Autre", "professional_order": order.pk, "is_active": "on"},
    )
    assert response.status_code == 422 and "professional_order" in response.context["form"].errors
    assert Contact.objects.count() == 1


def test_a_contacts_page_shows_their_mail_and_the_change_action(make_client, mail_clerk, lawyer):
    contact = ContactFactory(name="Paul Gagnon")
    MailItemFactory.create_batch(3, contact=contact, registered_by=mail_clerk)
    page = make_client(lawyer).get(contact.get_absolute_url())
    assert page.status_code == 200 and len(page.context["items"]) == 3
    assert [a.url for a in page.context["actions"]] == [reverse("courrier:contact_edit", args=[contact.pk])]
    assert page.context["breadcrumbs"][-1] == ("Paul Gagnon", contact.get_absolute_url())
