"""The PDF of the return as submitted: stored at each submission, for the order and the Office."""

import io

import pytest
from django.urls import reverse
from pypdf import PdfReader

from bdsp import services
from bdsp.models import ReturnEvent
from opq_intranet.core.models import PrivateFile
from tests.bdsp.conftest import entry, submit

pytestmark = pytest.mark.django_db


def pdf_text(content):
    """The PDF's words, whitespace folded (lines wrap where the layout decides)."""
    text = " ".join(page.extract_text() for page in PdfReader(io.BytesIO(content)).pages)
    return " ".join(text.replace("\xa0", " ").split())


def download(client, annual_return):
    response = client.get(reverse("bdsp_portal:return_pdf", args=[annual_return.pk]), follow=True)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    return pdf_text(b"".join(response.streaming_content) if response.streaming else response.content)


def test_submitting_keeps_a_pdf_of_what_was_sent(make_client, filer, draft_return, clean_entries):
    submit(draft_return, filer, clean_entries)
    copy = ReturnEvent.objects.get(annual_return=draft_return, to_status="submitted").copy
    assert copy.mime_type == "application/pdf" and copy.original_name.startswith("declaration-2025-")
    text = download(make_client(filer), draft_return)
    assert "Déclaration annuelle 2025" in text
    assert draft_return.professional_order.name in text
    assert "Julie Pelletier, secrétaire" in text  # the attestation
    assert "Membres inscrits à la fin de l'exercice 1 100" in text


def test_the_copy_stays_what_was_submitted_after_a_correction(make_client, filer, analyst, draft_return, clean_entries):
    submit(draft_return, filer, clean_entries)
    services.return_send_back(annual_return=draft_return, user=analyst, message="Vérifiez les radiations.")
    draft_return.refresh_from_db()
    services.return_save_values(annual_return=draft_return, user=filer, entries=[entry("inscriptions", "7777")])
    # While it is being corrected, the order still gets what it sent.
    assert "7 777" not in download(make_client(filer), draft_return)
    copies_before = PrivateFile.objects.filter(mime_type="application/pdf").count()
    services.return_save_values(annual_return=draft_return, user=filer, entries=[entry("inscriptions", "120")])
    services.return_submit(annual_return=draft_return, user=filer, attestation="Julie Pelletier, secrétaire")
    assert PrivateFile.objects.filter(mime_type="application/pdf").count() == copies_before + 1
    assert ReturnEvent.objects.filter(annual_return=draft_return, copy__isnull=False).count() == 2


def test_a_return_never_submitted_has_no_pdf(make_client, filer, draft_return):
    url = reverse("bdsp_portal:return_pdf", args=[draft_return.pk])
    assert make_client(filer).get(url).status_code == 404


def test_the_pdf_is_the_orders_and_the_offices_only(
    make_client, filer, reader, other_filer, analyst, staff_user, draft_return, clean_entries
):
    submit(draft_return, filer, clean_entries)
    url = reverse("bdsp_portal:return_pdf", args=[draft_return.pk])
    assert "Déclaration annuelle 2025" in download(make_client(reader), draft_return)
    assert "Déclaration annuelle 2025" in download(make_client(analyst), draft_return)
    assert make_client(other_filer).get(url).status_code == 404
    assert make_client(staff_user).get(url).status_code == 403
    copy = ReturnEvent.objects.get(annual_return=draft_return, to_status="submitted").copy
    assert make_client(other_filer).get(reverse("core:private_file", args=[copy.uuid])).status_code == 404


def test_an_accepted_return_without_a_stored_copy_is_drawn_from_its_values(
    make_client, filer, analyst, draft_return, clean_entries
):
    submit(draft_return, filer, clean_entries)
    services.return_accept(annual_return=draft_return, user=analyst)
    ReturnEvent.objects.filter(annual_return=draft_return).update(copy=None)  # as loaded from the former system
    text = download(make_client(filer), draft_return)
    assert "Acceptée" in text
    assert "Julie Pelletier, secrétaire" in text


# --- Local time, amounts in dollars, totals set apart -------------------------------------------


def pdf_of(filer, draft_return, clean_entries):
    from bdsp.pdf import return_pdf

    submitted = submit(draft_return, filer, clean_entries)
    return submitted, return_pdf(submitted)


def test_the_pdf_shows_the_submission_in_quebec_time(filer, draft_return, clean_entries):
    from django.utils import timezone

    submitted, content = pdf_of(filer, draft_return, clean_entries)
    local = timezone.localtime(submitted.submitted_at)
    assert local.utcoffset() != timezone.timedelta(0)  # America/Toronto: never UTC
    assert f"Transmise le {local:%Y-%m-%d %H:%M}" in pdf_text(content)


def test_amounts_are_written_in_dollars(filer, draft_return, clean_entries):
    _submitted, content = pdf_of(filer, draft_return, clean_entries)
    text = pdf_text(content)
    assert "Cotisations 530 000 $" in text
    assert "Membres inscrits à la fin de l'exercice 1 100" in text  # a count has no $


def fonts_of(content):
    """[(text, font)] of the PDF's text pieces."""
    pieces = []
    for page in PdfReader(io.BytesIO(content)).pages:

        def visit(text, _cm, _tm, font, _size):
            if text.strip() and font:
                pieces.append((" ".join(text.replace("\xa0", " ").split()), font["/BaseFont"]))

        page.extract_text(visitor_text=visit)
    return pieces


def test_a_total_is_set_apart_from_its_breakdown(filer, draft_return, clean_entries):
    _submitted, content = pdf_of(filer, draft_return, clean_entries)
    text = pdf_text(content)
    assert "Revenus, par poste Cotisations 530 000 $ Total 530 000 $" in text  # the parts, then the total
    pieces = fonts_of(content)
    fonts = {font for piece, font in pieces if piece == "530 000 $"}
    assert fonts == {"/Helvetica", "/Helvetica-Bold"}  # the part in regular, the total in bold
    assert ("Total", "/Helvetica-Bold") in pieces


def test_a_total_has_a_rule_above_it():
    from bdsp.pdf import indicator_table_style

    rows = [["Revenus", ""], ["    Cotisations", "5 $"], ["    Total", "5 $"], ["Membres", "3"]]
    commands = indicator_table_style(rows, total_rows=[2])
    assert ("LINEABOVE", (0, 2), (-1, 2)) in [command[:3] for command in commands]
