"""Virus scanning of uploads: Debian's clamd with a one-signature database (tests/exchange/clamav.py)
finds the EICAR test file, which is refused and leaves nothing behind; a clean file passes; a
daemon that is down or silent refuses the upload (fail closed); no daemon configured, no scan."""

import logging
import socket
import threading

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import translation

from documents.exchange import scanning, services
from documents.exchange.choices import EventAction, UploadState
from documents.exchange.models import ExchangeEvent, ExchangeSpace, FileVersion, SharedFile, Upload
from opq_intranet.core.models import PrivateFile
from tests.documents.samples import pdf_bytes
from tests.exchange import tus_client as tus
from tests.exchange.clamav import EICAR, SIGNATURE_NAME
from tests.exchange.factories import pdf_upload, stored_pdf

pytestmark = pytest.mark.django_db

VIRUS = "This file contains a virus (%(name)s) and was refused."
UNAVAILABLE = "The virus check is unavailable; try again later."
FRENCH = {
    VIRUS: "Ce fichier contient un virus (%(name)s) et a été refusé.",
    UNAVAILABLE: "La vérification antivirus n’est pas disponible; réessayez plus tard.",
}
FOUND_NAME = f"{SIGNATURE_NAME}.UNOFFICIAL"  # clamd's name for a signature outside its official set


@pytest.fixture
def media(settings, tmp_path):
    """Stored files go to a directory of this test alone, so that "nothing left" can be checked."""
    root = tmp_path / "private"
    root.mkdir()
    settings.PRIVATE_MEDIA_ROOT = settings.MEDIA_ROOT = root
    return root


@pytest.fixture
def clamd_on(settings, clamd_address):
    settings.CLAMAV_ADDRESS = clamd_address
    return clamd_address


@pytest.fixture(autouse=True)
def english():
    with translation.override("en"):
        yield


def eicar_upload(name="eicar.txt"):
    return SimpleUploadedFile(name, EICAR, content_type="text/plain")


def store(space, user, uploaded, **kwargs):
    return services.file_store(space=space, uploaded=uploaded, user=user, **kwargs)


def refusal(space, user, uploaded, **kwargs):
    with pytest.raises(ValidationError) as caught:
        store(space, user, uploaded, **kwargs)
    return caught.value


def assert_nothing_left(space, media, *, files=0, versions=0, used_bytes=0):
    assert SharedFile.objects.filter(space=space).count() == files
    assert FileVersion.objects.filter(shared_file__space=space).count() == versions
    assert PrivateFile.objects.count() == versions
    assert len([p for p in media.rglob("*") if p.is_file()]) == versions
    assert ExchangeSpace.objects.get(pk=space.pk).used_bytes == used_bytes
    assert ExchangeEvent.objects.filter(space=space).count() == versions


def test_the_eicar_file_is_refused_and_leaves_nothing_behind(space, unit_member, media, clamd_on, caplog):
    with caplog.at_level(logging.WARNING, logger="documents.exchange.scanning"):
        error = refusal(space, unit_member, eicar_upload())
    assert error.code == "virus"
    assert error.messages == [VIRUS % {"name": FOUND_NAME}]
    assert FOUND_NAME in caplog.text and "eicar.txt" in caplog.text
    assert_nothing_left(space, media)


def test_a_clean_pdf_passes_the_running_daemon(space, unit_member, media, clamd_on):
    version = stored_pdf(space=space, user=unit_member)
    assert version.shared_file.current_version == version
    assert_nothing_left(space, media, files=1, versions=1, used_bytes=version.stored_file.size)


def test_eicar_inside_an_accepted_pdf_is_refused_as_a_new_version(space, partner, media, clamd_on):
    """The type check passes (a real PDF); the scanner still finds the string inside, and the
    file keeps its one clean version."""
    first = stored_pdf(space=space, user=partner)
    infected = SimpleUploadedFile("piece.pdf", pdf_bytes("Réponse") + b"\n%" + EICAR + b"\n", "application/pdf")
    assert services.check_type(infected) == "application/pdf"
    error = refusal(space, partner, infected, shared_file=first.shared_file)
    assert error.code == "virus"
    shared_file = SharedFile.objects.get(pk=first.shared_file.pk)
    assert shared_file.current_version_id == first.pk
    assert_nothing_left(space, media, files=1, versions=1, used_bytes=first.stored_file.size)


def test_a_dead_daemon_refuses_the_upload(space, unit_member, media, settings, tmp_path, caplog):
    """Fail closed: no socket at the configured address (clamd stopped) refuses, and says why in the log."""
    settings.CLAMAV_ADDRESS = str(tmp_path / "clamd-stopped.sock")
    with caplog.at_level(logging.ERROR, logger="documents.exchange.scanning"):
        error = refusal(space, unit_member, pdf_upload())
    assert error.code == "scan_unavailable"
    assert error.messages == [UNAVAILABLE]
    assert "clamd-stopped.sock" in caplog.text
    assert_nothing_left(space, media)


def test_a_daemon_that_never_answers_is_given_up_on_after_the_timeout(space, unit_member, media, settings, tmp_path):
    """A socket that takes the connection and stays silent: refused after CLAMAV_TIMEOUT, not hung."""
    address = str(tmp_path / "silent.sock")
    with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as silent:
        silent.bind(address)
        silent.listen(1)
        settings.CLAMAV_ADDRESS = address
        settings.CLAMAV_TIMEOUT = 0.5
        error = refusal(space, unit_member, pdf_upload())
    assert error.code == "scan_unavailable"
    assert_nothing_left(space, media)


@pytest.fixture
def answering(tmp_path):
    """A fake daemon on a unix socket that reads one INSTREAM and gives the answer the test sets."""
    address = str(tmp_path / "fake.sock")
    server = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    server.bind(address)
    server.listen(1)
    answer = {"line": b"stream: OK\n"}

    def serve():
        connection, _ = server.accept()
        with connection:
            connection.settimeout(5)
            received = b""
            while not received.endswith(b"\0\0\0\0"):  # the zero-length chunk that ends the stream
                chunk = connection.recv(65536)
                if not chunk:
                    return
                received += chunk
            connection.sendall(answer["line"])

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    yield address, answer
    server.close()
    thread.join(timeout=5)


@pytest.mark.parametrize(
    "line",
    [
        b"INSTREAM size limit exceeded. ERROR\n",  # a file over clamd's StreamMaxLength
        b"stream: Can't allocate memory ERROR\n",
        b"\n",  # closed without a verdict
        b"stream: something unexpected\n",
    ],
)
def test_any_answer_but_ok_or_found_refuses(space, unit_member, media, settings, answering, line):
    address, answer = answering
    answer["line"] = line
    settings.CLAMAV_ADDRESS = f"unix://{address}"
    error = refusal(space, unit_member, pdf_upload())
    assert error.code == "scan_unavailable"
    assert_nothing_left(space, media)


def test_a_closed_tcp_port_refuses(space, unit_member, media, settings):
    with socket.socket() as probe:  # a loopback port nobody listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    settings.CLAMAV_ADDRESS = f"tcp://127.0.0.1:{port}"
    assert refusal(space, unit_member, pdf_upload()).code == "scan_unavailable"
    assert_nothing_left(space, media)


@pytest.mark.parametrize("address", ["clamd.sock", "tcp://127.0.0.1", "http://127.0.0.1:3310"])
def test_a_malformed_address_refuses_rather_than_skipping_the_scan(space, unit_member, media, settings, address):
    settings.CLAMAV_ADDRESS = address
    assert refusal(space, unit_member, pdf_upload()).code == "scan_unavailable"
    assert_nothing_left(space, media)


def test_the_addresses_clamd_is_reached_at():
    unix = scanning.client("unix:///run/clamav/clamd.ctl", 3)
    assert (type(unix).__name__, unix.unix_socket, unix.timeout) == ("ClamdUnixSocket", "/run/clamav/clamd.ctl", 3)
    assert scanning.client("/run/clamav/clamd.ctl", 3).unix_socket == "/run/clamav/clamd.ctl"
    tcp = scanning.client("tcp://127.0.0.1:3310", 3)
    assert (type(tcp).__name__, tcp.host, tcp.port) == ("ClamdNetworkSocket", "127.0.0.1", 3310)


def test_no_daemon_configured_means_no_scan(space, unit_member, media, settings, monkeypatch):
    settings.CLAMAV_ADDRESS = ""

    def no_client(*args, **kwargs):
        raise AssertionError("no daemon is configured: nothing may be sent")

    monkeypatch.setattr(scanning, "client", no_client)
    version = stored_pdf(space=space, user=unit_member)
    assert version.stored_file.size > 0


def french(msgid):
    """The message as a French-speaking person reads it (the catalogue's, once translated)."""
    with translation.override("fr-ca"):
        return translation.gettext(msgid)


@pytest.fixture
def tus_upload_root(settings, media, tmp_path):
    settings.EXCHANGE_UPLOAD_ROOT = tmp_path / "uploads"
    settings.EXCHANGE_UPLOAD_CHUNK_BYTES = TUS_CHUNK
    return settings.EXCHANGE_UPLOAD_ROOT


TUS_CHUNK = 64 * 1024


def eicar_across_chunks():
    """A real PDF of three chunks with the EICAR string straddling the first chunk's end: only
    a scan of the whole received file finds it."""
    head = pdf_bytes("Réponse de l'ordre") + b"\n%"
    middle = TUS_CHUNK - len(EICAR) // 2 - len(head)
    content = head + b"0" * middle + EICAR + b"\n%" + b"1" * TUS_CHUNK * 2
    assert content.index(EICAR) < TUS_CHUNK < content.index(EICAR) + len(EICAR)
    return content


@pytest.mark.parametrize(("name", "content"), [("eicar.txt", EICAR), ("reponse.pdf", None)])
def test_the_eicar_file_sent_through_tus_is_refused_and_leaves_nothing_behind(
    make_client, space, partner, media, tus_upload_root, clamd_on, name, content
):
    content = content or eicar_across_chunks()
    response = tus.send(make_client(partner), space, content, name=name, chunk=TUS_CHUNK)
    assert response.status_code == 422
    message = french(VIRUS) % {"name": FOUND_NAME}
    assert response.content.decode() == message
    upload = Upload.objects.get()
    assert (upload.state, upload.refusal) == (UploadState.REFUSED, message)
    assert list(tus_upload_root.glob("*")) == []  # no temporary file
    assert not SharedFile.objects.exists()
    assert not FileVersion.objects.exists()
    assert not PrivateFile.objects.exists()
    assert [p for p in media.rglob("*") if p.is_file()] == []
    assert ExchangeSpace.objects.get(pk=space.pk).used_bytes == 0
    refused = ExchangeEvent.objects.get(space=space)  # the audit trail says what was refused, and why
    assert (refused.action, refused.user, refused.object_name, refused.detail) == (
        EventAction.UPLOAD_REFUSED,
        partner,
        name,
        message,
    )


def test_a_clean_file_sent_through_tus_is_scanned_and_stored(make_client, space, partner, tus_upload_root, clamd_on):
    content = eicar_across_chunks().replace(EICAR, b"x" * len(EICAR))
    response = tus.send(make_client(partner), space, content, name="reponse.pdf", chunk=TUS_CHUNK)
    assert response.status_code == 204
    assert Upload.objects.get().result.stored_file.size == len(content)


def test_the_refusals_read_in_french(space, unit_member, media, clamd_on):
    with translation.override("fr-ca"):
        error = refusal(space, unit_member, eicar_upload())
        assert error.messages == [FRENCH[VIRUS] % {"name": FOUND_NAME}]
        assert str(scanning.unavailable().messages[0]) == FRENCH[UNAVAILABLE]
