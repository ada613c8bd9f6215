"""Resumable uploads end to end: an interrupted upload resumes and stores the same bytes; a
refused file (type, quota) leaves nothing behind; new versions, folders; abandoned uploads
are dropped by the scheduled job."""

import hashlib
import io
import os
import zipfile
from datetime import timedelta

import pytest
from django.template.defaultfilters import filesizeformat
from django.utils import timezone, translation

from documents.exchange import services
from documents.exchange.choices import EventAction, UploadState
from documents.exchange.models import ExchangeEvent, FileVersion, SharedFile, Upload
from documents.exchange.services.files import EXCHANGE_TYPES
from opq_intranet.core.files import accepted_names
from opq_intranet.core.models import PrivateFile
from opq_intranet.core.registry.schedule import jobs
from tests.documents.samples import pdf_bytes
from tests.exchange import tus_client as tus
from tests.exchange.factories import FolderFactory, stored_pdf

pytestmark = pytest.mark.django_db

CHUNK = 256 * 1024
# A minimal ELF header: an executable, whatever its name says.
ELF = b"\x7fELF\x02\x01\x01\x00" + b"\x00" * 8 + b"\x02\x00\x3e\x00\x01\x00\x00\x00" + b"\x00" * 200


@pytest.fixture(autouse=True)
def upload_root(settings, tmp_path):
    settings.EXCHANGE_UPLOAD_ROOT = tmp_path / "uploads"
    settings.MEDIA_ROOT = tmp_path / "private"
    settings.EXCHANGE_UPLOAD_CHUNK_BYTES = CHUNK
    return settings.EXCHANGE_UPLOAD_ROOT


@pytest.fixture
def member(make_client, unit_member):
    return make_client(unit_member)


def big_pdf(size=900 * 1024):
    """A real PDF (sniffed as such) padded past several chunks with bytes that vary."""
    head = pdf_bytes("Rapport annuel")
    return head + b"%" + os.urandom(size - len(head) - 1)


def nothing_left(upload_root, *, files_before=0, stored_before=0):
    assert list(upload_root.glob("*")) == []
    assert SharedFile.objects.count() == files_before
    assert FileVersion.objects.count() == files_before
    assert PrivateFile.objects.count() == stored_before


class DroppedConnection(io.RawIOBase):
    """The request body as a server reads it when the client's connection drops: what was
    sent, then a reset."""

    def __init__(self, data):
        self.data = io.BytesIO(data)

    def read(self, size=-1):
        piece = self.data.read(size)
        if not piece:
            raise ConnectionResetError("connection reset by peer")
        return piece


def test_an_interrupted_upload_resumes_and_stores_the_same_bytes(member, space, unit_member, upload_root):
    content = big_pdf()
    url = tus.create(member, space, name="rapport.pdf", length=len(content))["Location"]
    assert tus.patch(member, url, offset=0, data=content[:CHUNK]).status_code == 204

    # The second chunk: its Content-Length announced, half of it sent, then the line drops.
    half = CHUNK // 2
    dropped = tus.patch(
        member,
        url,
        offset=CHUNK,
        data=b"",
        CONTENT_LENGTH=str(CHUNK),
        CONTENT_TYPE=tus.OFFSET_TYPE,
        **{"wsgi.input": DroppedConnection(content[CHUNK : CHUNK + half])},
    )
    assert dropped.status_code == 204
    assert dropped["Upload-Offset"] == str(CHUNK + half)
    assert not SharedFile.objects.exists()

    # The client comes back: it asks where to resume, and sends the rest from there.
    offset = int(tus.head(member, url)["Upload-Offset"])
    assert offset == CHUNK + half
    while offset < len(content):
        response = tus.patch(member, url, offset=offset, data=content[offset : offset + CHUNK])
        assert response.status_code == 204
        offset = int(response["Upload-Offset"])

    upload = Upload.objects.get()
    assert upload.state == UploadState.COMPLETE
    version = upload.result
    assert version.shared_file.name == "rapport.pdf"
    assert version.created_by == unit_member
    stored = version.stored_file
    assert stored.sha256 == hashlib.sha256(content).hexdigest()
    with stored.content.open("rb") as handle:
        assert hashlib.sha256(handle.read()).hexdigest() == hashlib.sha256(content).hexdigest()
    assert list(upload_root.glob("*")) == []  # the temporary file became the stored file
    space.refresh_from_db()
    assert space.used_bytes == len(content)
    assert ExchangeEvent.objects.filter(action=EventAction.UPLOADED, shared_file=version.shared_file).exists()
    # Asked again (the browser's fingerprint), the upload says it is complete.
    assert tus.head(member, url)["Upload-Offset"] == str(len(content))


def french(msgid):
    with translation.override("fr-ca"):
        return translation.gettext(msgid)


def zip_bytes():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("notes.txt", "pas un PDF" * 100)
    return buffer.getvalue()


@pytest.mark.parametrize(("name", "content"), [("rapport.pdf", ELF), ("rapport.pdf", zip_bytes())])
def test_a_file_whose_content_is_not_what_its_name_says_is_refused(member, space, upload_root, name, content):
    response = tus.send(member, space, content, name=name)
    assert response.status_code == 422
    message = response.content.decode()
    assert message.startswith("Ce type de fichier (")  # the French message, shown under the file
    assert "n'est pas accepté ici" in message
    upload = Upload.objects.get()
    assert (upload.state, upload.refusal) == (UploadState.REFUSED, message)
    nothing_left(upload_root)
    space.refresh_from_db()
    assert space.used_bytes == 0
    refused = ExchangeEvent.objects.get(action=EventAction.UPLOAD_REFUSED)
    assert (refused.object_name, refused.detail) == (name, message)
    assert tus.head(member, response.wsgi_request.path).status_code == 410


def test_an_executable_by_its_name_is_refused_before_any_byte(member, space, upload_root):
    response = tus.create(member, space, name="outil.exe", length=len(ELF))
    assert response.status_code == 422
    assert response.content.decode() == french(
        "This type of file is not accepted here (%(name)s). Accepted types: %(types)s."
    ) % {"name": "outil.exe", "types": accepted_names(EXCHANGE_TYPES)}
    assert not Upload.objects.exists()
    nothing_left(upload_root)


def test_the_uploads_in_progress_count_against_the_room_left(member, space, upload_root):
    space.quota_bytes = 500_000
    space.save()
    assert tus.create(member, space, name="a.pdf", length=300_000).status_code == 201
    response = tus.create(member, space, name="b.pdf", length=300_000)  # fits alone, not with a.pdf
    assert response.status_code == 413
    assert response.content.decode() == french(
        "The files being sent to this space leave %(free)s; this file takes %(size)s."
    ) % {"free": filesizeformat(200_000), "size": filesizeformat(300_000)}
    assert Upload.objects.count() == 1
    Upload.objects.update(expires_at=timezone.now() - timedelta(minutes=1))  # abandoned: its room is free
    assert tus.create(member, space, name="b.pdf", length=300_000).status_code == 201


def test_the_quota_is_checked_again_when_the_last_byte_arrives(member, space, unit_member, upload_root):
    content = big_pdf(300 * 1024)
    space.quota_bytes = len(content) + 1000
    space.save()
    url = tus.create(member, space, name="a.pdf", length=len(content))["Location"]
    offset = 0
    while offset + CHUNK < len(content):
        offset = int(tus.patch(member, url, offset=offset, data=content[offset : offset + CHUNK])["Upload-Offset"])
    # Meanwhile a file arrives another way (the plain form) and takes the room.
    stored_pdf(space=space, user=unit_member, name="autre.pdf")
    response = tus.patch(member, url, offset=offset, data=content[offset:])
    assert response.status_code == 422
    assert "quota" in response.content.decode()
    assert list(SharedFile.objects.values_list("name", flat=True)) == ["autre.pdf"]
    assert PrivateFile.objects.count() == 1
    assert list(upload_root.glob("*")) == []
    assert Upload.objects.get().state == UploadState.REFUSED


def test_a_new_version_of_a_file(member, space, unit_member):
    shared_file = stored_pdf(space=space, user=unit_member, name="entente.pdf").shared_file
    content = pdf_bytes("Entente, version révisée")
    response = tus.send(member, space, content, name="entente-revisee.pdf", query=f"?file={shared_file.pk}")
    assert response.status_code == 204
    shared_file.refresh_from_db()
    assert shared_file.current_version.number == 2
    assert shared_file.current_version.stored_file.sha256 == hashlib.sha256(content).hexdigest()
    assert shared_file.name == "entente.pdf"


def test_a_new_version_must_keep_the_type(member, space, unit_member, upload_root):
    shared_file = stored_pdf(space=space, user=unit_member, name="entente.pdf").shared_file
    response = tus.create(member, space, name="entente.docx", length=100, query=f"?file={shared_file.pk}")
    assert response.status_code == 422
    assert not Upload.objects.exists()


def test_an_upload_into_a_folder(member, space):
    folder = FolderFactory(space=space, name="Correspondance")
    assert (
        tus.send(member, space, pdf_bytes("Lettre"), name="lettre.pdf", query=f"?folder={folder.pk}").status_code == 204
    )
    assert SharedFile.objects.get().folder == folder


def test_a_drop_link_uploads_through_the_same_services(space, unit_member, upload_root):
    from documents.exchange.choices import LinkKind
    from documents.exchange.models import ShareLink

    link = ShareLink.objects.create(
        space=space,
        kind=LinkKind.DROP,
        digest="d" * 64,
        expires_at=timezone.now() + timedelta(days=2),
        created_by=unit_member,
    )
    content = pdf_bytes("Pièce déposée")
    upload = services.upload_create(space=space, filename="depot.pdf", length=len(content), link=link)
    services.upload_append(upload=upload, offset=0, chunk_stream=io.BytesIO(content), chunk_length=len(content))
    upload = services.upload_complete(upload=upload)
    assert upload.result.link == link
    assert upload.result.created_by is None  # a visitor; the stored file names the link's creator
    assert upload.result.stored_file.uploaded_by == unit_member
    assert list(upload_root.glob("*")) == []


def test_abandoned_uploads_are_dropped_by_the_scheduled_job(member, space, upload_root):
    assert "documents.exchange_uploads" in {job.key for job in jobs()}
    old = tus.create(member, space, name="vieux.pdf", length=100)["Location"]
    tus.patch(member, old, offset=0, data=b"%PDF-")
    fresh = tus.create(member, space, name="recent.pdf", length=100)["Location"]
    Upload.objects.filter(filename="vieux.pdf").update(expires_at=timezone.now() - timedelta(minutes=1))
    orphan = upload_root / "0123456789abcdef0123456789abcdef.part"
    orphan.write_bytes(b"left by a crash")
    past = (timezone.now() - timedelta(days=2)).timestamp()
    os.utime(orphan, (past, past))

    job = next(job for job in jobs() if job.key == "documents.exchange_uploads")
    summary = job.run(timezone.localdate(), lambda *args: None)
    assert "1" in summary
    assert list(Upload.objects.values_list("filename", flat=True)) == ["recent.pdf"]
    assert [p.name for p in upload_root.glob("*")] == [f"{Upload.objects.get().uuid.hex}.part"]
    assert tus.head(member, old).status_code == 404
    assert tus.head(member, fresh).status_code == 200
    assert job.run(timezone.localdate(), lambda *args: None)  # idempotent: nothing more to drop
