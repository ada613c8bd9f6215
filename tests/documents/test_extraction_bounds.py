"""Text extraction reads a bounded amount of every file, whatever it declares or inflates to,
and keeps what it could read: a hostile upload is still filed, never fatal (documents/extraction.py)."""

import email.message
import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from reportlab.platypus import PageBreak

from documents import extraction, services
from documents.extraction import extract_text
from documents.models import Record
from opq_intranet.core import pdf
from tests.documents.factories import RecordFileFactory
from tests.documents.samples import msg_bytes, odt_bytes
from tests.hostile_files import inflating_docx

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
MB = 1024 * 1024


class CountingReader(io.BytesIO):
    """A file that counts the bytes read from it."""

    read_bytes = 0

    def read(self, size=-1):
        data = super().read(size)
        self.read_bytes += len(data)
        return data


def test_a_docx_that_inflates_beyond_the_bound_gives_its_beginning_only():
    content = inflating_docx("Le conseil a rendu sa décision", "fin du document", padding=30 * MB)
    assert len(content) < 100_000  # 30 MB once inflated
    text = extract_text(io.BytesIO(content), DOCX)
    assert "rendu sa décision" in text
    assert "fin du document" not in text  # past the 20 MB of XML read


def test_the_xml_read_stops_at_the_bound(monkeypatch):
    monkeypatch.setattr(extraction, "MAX_XML_BYTES", 1 * MB)
    content = inflating_docx("début", "fin", padding=2 * MB)
    text = extract_text(io.BytesIO(content), DOCX)
    assert "début" in text and "fin" not in text


def test_a_docx_of_many_paragraphs_stops_at_the_text_cap(monkeypatch):
    monkeypatch.setattr(extraction, "MAX_CHARACTERS", 1000)
    content = inflating_docx("début", "fin", padding=0, paragraphs=200_000)
    text = extract_text(io.BytesIO(content), DOCX)
    assert text.startswith("début") and len(text) <= 1000 and "fin" not in text


def test_an_odt_is_bounded_the_same_way(monkeypatch):
    monkeypatch.setattr(extraction, "MAX_XML_BYTES", 400)
    content = odt_bytes("Le conseil " + "a rendu sa décision " * 50 + "FIN")
    text = extract_text(io.BytesIO(content), "application/vnd.oasis.opendocument.text")
    assert text.startswith("Le conseil") and "FIN" not in text


def test_a_pdf_is_read_up_to_its_page_cap(monkeypatch):
    monkeypatch.setattr(extraction, "MAX_PDF_PAGES", 2)
    story = [piece for n in range(1, 6) for piece in (pdf.paragraph(f"Page numéro {n}"), PageBreak())]
    content = pdf.render(story, title="Essai")
    text = extract_text(io.BytesIO(content), "application/pdf")
    assert "numéro 1" in text and "numéro 2" in text and "numéro 3" not in text


def test_plain_text_is_read_up_to_its_byte_cap():
    handle = CountingReader(b"mot " * (2 * MB))
    text = extract_text(handle, "text/plain")
    assert handle.read_bytes <= extraction.MAX_TEXT_BYTES and len(text) <= extraction.MAX_CHARACTERS


def test_an_email_is_read_up_to_its_byte_cap(monkeypatch):
    monkeypatch.setattr(extraction, "MAX_TEXT_BYTES", 10_000)
    message = email.message.EmailMessage()
    message["Subject"] = "Décision"
    message.set_content("début " + "mot " * 100_000 + "FIN")
    handle = CountingReader(message.as_bytes())
    text = extract_text(handle, "message/rfc822")
    assert "Subject: Décision" in text and "début" in text and "FIN" not in text
    assert handle.read_bytes <= 10_000


def test_an_outlook_stream_past_the_cap_is_left_out(monkeypatch):
    monkeypatch.setattr(extraction, "MAX_TEXT_BYTES", 1000)
    content = msg_bytes("Décision", "Greffe", "corps " * 300)  # 3 600 bytes: still in the sample's mini stream
    text = extract_text(io.BytesIO(content), "application/vnd.ms-outlook")
    assert "Subject: Décision" in text and "corps" not in text


@pytest.mark.django_db
def test_a_hostile_docx_is_still_filed_with_what_could_be_read(lawyer, litigation):
    record_file = RecordFileFactory(record_class=litigation, title="Plainte")
    record = Record(record_file=record_file, title="Mémoire", medium="digital")
    content = inflating_docx("Le conseil a rendu sa décision", "fin du document", padding=30 * MB)
    services.record_add(record=record, user=lawyer, uploaded=SimpleUploadedFile("memoire.docx", content))
    version = Record.objects.get(pk=record.pk).current_version
    assert version.stored_file.mime_type == DOCX
    assert "rendu sa décision" in version.text and "fin du document" not in version.text
