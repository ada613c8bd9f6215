"""The disposition pages: the list's buttons, what the destruction's confirmation says, and a
refusal shown on the list's page (or the disposition page) in 422."""

import pytest
from django.urls import reverse

from documents import services
from documents.models import DispositionList, LegalHold
from tests.documents.test_disposition import closed_file, generate, memos, with_record  # noqa: F401

pytestmark = pytest.mark.django_db


def test_the_destruction_is_confirmed_on_a_page_that_names_what_goes(
    make_client,
    lawyer,
    records_manager,
    legal,
    memos,  # noqa: F811
):
    record_file = closed_file(lawyer, memos)
    with_record(lawyer, record_file)
    with_record(lawyer, record_file, text="Deuxième note")
    closed_file(lawyer, memos)
    disposition_list = generate(records_manager, legal)
    client = make_client(lawyer)
    assert client.post(reverse("documents:disposition_validate", args=[disposition_list.pk])).status_code == 302
    manager = make_client(records_manager)
    assert manager.post(reverse("documents:disposition_approve", args=[disposition_list.pk])).status_code == 302
    url = reverse("documents:disposition_process", args=[disposition_list.pk])
    assert url in manager.get(disposition_list.get_absolute_url()).text  # the page's button leads there

    page = manager.get(url)
    assert page.status_code == 200
    assert (page.context["file_count"], page.context["record_count"]) == (2, 2)
    question = page.context["view"].question_text
    assert disposition_list.reference in question and "2" in question
    assert "btn-danger" in page.text
    disposition_list.refresh_from_db()
    assert disposition_list.status == "approved"  # a GET changes nothing

    assert make_client(lawyer).get(url).status_code == 403
    response = manager.post(url)  # without the explicit confirmation: nothing happens
    assert response.status_code == 422
    assert "Cochez la case pour confirmer : rien n’est traité sans elle." in response.text
    disposition_list.refresh_from_db()
    assert disposition_list.status == "approved"
    response = manager.post(url, {"confirm": "on"})
    assert response["Location"] == disposition_list.get_absolute_url()
    disposition_list.refresh_from_db()
    assert disposition_list.status == "processed"


def test_refused_steps_are_shown_with_their_reason_in_422(
    make_client,
    lawyer,
    records_manager,
    legal,
    memos,  # noqa: F811
):
    record_file = closed_file(lawyer, memos)
    disposition_list = generate(records_manager, legal)
    manager = make_client(records_manager)
    response = manager.post(reverse("documents:disposition_approve", args=[disposition_list.pk]))
    assert response.status_code == 422
    assert response.templates[0].name == "documents/disposition_detail.html"
    assert "Seule une liste validée par son unité peut être approuvée." in response.text

    services.disposition_list_validate(disposition_list=disposition_list, user=lawyer)
    services.disposition_list_approve(disposition_list=disposition_list, user=records_manager)
    services.hold_place(
        title="Recours", reason="Recours", file_references=record_file.reference, class_codes="", user=records_manager
    )
    response = manager.post(reverse("documents:disposition_process", args=[disposition_list.pk]), {"confirm": "on"})
    assert response.status_code == 422
    assert "gel" in response.text and record_file.reference in response.text
    assert DispositionList.objects.get(pk=disposition_list.pk).status == "approved"

    hold = LegalHold.objects.get()
    response = manager.post(reverse("documents:hold_lift", args=[hold.pk]), {"reason": ""})
    assert response.status_code == 422
    assert response.templates[0].name == "documents/hold_detail.html"
    assert "Ce champ est obligatoire." in response.text
    assert LegalHold.objects.get().lifted_at is None
    response = manager.post(reverse("documents:hold_lift", args=[hold.pk]), {"reason": "Jugement rendu"})
    assert response["Location"] == hold.get_absolute_url()
    assert LegalHold.objects.get().lift_reason == "Jugement rendu"


def test_a_refused_generation_comes_back_on_the_disposition_page(make_client, records_manager, legal, memos):  # noqa: F811
    response = make_client(records_manager).post(
        reverse("documents:disposition_generate"), {"kind": "destruction", "org_unit": legal.pk, "due_on": "hier"}
    )
    assert response.status_code == 422
    assert response.templates[0].name == "documents/disposition_index.html"
    assert "Saisissez une date valide." in response.text
    assert not DispositionList.objects.exists()
