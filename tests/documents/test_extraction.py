"""Text extracted from each kind of file the records accept, for the search."""

import io

import pytest

from documents.extraction import extract_text
from tests.documents.samples import docx_bytes, eml_bytes, msg_bytes, odt_bytes, pdf_bytes


@pytest.mark.parametrize(
    ("content", "mime_type"),
    [
        (pdf_bytes("Le conseil a rendu sa décision sur la radiation."), "application/pdf"),
        (
            docx_bytes("Le conseil a rendu sa décision sur la radiation."),
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        ),
        (odt_bytes("Le conseil a rendu sa décision sur la radiation."), "application/vnd.oasis.opendocument.text"),
        ("Le conseil a rendu sa décision sur la radiation.".encode("cp1252"), "text/plain"),
        (eml_bytes("Décision", "Le conseil a rendu sa décision sur la radiation."), "message/rfc822"),
        (
            msg_bytes("Décision", "Greffe", "Le conseil a rendu sa décision sur la radiation."),
            "application/vnd.ms-outlook",
        ),
    ],
    ids=["pdf", "docx", "odt", "txt-cp1252", "eml", "msg"],
)
def test_each_kind_gives_its_text(content, mime_type):
    assert "décision sur la radiation" in extract_text(io.BytesIO(content), mime_type)


def test_the_headers_of_an_email_are_searchable_too():
    text = extract_text(io.BytesIO(eml_bytes("Demande d'accès", "Bonjour")), "message/rfc822")
    assert "Subject: Demande d'accès" in text and "jpelletier@oiiq.org" in text


def test_the_sender_and_subject_of_an_outlook_message_are_searchable_too():
    text = extract_text(io.BytesIO(msg_bytes("Demande d'accès", "Pierre Lavoie", "Bonjour")), "application/CDFV2")
    assert "Subject: Demande d'accès" in text and "From: Pierre Lavoie" in text and text.endswith("Bonjour")


def test_a_broken_file_gives_no_text_rather_than_an_error():
    assert extract_text(io.BytesIO(b"%PDF-1.4 tronque"), "application/pdf") == ""
    assert extract_text(io.BytesIO(b"\xd0\xcf\x11\xe0 pas un message"), "application/vnd.ms-outlook") == ""
    assert extract_text(io.BytesIO(b"PK pas une archive"), "application/vnd.oasis.opendocument.text") == ""


def test_images_have_no_text():
    assert extract_text(io.BytesIO(b"\x89PNG"), "image/png") == ""
