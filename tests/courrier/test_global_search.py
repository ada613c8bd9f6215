"""The mail app's groups in the global search: items, mandates and access requests found by the
number people quote (E2026-00035, M2026-00002, DA2026-00001), among what the person may see."""

from datetime import date

import pytest
from django.urls import reverse

from courrier import services
from courrier.models import MailItem
from tests.courrier.factories import ContactFactory, MailItemFactory, MandateFactory

pytestmark = pytest.mark.django_db


def global_search(client, key, words):
    """One group of the global search, as the search page's section loads it (htmx)."""
    return client.get(reverse("core:search_group", args=[key]), {"q": words}, headers={"HX-Request": "true"})


def urls(response):
    return [r.url for r in response.context["results"]]


def test_a_mail_item_is_found_by_its_chrono_number_typed_in_any_case(make_client, outsider, legal):
    wanted = MailItemFactory(reference="E2026-00035")
    other = MailItemFactory(reference="E2026-00036")
    secret = MailItemFactory(reference="E2026-00037", confidentiality="confidential", routed_unit=legal)
    client = make_client(outsider)
    assert urls(global_search(client, "courrier.mail", "e2026-00035")) == [wanted.get_absolute_url()]
    assert set(urls(global_search(client, "courrier.mail", "E2026-0003"))) == {
        wanted.get_absolute_url(),
        other.get_absolute_url(),
    }  # the beginning of a number; the confidential item stays the unit's
    assert secret.get_absolute_url() not in urls(global_search(client, "courrier.mail", "E2026-00037"))


def test_a_mandate_is_found_by_its_number(make_client, outsider):
    wanted = MandateFactory(reference="M2026-00002", title="Analyse du règlement")
    MandateFactory(reference="M2026-00012", title="Autre mandat")
    response = global_search(make_client(outsider), "courrier.mandates", "m2026-00002")
    assert urls(response) == [wanted.get_absolute_url()]
    assert "M2026-00002 Analyse du règlement" in response.text


def test_an_access_request_is_found_by_its_number_by_the_person_responsible_only(make_client, mail_clerk, outsider):
    item = services.mail_register(
        item=MailItem(
            direction="incoming",
            received_on=date(2026, 3, 2),
            contact=ContactFactory(name="Pierre Lavoie"),
            subject="Demande d'accès",
            mail_type="access_request",
        ),
        user=mail_clerk,
    )
    request = services.access_request_open(mail_item=item, user=mail_clerk, documents_requested="Le plan")
    assert request.reference == "DA2026-00001"
    response = global_search(make_client(mail_clerk), "courrier.access", "da2026-00001")
    assert urls(response) == [request.get_absolute_url()]
    assert global_search(make_client(outsider), "courrier.access", "DA2026-00001").status_code == 403
    keys = [p.key for p in make_client(outsider).get(reverse("core:search"), {"q": "DA2026"}).context["providers"]]
    assert "courrier.access" not in keys and "courrier.mandates" in keys
