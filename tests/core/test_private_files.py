"""Uploads checked on the way in; downloads only through the owner's check, as attachments."""

import hashlib
import io
import uuid
import zipfile

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from opq_intranet.core import files
from opq_intranet.core.models import ProfessionalOrder

pytestmark = pytest.mark.django_db

PDF = (
    b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
    b"2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"
)
PNG = bytes.fromhex("89504e470d0a1a0a0000000d4948445200000001000000010806000000") + b"\x00" * 40


def docx_bytes():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr(
            "[Content_Types].xml",
            '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.'
            'wordprocessingml.document.main+xml"/></Types>',
        )
        archive.writestr("_rels/.rels", "<Relationships/>")
        archive.writestr("word/document.xml", "<w:document/>")
    return buffer.getvalue()


def upload(name, content):
    return SimpleUploadedFile(name, content)


@pytest.fixture
def media(tmp_path, settings):
    settings.PRIVATE_MEDIA_ROOT = settings.MEDIA_ROOT = tmp_path
    return tmp_path


@pytest.mark.parametrize(
    ("name", "content", "mime"),
    [
        ("rapport.pdf", PDF, "application/pdf"),
        ("note.txt", "Décision rendue le 24 novembre 2026.\n".encode(), "text/plain"),
        ("lettre.docx", docx_bytes(), "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
    ],
)
def test_accepted_types_are_recognised_by_content(name, content, mime):
    assert files.validate_upload(upload(name, content)) == mime


@pytest.mark.parametrize(
    ("name", "content", "code"),
    [
        ("vide.pdf", b"", "empty"),
        ("image.png", PNG, "type"),  # images are not documents
        ("rapport.docx", PDF, "mismatch"),  # a PDF named .docx
        ("script.pdf", b"#!/bin/sh\nrm -rf /\n", "type"),  # a shell script disguised as a PDF
        ("notes.pdf", b"Simple texte, pas un PDF.\n", "mismatch"),  # text named .pdf
        ("programme.exe", b"MZ\x90\x00\x03\x00\x00\x00" + b"\x00" * 60, "type"),
    ],
)
def test_refused_uploads_say_why(name, content, code):
    with pytest.raises(ValidationError) as refused:
        files.validate_upload(upload(name, content))
    assert refused.value.code == code


def test_too_large(settings):
    settings.PRIVATE_FILE_MAX_BYTES = 100
    with pytest.raises(ValidationError) as refused:
        files.validate_upload(upload("rapport.pdf", PDF + b"x" * 200))
    assert refused.value.code == "too_large"


def test_images_are_accepted_where_asked():
    assert files.validate_upload(upload("photo.png", PNG), allowed_types={"image/png"}) == "image/png"


@pytest.mark.parametrize(
    ("name", "safe"),
    [
        ("../../etc/passwd", "passwd"),
        ("C:\\dossier\\rapport final.pdf", "rapport_final.pdf"),
        ('déc"ision\n.pdf', "décision.pdf"),
        ("", "fichier"),
        ("...", "fichier"),
    ],
)
def test_safe_filename(name, safe):
    assert files.safe_filename(name) == safe


def store(owner, user=None, name="rapport.pdf", content=PDF):
    return files.private_file_store(uploaded=upload(name, content), owner=owner, user=user)


def test_store_keeps_size_type_checksum_and_a_random_name(media, staff_user):
    order = ProfessionalOrder.objects.get(code="barreau")
    stored = store(order, staff_user)
    assert stored.sha256 == hashlib.sha256(PDF).hexdigest()
    assert stored.size == len(PDF)
    assert stored.mime_type == "application/pdf"
    assert stored.original_name == "rapport.pdf"
    assert stored.uploaded_by == staff_user
    assert stored.owner == order
    path = media / stored.content.name
    assert path.read_bytes() == PDF
    assert "rapport" not in stored.content.name  # the disk name reveals nothing
    assert files.checksum_matches(stored)
    path.write_bytes(PDF + b"altered")
    assert not files.checksum_matches(stored)


def test_store_refuses_and_keeps_nothing(media, staff_user):
    order = ProfessionalOrder.objects.get(code="barreau")
    with pytest.raises(ValidationError):
        store(order, staff_user, name="rapport.docx")
    assert not any(media.rglob("*.*")) and not [p for p in media.rglob("*") if p.is_file()]


@pytest.fixture
def readable_orders():
    """Files of professional orders: staff may read them; nobody else."""
    files.register_reader(ProfessionalOrder, lambda user, order: user.is_office_staff)
    yield
    files._readers.pop(ProfessionalOrder, None)


def url(stored):
    return f"/fichiers/{stored.uuid}/"


def test_download_as_attachment_with_a_sandbox(media, make_client, staff_user, readable_orders):
    stored = store(ProfessionalOrder.objects.get(code="barreau"), staff_user, name="Décision finale.pdf")
    response = make_client(staff_user).get(url(stored))
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == PDF
    assert response["Content-Disposition"].startswith("attachment;")
    assert "D%C3%A9cision_finale.pdf" in response["Content-Disposition"]
    assert response["Content-Security-Policy"] == "sandbox"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Type"] == "application/pdf"


def test_denied_missing_and_unregistered_all_answer_404(media, make_client, staff_user, partner_user, readable_orders):
    stored = store(ProfessionalOrder.objects.get(code="barreau"), staff_user)
    assert make_client(partner_user).get(url(stored)).status_code == 404
    assert make_client(staff_user).get(f"/fichiers/{uuid.uuid4()}/").status_code == 404
    files._readers.pop(ProfessionalOrder)
    assert make_client(staff_user).get(url(stored)).status_code == 404


def test_anonymous_and_unverified_partner_are_stopped_before_the_file(
    media, client, make_client, staff_user, partner_user
):
    stored = store(ProfessionalOrder.objects.get(code="barreau"), staff_user)
    assert client.get(url(stored))["Location"].startswith("/connexion/")
    response = make_client(partner_user, verified=False).get(url(stored))
    assert response["Location"].startswith("/compte/deux-etapes/")
