"""The contacts' pages on core's generic views: add, correct, a contact with their mail (the mail
room's and the access officer's: tests/accounts/test_access_matrix.py shows every other role refused)."""

import importlib

import pytest
import tablib
from django.apps import apps as django_apps
from django.core.exceptions import ValidationError
from django.urls import reverse

from courrier import services
from courrier.models import Contact
from courrier.resources import ContactResource
from opq_intranet.core.models import ProfessionalOrder
from tests.courrier.factories import ContactFactory, MailItemFactory

pytestmark = pytest.mark.django_db


def test_a_contact_is_added_and_corrected(make_client, mail_clerk):
    client = make_client(mail_clerk)
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


def test_an_orders_second_contact_is_refused_by_the_service(make_client, mail_clerk):
    order = ProfessionalOrder.objects.first()
    ContactFactory(name=order.name, kind="organisation", professional_order=order)
    response = make_client(mail_clerk).post(
        reverse("courrier:contact_create"),
        {"kind": "organisation", "name": "Autre", "professional_order": order.pk, "is_active": "on"},
    )
    assert response.status_code == 422 and "professional_order" in response.context["form"].errors
    assert Contact.objects.count() == 1


def test_a_contacts_page_shows_their_mail_and_the_change_action(make_client, mail_clerk):
    contact = ContactFactory(name="Paul Gagnon")
    MailItemFactory.create_batch(3, contact=contact, registered_by=mail_clerk)
    page = make_client(mail_clerk).get(contact.get_absolute_url())
    assert page.status_code == 200 and len(page.context["items"]) == 3
    assert [a.url for a in page.context["actions"]] == [reverse("courrier:contact_edit", args=[contact.pk])]
    assert page.context["breadcrumbs"][-1] == ("Paul Gagnon", contact.get_absolute_url())


# --- A contact's postal address -----------------------------------------------------------------

BAD_POSTAL_CODE = "Indiquez un code postal canadien, par exemple H2X 1Y4."


def address(**fields):
    values = {"kind": "person", "name": "Jeanne Bouchard", "is_active": "on",
              "address": "1234, rue Saint-Denis\nbureau 200", "city": "Montréal", "province": "QC",
              "postal_code": "h2x1y4"}  # fmt: skip
    return {**values, **fields}


def test_a_contacts_address_has_its_city_province_and_postal_code(make_client, mail_clerk):
    client = make_client(mail_clerk)
    form = client.get(reverse("courrier:contact_create")).context["form"]
    assert {"address", "city", "province", "postal_code"} <= set(form.fields)
    response = client.post(reverse("courrier:contact_create"), address())
    assert response.status_code == 302
    contact = Contact.objects.get()
    assert (contact.city, contact.province, contact.postal_code) == ("Montréal", "QC", "H2X 1Y4")
    assert contact.address_lines == ["1234, rue Saint-Denis", "bureau 200", "Montréal (Québec)  H2X 1Y4"]
    page = client.get(contact.get_absolute_url())
    assert "1234, rue Saint-Denis<br>bureau 200<br>Montréal (Québec)  H2X 1Y4" in page.text


@pytest.mark.parametrize("postal_code", ["12345", "H2X 1Y", "D2X 1Y4", "H2X-1Y4-9"])
def test_a_postal_code_that_is_not_canadian_is_refused_in_french(make_client, mail_clerk, postal_code):
    contact = ContactFactory(name="Jeanne Bouchard", city="Québec", province="QC", postal_code="G1R 5Z3")
    response = make_client(mail_clerk).post(
        reverse("courrier:contact_edit", args=[contact.pk]), address(postal_code=postal_code)
    )
    assert response.status_code == 422
    assert response.context["form"].errors["postal_code"] == [BAD_POSTAL_CODE]
    assert BAD_POSTAL_CODE in response.text
    saved = Contact.objects.get(pk=contact.pk)
    assert (saved.city, saved.postal_code, saved.address) == ("Québec", "G1R 5Z3", contact.address)


def test_the_service_refuses_a_bad_postal_code_too(mail_clerk):
    with pytest.raises(ValidationError) as refused:
        services.contact_save(contact=Contact(kind="person", name="Paul", postal_code="ABC DEF"), user=mail_clerk)
    assert refused.value.message_dict["postal_code"] == [BAD_POSTAL_CODE]
    assert not Contact.objects.exists()


def test_the_address_is_exported_and_imported_with_the_contacts():
    contact = ContactFactory(
        name="Pierre Lavoie", address="12, rue des Érables", city="Québec", province="QC", postal_code="G1R 2B5"
    )
    exported = ContactResource().export()
    assert {"address", "city", "province", "postal_code"} <= set(exported.headers)
    row = dict(zip(exported.headers, exported[0], strict=True))
    assert (row["city"], row["province"], row["postal_code"]) == ("Québec", "QC", "G1R 2B5")
    dataset = tablib.Dataset(headers=["id", "kind", "name", "address", "city", "province", "postal_code", "is_active"])
    dataset.append([contact.pk, "person", "Pierre Lavoie", "80, rue Principale", "Gatineau", "QC", "j8y6a1", "1"])
    dataset.append(["", "person", "Marie Roy", "1, rue A", "Laval", "QC", "H7N", "1"])
    # The admin's preview (a dry run) shows the bad postal code, and offers no confirmation.
    preview = ContactResource().import_data(dataset, dry_run=True)
    [invalid] = preview.invalid_rows
    assert invalid.error_dict["postal_code"] == [BAD_POSTAL_CODE]
    assert Contact.objects.get(pk=contact.pk).city == "Québec" and Contact.objects.count() == 1
    del dataset[1]
    result = ContactResource().import_data(dataset, dry_run=False)
    assert not result.has_errors() and not result.has_validation_errors()
    saved = Contact.objects.get(pk=contact.pk)
    assert (saved.address, saved.city, saved.postal_code) == ("80, rue Principale", "Gatineau", "J8Y 6A1")


def test_an_address_typed_before_is_split_into_its_fields():
    """The migration reads the last line of an address typed in one box ("Québec (Québec)  G1R 2B5")."""
    migration = importlib.import_module("courrier.migrations.0005_contact_postal_address")
    typed = ContactFactory(address="12, rue des Érables\nQuébec (Québec)  g1r 2b5")
    foreign = ContactFactory(address="5, rue de Rivoli\n75001 Paris\nFrance")
    migration.split_addresses(django_apps, None)
    typed.refresh_from_db()
    assert (typed.address, typed.city, typed.province, typed.postal_code) == (
        "12, rue des Érables",
        "Québec",
        "QC",
        "G1R 2B5",
    )
    foreign.refresh_from_db()
    assert (foreign.address, foreign.city) == ("5, rue de Rivoli\n75001 Paris\nFrance", "")
