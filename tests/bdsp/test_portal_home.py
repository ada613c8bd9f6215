"""The portal's home says where the year's return stands, and a déclarant starts or continues it
from there; a reader sees the state only."""

import html

import pytest
from django.urls import reverse

from bdsp import services
from bdsp.models import AnnualReturn
from tests.bdsp.conftest import submit

pytestmark = pytest.mark.django_db

HOME = reverse("core:portal")


def home(client):
    response = client.get(HOME)
    assert response.status_code == 200
    return html.unescape(response.text)


def test_a_declarant_starts_the_open_year_from_the_home(make_client, filer, year_form):
    client = make_client(filer)
    page = home(client)
    assert "La déclaration annuelle 2025 est ouverte." in page
    start = reverse("bdsp_portal:return_start", args=[2025])
    assert f'action="{start}"' in page
    assert "Commencer la déclaration 2025" in page
    response = client.post(start)
    annual_return = AnnualReturn.objects.get(professional_order=filer.professional_order)
    assert response["Location"] == annual_return.get_absolute_url()


def test_a_declarant_continues_a_return_in_progress(make_client, filer, draft_return):
    page = home(make_client(filer))
    assert "Continuer la déclaration 2025" in page
    assert f'href="{draft_return.get_absolute_url()}"' in page
    assert "Commencer la déclaration 2025" not in page


def test_a_submitted_return_is_not_continued(make_client, filer, draft_return, clean_entries):
    submit(draft_return, filer, clean_entries)
    page = home(make_client(filer))
    assert "Continuer la déclaration" not in page
    assert "Transmise" in page


def test_a_returned_return_is_continued(make_client, filer, analyst, draft_return, clean_entries):
    submit(draft_return, filer, clean_entries)
    services.return_send_back(annual_return=draft_return, user=analyst, message="Vérifiez.")
    assert "Continuer la déclaration 2025" in home(make_client(filer))


def test_a_reader_sees_the_state_only(make_client, reader, filer, year_form):
    client = make_client(reader)
    page = home(client)
    assert "La déclaration annuelle 2025 est ouverte." in page
    assert "Commencer la déclaration" not in page
    assert reverse("bdsp_portal:return_start", args=[2025]) not in page
    services.return_start(order=filer.professional_order, reporting_year=year_form, user=filer)
    page = home(client)
    assert "Brouillon" in page
    assert "Continuer la déclaration" not in page
