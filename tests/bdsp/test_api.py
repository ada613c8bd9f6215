"""The orders' API: token per account, scoped to the order, same rules as the portal."""

import pytest
from django.urls import reverse
from rest_framework.test import APIClient

from bdsp.models import ApiToken, ReturnValue

pytestmark = pytest.mark.django_db


def api(user=None, token=None):
    client = APIClient()
    if user is not None:
        token = ApiToken.objects.issue(user)
    if token:
        client.credentials(HTTP_AUTHORIZATION=f"Token {token}")
    return client


def values_url(annual_return):
    return reverse("bdsp_api:return_values", args=[annual_return.pk])


def test_no_token_or_a_wrong_one_is_refused(draft_return):
    assert api().get(reverse("bdsp_api:return_list")).status_code == 401
    assert api(token="0" * 40).get(reverse("bdsp_api:return_list")).status_code == 401


def test_staff_accounts_are_refused(analyst, draft_return):
    assert api(analyst).get(reverse("bdsp_api:return_list")).status_code == 403


def test_the_years_form(filer, year_form, draft_form):
    response = api(filer).get(reverse("bdsp_api:form", args=[2025]))
    assert response.status_code == 200
    sections = {s["code"]: s for s in response.json()["sections"]}
    region = next(i for i in sections["tableau"]["indicators"] if i["code"] == "membres-region")
    assert {"key": "06", "label": "Montréal"} in region["categories"]
    assert any(r["code"] == "membres-bilan" for r in response.json()["rules"])


def test_a_year_in_preparation_is_not_published(filer, draft_form):
    assert api(filer).get(reverse("bdsp_api:form", args=[2025])).status_code == 404


def test_start_list_and_read(filer, other_filer, year_form):
    client = api(filer)
    response = client.post(reverse("bdsp_api:return_list"), {"year": 2025}, format="json")
    assert response.status_code == 201
    pk = response.json()["id"]
    assert [r["id"] for r in client.get(reverse("bdsp_api:return_list")).json()] == [pk]
    assert client.get(reverse("bdsp_api:return_detail", args=[pk])).json()["status"] == "draft"
    # Another order sees nothing of it.
    other = api(other_filer)
    assert other.get(reverse("bdsp_api:return_list")).json() == []
    assert other.get(reverse("bdsp_api:return_detail", args=[pk])).status_code == 404


def test_send_values(filer, draft_return):
    payload = {
        "edit_version": 0,
        "values": [
            {"indicator": "membres-debut", "value": "1 000"},
            {"indicator": "membres-sexe", "key": "f", "value": "600"},
            {"indicator": "appels", "state": "no_activity"},
        ],
    }
    response = api(filer).post(values_url(draft_return), payload, format="json")
    assert response.status_code == 200, response.json()
    body = response.json()
    assert body["edit_version"] == 1
    assert {"indicator": "membres-debut", "key": "", "value": "1000", "state": "value", "explanation": ""} in body[
        "values"
    ]
    assert ReturnValue.objects.get(annual_return=draft_return, indicator__code="appels").state == "no_activity"


def test_one_bad_value_saves_nothing_and_says_why_in_french(filer, draft_return):
    payload = {"values": [{"indicator": "membres-debut", "value": "1000"}, {"indicator": "membres-fin", "value": "x"}]}
    response = api(filer).post(values_url(draft_return), payload, format="json")
    assert response.status_code == 400
    assert response.json()["errors"]["membres-fin|"] == ["Inscrivez un nombre, par exemple 1 234 ou 1 234,50."]
    assert not ReturnValue.objects.filter(annual_return=draft_return).exists()


def test_stale_edit_version_is_a_conflict(filer, draft_return):
    client = api(filer)
    client.post(values_url(draft_return), {"values": [{"indicator": "audiences", "value": "3"}]}, format="json")
    response = client.post(
        values_url(draft_return),
        {"edit_version": 0, "values": [{"indicator": "audiences", "value": "4"}]},
        format="json",
    )
    assert response.status_code == 409


def test_reader_reads_but_cannot_send(reader, draft_return):
    client = api(reader)
    assert client.get(reverse("bdsp_api:return_detail", args=[draft_return.pk])).status_code == 200
    payload = {"values": [{"indicator": "audiences", "value": "3"}]}
    assert client.post(values_url(draft_return), payload, format="json").status_code == 403


def test_another_orders_return_is_404(other_filer, draft_return):
    payload = {"values": [{"indicator": "audiences", "value": "3"}]}
    assert api(other_filer).post(values_url(draft_return), payload, format="json").status_code == 404


def test_a_submitted_return_refuses_values(filer, draft_return, clean_entries):
    from datetime import date

    from bdsp import services

    services.return_save_values(annual_return=draft_return, user=filer, entries=clean_entries)
    services.return_save_general(
        annual_return=draft_return, user=filer, fiscal_year_end=date(2026, 3, 31), general_meeting_date=date(2026, 6, 4)
    )
    services.return_submit(annual_return=draft_return, user=filer, attestation="Julie Pelletier")
    response = api(filer).post(
        values_url(draft_return), {"values": [{"indicator": "audiences", "value": "1"}]}, format="json"
    )
    assert response.status_code == 400


def test_the_schema_is_public_and_describes_the_endpoints(client):
    response = client.get(reverse("bdsp_api:schema"), HTTP_ACCEPT="application/json")
    assert response.status_code == 200
    text = response.content.decode()
    assert "/api/v1/declarations/{id}/valeurs/" in text
    assert "/api/v1/formulaires/{year}/" in text


# --- The token page -------------------------------------------------------------------------------


def shown_token(response):
    return response.context["shown"]


def test_filer_creates_sees_once_and_revokes_a_token(make_client, filer):
    client = make_client(filer)
    response = client.post(reverse("bdsp_portal:api_token_renew"), follow=True)
    key = shown_token(response)
    assert key in response.text
    assert key not in client.get(reverse("bdsp_portal:api_token")).text  # shown once
    stored = ApiToken.objects.get(user=filer)
    assert key not in (stored.key_digest, stored.prefix) and key.startswith(stored.prefix)  # only a digest
    assert api(token=key).get(reverse("bdsp_api:return_list")).status_code == 200
    assert ApiToken.objects.get(user=filer).last_used_at is not None
    client.post(reverse("bdsp_portal:api_token_renew"))
    assert api(token=key).get(reverse("bdsp_api:return_list")).status_code == 401  # the old one stops at once
    client.post(reverse("bdsp_portal:api_token_revoke"))
    assert not ApiToken.objects.filter(user=filer).exists()


def test_a_deactivated_account_loses_the_api(filer):
    key = ApiToken.objects.issue(filer)
    filer.is_active = False
    filer.save()
    assert api(token=key).get(reverse("bdsp_api:return_list")).status_code == 401


def test_reader_and_staff_cannot_create_tokens(make_client, reader, analyst):
    assert make_client(reader).post(reverse("bdsp_portal:api_token_renew")).status_code == 403
    assert make_client(analyst).get(reverse("bdsp_portal:api_token")).status_code == 403
