"""Documents attached to a return: the annual report (PDF), readable by whoever sees the return."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from bdsp import services
from bdsp.models import ReturnAttachment
from opq_intranet.core.models import PrivateFile
from tests.bdsp.conftest import submit

pytestmark = pytest.mark.django_db

PDF = (
    b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
    b"2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"
)


def pdf(name="rapport-annuel-2025.pdf", content=PDF):
    return SimpleUploadedFile(name, content, content_type="application/pdf")


def add_url(annual_return):
    return reverse("bdsp_portal:attachment_add", args=[annual_return.pk])


def test_filer_attaches_the_annual_report_and_reads_it_back(make_client, filer, draft_return):
    client = make_client(filer)
    response = client.post(add_url(draft_return), {"kind": "annual_report", "file": pdf()}, follow=True)
    assert "rapport-annuel-2025.pdf est joint à la déclaration." in response.text
    attachment = ReturnAttachment.objects.get(annual_return=draft_return)
    assert attachment.kind == "annual_report"
    download = client.get(reverse("core:private_file", args=[attachment.file.uuid]))
    assert download.status_code == 200
    assert b"".join(download.streaming_content) == PDF


def test_a_text_file_named_pdf_is_refused_in_french_and_nothing_is_stored(make_client, filer, draft_return):
    before = PrivateFile.objects.count()
    response = make_client(filer).post(
        add_url(draft_return),
        {"kind": "annual_report", "file": pdf("rapport.pdf", b"Pas un PDF.\n")},
        follow=True,
    )
    assert "Le rapport annuel et les états financiers sont transmis en PDF." in response.text
    assert not ReturnAttachment.objects.exists()
    assert PrivateFile.objects.count() == before


def test_a_missing_file_says_so(make_client, filer, draft_return):
    response = make_client(filer).post(add_url(draft_return), {"kind": "annual_report"}, follow=True)
    assert "Ce champ est obligatoire." in response.text
    assert not ReturnAttachment.objects.exists()


def test_other_orders_readers_and_staff_cannot_attach(make_client, other_filer, reader, analyst, draft_return):
    assert make_client(other_filer).post(add_url(draft_return), {"kind": "other", "file": pdf()}).status_code == 404
    assert make_client(reader).post(add_url(draft_return), {"kind": "other", "file": pdf()}).status_code == 403
    assert make_client(analyst).post(add_url(draft_return), {"kind": "other", "file": pdf()}).status_code == 403
    assert not ReturnAttachment.objects.exists()


def test_the_file_is_readable_by_the_order_and_the_analyst_only(
    make_client, filer, reader, other_filer, analyst, staff_user, draft_return
):
    attachment = services.attachment_add(annual_return=draft_return, user=filer, kind="annual_report", uploaded=pdf())
    url = reverse("core:private_file", args=[attachment.file.uuid])
    assert make_client(reader).get(url).status_code == 200
    assert make_client(analyst).get(url).status_code == 200
    assert make_client(other_filer).get(url).status_code == 404
    assert make_client(staff_user).get(url).status_code == 404


def test_nothing_is_removed_once_submitted(make_client, filer, draft_return, clean_entries):
    attachment = services.attachment_add(annual_return=draft_return, user=filer, kind="other", uploaded=pdf())
    remove = reverse("bdsp_portal:attachment_remove", args=[draft_return.pk, attachment.pk])
    submit(draft_return, filer, clean_entries)
    response = make_client(filer).post(remove, follow=True)
    assert "elle ne peut plus être modifiée" in response.text
    assert ReturnAttachment.objects.filter(pk=attachment.pk).exists()


def test_removing_keeps_the_stored_file_for_the_history(make_client, filer, draft_return):
    attachment = services.attachment_add(annual_return=draft_return, user=filer, kind="other", uploaded=pdf())
    remove = reverse("bdsp_portal:attachment_remove", args=[draft_return.pk, attachment.pk])
    response = make_client(filer).post(remove, follow=True)
    assert "Le document a été retiré de la déclaration." in response.text
    assert not ReturnAttachment.objects.exists()
    assert PrivateFile.objects.filter(pk=attachment.file_id).exists()


def test_an_amendment_starts_with_the_documents_of_the_accepted_version(filer, analyst, draft_return, clean_entries):
    services.attachment_add(annual_return=draft_return, user=filer, kind="annual_report", uploaded=pdf())
    submit(draft_return, filer, clean_entries)
    services.return_accept(annual_return=draft_return, user=analyst)
    amendment = services.return_reopen(annual_return=draft_return, user=filer, reason="Erreur au tableau des membres")
    assert [a.kind for a in amendment.attachments.all()] == ["annual_report"]
    assert amendment.attachments.get().file_id == draft_return.attachments.get().file_id


def test_the_submit_page_reminds_a_missing_annual_report(make_client, filer, draft_return):
    url = reverse("bdsp_portal:return_submit", args=[draft_return.pk])
    assert "Le rapport annuel n’est pas joint" in make_client(filer).get(url).text
    services.attachment_add(annual_return=draft_return, user=filer, kind="annual_report", uploaded=pdf())
    assert "Le rapport annuel n’est pas joint" not in make_client(filer).get(url).text


def test_a_renamed_program_is_refused_in_plain_french_next_to_the_form(make_client, filer, draft_return):
    program = b"MZ\x90\x00\x03\x00\x00\x00\x04\x00" + b"\x00" * 52 + b"PE\x00\x00" + b"\x00" * 400  # a renamed .exe
    before = PrivateFile.objects.count()
    response = make_client(filer).post(add_url(draft_return), {"kind": "other", "file": pdf("rapport.pdf", program)})
    assert response.status_code == 422
    assert response.context["attachment_form"].errors["file"] == [
        "Ce fichier n’est pas d’un type accepté (PDF, DOCX, XLSX, ODT, ODS, EML, MSG, CSV, TXT)."
    ]
    assert "application/" not in response.text  # no MIME type: words people know
    # The form posts to its own place on the page: a refusal comes back there, not at the top.
    assert f'action="{add_url(draft_return)}#attachments-title"' in response.text
    assert not ReturnAttachment.objects.exists()
    assert PrivateFile.objects.count() == before
