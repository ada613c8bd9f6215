"""The tus 1.0 protocol of a space's uploads (documents/exchange/tus.py), as tus-js-client
speaks it: creation, offset, chunks, the refusals, and who may use it."""

from datetime import timedelta
from urllib.parse import unquote

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone, translation

from documents.exchange.choices import MemberAccess, UploadState
from documents.exchange.models import Upload
from opq_intranet.accounts.testing import sign_in
from tests.exchange import tus_client as tus
from tests.exchange.factories import ExchangeSpaceFactory, FolderFactory, SpaceMemberFactory

pytestmark = pytest.mark.django_db

PDF_HEAD = b"%PDF-1.7\n"


@pytest.fixture(autouse=True)
def upload_root(settings, tmp_path):
    settings.EXCHANGE_UPLOAD_ROOT = tmp_path / "uploads"
    settings.MEDIA_ROOT = tmp_path / "private"
    return settings.EXCHANGE_UPLOAD_ROOT


def french(msgid):
    """The message as a French-speaking person reads it (the catalogue's, once translated)."""
    with translation.override("fr-ca"):
        return translation.gettext(msgid)


def temp_files(root):
    return sorted(p.name for p in root.glob("*")) if root.exists() else []


@pytest.fixture
def member(make_client, unit_member):
    return make_client(unit_member)


def test_options_say_what_the_server_supports(member, space, settings):
    response = member.options(tus.collection_url(space))
    assert response.status_code == 204
    assert response["Tus-Resumable"] == "1.0.0"
    assert response["Tus-Version"] == "1.0.0"
    assert set(response["Tus-Extension"].split(",")) == {"creation", "expiration", "termination"}
    assert response["Tus-Max-Size"] == str(settings.EXCHANGE_MAX_FILE_BYTES)


def test_creation_opens_an_empty_temporary_file_named_by_the_uuid(member, space, unit_member, upload_root):
    response = tus.create(member, space, name="../../rapport annuel.pdf", length=1000)
    assert response.status_code == 201
    upload = Upload.objects.get()
    assert response["Location"] == f"/portail/echanges/{space.pk}/televersements/{upload.uuid}/"
    assert response["Tus-Resumable"] == "1.0.0"
    assert "Upload-Expires" in response
    assert (upload.space, upload.user, upload.length, upload.offset) == (space, unit_member, 1000, 0)
    assert upload.filename == "rapport_annuel.pdf"  # the base name only, made safe
    assert temp_files(upload_root) == [f"{upload.uuid.hex}.part"]
    assert (upload_root / f"{upload.uuid.hex}.part").stat().st_size == 0


def test_head_gives_the_offset_and_patch_appends(member, space, upload_root):
    url = tus.create(member, space, length=20)["Location"]
    response = tus.head(member, url)
    assert response.status_code == 200
    assert (response["Upload-Offset"], response["Upload-Length"]) == ("0", "20")
    assert "no-store" in response["Cache-Control"]

    response = tus.patch(member, url, offset=0, data=PDF_HEAD)
    assert response.status_code == 204
    assert response["Upload-Offset"] == str(len(PDF_HEAD))
    assert tus.head(member, url)["Upload-Offset"] == str(len(PDF_HEAD))
    upload = Upload.objects.get()
    assert (upload_root / f"{upload.uuid.hex}.part").read_bytes() == PDF_HEAD


def test_a_wrong_offset_is_a_conflict_and_writes_nothing(member, space, upload_root):
    url = tus.create(member, space, length=20)["Location"]
    tus.patch(member, url, offset=0, data=b"%PDF-")
    for offset in (0, 3, 12):
        response = tus.patch(member, url, offset=offset, data=b"xxxx")
        assert response.status_code == 409
        assert response["Upload-Offset"] == "5"
    upload = Upload.objects.get()
    assert upload.offset == 5
    assert (upload_root / f"{upload.uuid.hex}.part").read_bytes() == b"%PDF-"


def test_malformed_requests_are_refused(member, space):
    url = tus.collection_url(space)
    assert member.post(url, headers={"Upload-Length": "5"}).status_code == 412  # no Tus-Resumable
    assert member.post(url, headers={"Tus-Resumable": "0.2.2", "Upload-Length": "5"}).status_code == 412
    no_length = member.post(url, headers={**tus.TUS, "Upload-Metadata": tus.metadata(filename="a.pdf")})
    assert no_length.status_code == 400
    assert member.post(url, headers={**tus.TUS, "Upload-Length": "-3"}).status_code == 400
    assert member.post(url, headers={**tus.TUS, "Upload-Length": "5"}).status_code == 400  # no name
    bad = member.post(url, headers={**tus.TUS, "Upload-Length": "5", "Upload-Metadata": "filename ***"})
    assert bad.status_code == 400
    assert not Upload.objects.exists()

    upload_url = tus.create(member, space, length=5)["Location"]
    wrong_type = member.generic(
        "PATCH",
        upload_url,
        b"%PDF-",
        content_type="application/octet-stream",
        headers={**tus.TUS, "Upload-Offset": "0"},
    )
    assert wrong_type.status_code == 415
    no_offset = member.generic("PATCH", upload_url, b"%PDF-", content_type=tus.OFFSET_TYPE, headers=tus.TUS)
    assert no_offset.status_code == 400
    assert member.get(upload_url, headers=tus.TUS).status_code == 405
    assert Upload.objects.get().offset == 0


def test_a_file_over_the_size_limit_is_refused_before_it_starts(member, space, settings, upload_root):
    settings.EXCHANGE_MAX_FILE_BYTES = 1024 * 1024
    response = tus.create(member, space, length=1024 * 1024 + 1)
    assert response.status_code == 413
    message = response.content.decode()
    assert message.startswith("Le fichier est trop volumineux")
    assert unquote(response["Upload-Refusal"]) == message
    assert not Upload.objects.exists()
    assert temp_files(upload_root) == []


def test_a_file_over_the_quota_is_refused_before_any_byte(member, space, upload_root):
    space.quota_bytes = 10_000
    space.used_bytes = 9_000
    space.save()
    response = tus.create(member, space, length=1_001)
    assert response.status_code == 413
    assert "quota" in response.content.decode()
    assert "1000" in response.content.decode().replace("\xa0", "").replace(" ", "")
    assert not Upload.objects.exists()
    assert temp_files(upload_root) == []
    assert tus.create(member, space, length=1_000).status_code == 201


def test_a_forbidden_name_is_refused_before_any_byte(member, space, upload_root):
    response = tus.create(member, space, name="installer.exe", length=100)
    assert response.status_code == 422
    assert response.content.decode().startswith("Ce type de fichier n’est pas accepté ici (installer.exe).")
    assert not Upload.objects.exists()
    assert temp_files(upload_root) == []


def test_a_chunk_over_the_limit_or_past_the_length_is_refused(member, space, settings):
    settings.EXCHANGE_UPLOAD_CHUNK_BYTES = 1024
    url = tus.create(member, space, length=200 * 1024)["Location"]
    assert tus.patch(member, url, offset=0, data=b"x" * (1024 + 65 * 1024)).status_code == 413
    short_url = tus.create(member, space, length=4)["Location"]
    assert tus.patch(member, short_url, offset=0, data=b"%PDF-").status_code == 413
    assert list(Upload.objects.values_list("offset", flat=True)) == [0, 0]


def test_a_chunk_is_streamed_not_read_into_memory(member, space, settings):
    """A 6 MB chunk is over DATA_UPLOAD_MAX_MEMORY_SIZE (5 MB): reading request.body would fail."""
    assert settings.DATA_UPLOAD_MAX_MEMORY_SIZE < 6 * 1024 * 1024 <= settings.EXCHANGE_UPLOAD_CHUNK_BYTES
    url = tus.create(member, space, length=7 * 1024 * 1024)["Location"]
    response = tus.patch(member, url, offset=0, data=PDF_HEAD + b"0" * (6 * 1024 * 1024 - len(PDF_HEAD)))
    assert response.status_code == 204
    assert response["Upload-Offset"] == str(6 * 1024 * 1024)


def test_unknown_and_expired_uploads(member, space, make_client, staff_without_role):
    url = tus.create(member, space, length=20)["Location"]
    unknown = url.replace(str(Upload.objects.get().uuid), "00000000-0000-4000-8000-000000000000")
    assert tus.head(member, unknown).status_code == 404
    assert tus.patch(member, unknown, offset=0, data=b"%PDF-").status_code == 404

    assert tus.head(make_client(staff_without_role), url).status_code == 403  # the policy, before any lookup

    Upload.objects.update(expires_at=timezone.now() - timedelta(minutes=1))
    assert tus.head(member, url).status_code == 410
    assert tus.patch(member, url, offset=0, data=b"%PDF-").status_code == 410


def test_another_member_cannot_touch_my_upload(make_client, space, unit_member, partner):
    url = tus.create(make_client(unit_member), space, length=20)["Location"]
    other = make_client(partner)  # a member of the space too, but not the upload's sender
    assert tus.head(other, url).status_code == 404
    assert tus.patch(other, url, offset=0, data=b"%PDF-").status_code == 404
    assert other.delete(url, headers=tus.TUS).status_code == 404
    assert Upload.objects.get().offset == 0


def test_termination_drops_the_upload_and_its_bytes(member, space, upload_root):
    url = tus.create(member, space, length=20)["Location"]
    tus.patch(member, url, offset=0, data=b"%PDF-")
    response = member.delete(url, headers=tus.TUS)
    assert response.status_code == 204
    assert not Upload.objects.exists()
    assert temp_files(upload_root) == []
    assert tus.head(member, url).status_code == 404


def test_another_partners_space_answers_404(make_client, space, partner, other_partner, organisation_partner):
    for person in (other_partner, organisation_partner):
        client = make_client(person)
        assert tus.create(client, space, length=10).status_code == 404
    url = tus.create(make_client(partner), space, length=10)["Location"]
    assert tus.head(make_client(other_partner), url).status_code == 404
    assert tus.patch(make_client(other_partner), url, offset=0, data=b"%PDF-").status_code == 404
    assert Upload.objects.count() == 1


def test_the_partner_of_the_space_uploads(make_client, space, partner):
    assert tus.create(make_client(partner), space, length=10).status_code == 201


def test_readers_are_refused(make_client, space, other_staff, partner):
    SpaceMemberFactory(space=space, user=other_staff, access=MemberAccess.READ)
    SpaceMemberFactory(space=space, user=partner, access=MemberAccess.READ)
    for person in (other_staff, partner):
        response = tus.create(make_client(person), space, length=10)
        assert response.status_code == 403
        assert response.content.decode() == french("You may not add files to this space.")
    assert not Upload.objects.exists()


def test_a_folder_or_file_of_another_space_answers_404(member, space):
    elsewhere = FolderFactory(space=ExchangeSpaceFactory())
    assert tus.create(member, space, length=10, query=f"?folder={elsewhere.pk}").status_code == 404
    assert tus.create(member, space, length=10, query="?file=999999").status_code == 404
    assert not Upload.objects.exists()


def test_who_reaches_the_endpoint(make_client, space, staff_without_role):
    anonymous = tus.create(Client(), space, length=10)
    assert anonymous.status_code == 302
    assert anonymous["Location"].startswith(reverse("accounts:login"))
    assert tus.create(make_client(staff_without_role), space, length=10).status_code == 403
    assert not Upload.objects.exists()


def test_csrf_protection_stays_on(space, unit_member):
    client = Client(enforce_csrf_checks=True)
    sign_in(client, unit_member)
    assert tus.create(client, space, length=10).status_code == 403
    client.get("/portail/")  # any page sets the token cookie
    token = client.cookies["opq_csrftoken"].value
    assert tus.create(client, space, length=10, headers={"X-CSRFToken": token}).status_code == 201


def test_a_refused_upload_is_gone(member, space):
    url = tus.create(member, space, length=10)["Location"]
    Upload.objects.update(state=UploadState.REFUSED, refusal="Refusé.")
    assert tus.head(member, url).status_code == 410
    assert tus.patch(member, url, offset=0, data=b"%PDF-").status_code == 410
