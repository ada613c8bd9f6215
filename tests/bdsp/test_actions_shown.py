"""Only the actions the person may take are offered; the API token is revoked through its service."""

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse

from bdsp import services
from bdsp.models import ApiToken
from tests.bdsp.conftest import submit

pytestmark = pytest.mark.django_db

AMEND = "Corriger cette déclaration acceptée"


def page(client, annual_return):
    response = client.get(reverse("bdsp_portal:return_detail", args=[annual_return.pk]))
    assert response.status_code == 200
    return response


@pytest.fixture
def accepted(draft_return, filer, analyst, clean_entries):
    submit(draft_return, filer, clean_entries)
    return services.return_accept(annual_return=draft_return, user=analyst)


def test_a_reader_is_offered_no_amendment_of_an_accepted_return(make_client, reader, accepted):
    response = page(make_client(reader), accepted)
    assert response.context["can_amend"] is False
    assert AMEND not in response.text
    assert reverse("bdsp_portal:return_reopen", args=[accepted.pk]) not in response.text


def test_the_filer_and_the_analyst_are_offered_the_amendment(make_client, filer, analyst, accepted):
    for person in (filer, analyst):
        response = page(make_client(person), accepted)
        assert response.context["can_amend"] is True
        assert reverse("bdsp_portal:return_reopen", args=[accepted.pk]) in response.text


def test_a_reader_is_offered_no_submit_no_import_no_review(make_client, reader, draft_return):
    response = page(make_client(reader), draft_return)
    context = response.context
    assert (context["can_edit"], context["can_review"], context["can_amend"]) == (False, False, False)
    assert reverse("bdsp_portal:return_submit", args=[draft_return.pk]) not in response.text
    assert reverse("bdsp_portal:xlsx_import", args=[draft_return.pk]) not in response.text
    assert reverse("bdsp_portal:return_accept", args=[draft_return.pk]) not in response.text


def test_a_reader_cannot_amend_by_posting_either(make_client, reader, accepted):
    response = make_client(reader).post(reverse("bdsp_portal:return_reopen", args=[accepted.pk]), {"reason": "x"})
    assert response.status_code in (302, 403)
    assert not accepted.__class__.objects.filter(amends=accepted).exists()


def test_the_token_is_revoked_through_its_service(make_client, filer, other_filer):
    services.api_token_issue(user=filer)
    token = ApiToken.objects.get(user=filer)
    with pytest.raises(PermissionDenied):
        services.api_token_revoke(token=token, user=other_filer)  # someone else's token
    assert ApiToken.objects.filter(pk=token.pk).exists()
    response = make_client(filer).post(reverse("bdsp_portal:api_token_revoke"))
    assert response.status_code == 302
    assert not ApiToken.objects.filter(user=filer).exists()


def test_only_a_filer_gets_a_token(reader, analyst):
    for person in (reader, analyst):
        with pytest.raises(PermissionDenied):
            services.api_token_issue(user=person)
    assert not ApiToken.objects.exists()


# --- The transitions on core's action views: a refusal answers 422 -----------------------------


def test_an_empty_send_back_is_the_return_page_again_in_422(make_client, filer, analyst, draft_return, clean_entries):
    submit(draft_return, filer, clean_entries)
    response = make_client(analyst).post(reverse("bdsp_portal:return_send_back", args=[draft_return.pk]), {})
    assert response.status_code == 422
    assert response.context["send_back_form"].errors["message"] == ["Ce champ est obligatoire."]
    assert "Ce champ est obligatoire." in response.text
    draft_return.refresh_from_db()
    assert draft_return.status == "submitted"


def test_accepting_a_draft_is_refused_in_422_with_the_reason(make_client, analyst, draft_return):
    client = make_client(analyst)
    url = reverse("bdsp_portal:return_accept", args=[draft_return.pk])
    assert client.get(url).status_code == 200  # the confirmation page
    response = client.post(url)
    assert response.status_code == 422
    assert response.context["form"].non_field_errors()
    draft_return.refresh_from_db()
    assert draft_return.status == "draft"


def test_an_amendment_without_its_reason_is_refused_in_422(make_client, filer, accepted):
    client = make_client(filer)
    url = reverse("bdsp_portal:return_reopen", args=[accepted.pk])
    response = client.post(url, {"reason": ""})
    assert response.status_code == 422
    assert response.context["reason_form"].errors["reason"]
    assert not accepted.__class__.objects.filter(amends=accepted).exists()
    response = client.post(url, {"reason": "Une erreur dans les revenus."})
    amendment = accepted.__class__.objects.get(amends=accepted)
    assert response["Location"] == amendment.get_absolute_url()


def test_a_refused_attachment_is_the_return_page_again_in_422(make_client, filer, draft_return):
    url = reverse("bdsp_portal:attachment_add", args=[draft_return.pk])
    response = make_client(filer).post(url, {"kind": "annual_report"})
    assert response.status_code == 422
    assert response.context["attachment_form"].errors["file"] == ["Ce champ est obligatoire."]
    assert 'id="attachment-file"' in response.text
    assert not draft_return.attachments.exists()
