"""Share and drop links, the visitor's side (/partage/<secret>/): what a link opens and never
more; expiry, revocation and download limits hold; a drop link never lists or serves what is
there; a wrong password is throttled; every access is in the space's audit trail."""

import base64
import html
import time
from datetime import timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import override_settings
from django.urls import reverse
from django.utils import timezone, translation

from documents.exchange import services
from documents.exchange.choices import EventAction, LinkKind
from documents.exchange.models import ExchangeEvent, FileVersion, SharedFile, ShareLink
from documents.exchange.services import links as link_services
from opq_intranet.core.models import PrivateFile
from tests.exchange.factories import FolderFactory, pdf_upload, stored_pdf

pytestmark = pytest.mark.django_db

VISITOR = "203.0.113.7"


def fr(message, **values):
    with translation.override("fr-ca"):
        text = translation.gettext(message)
    return text % values if values else text


NO_LONGER_VALID = "This link is no longer valid"


def new_link(space, user, **options):
    values = {"kind": LinkKind.DOWNLOAD, "expires_on": timezone.localdate() + timedelta(days=7), **options}
    return services.link_create(space=space, user=user, label="Me Tremblay", **values)


def open_url(secret):
    return reverse("share:open", args=[secret])


@pytest.fixture
def visitor(client):
    client.defaults["REMOTE_ADDR"] = VISITOR
    return client


@pytest.fixture
def folder(space):
    return FolderFactory(space=space, name="Dossier 2026-14")


@pytest.fixture
def shared_file(space, unit_member, folder):
    return stored_pdf(space=space, user=unit_member, folder=folder, name="avis-juridique.pdf", text="Avis").shared_file


def assert_invalid(response):
    assert response.status_code == 404
    assert fr(NO_LONGER_VALID) in response.content.decode()


def test_an_unknown_link_is_no_longer_valid_for_anyone(make_client, unit_member, partner):
    for client in (make_client(), make_client(unit_member), make_client(partner, verified=False)):
        response = client.get(open_url("pas-un-vrai-secret"))
        assert_invalid(response)
        assert response["Referrer-Policy"] == "strict-origin"
        assert "noindex" in response["X-Robots-Tag"]
        assert "no-store" in response["Cache-Control"]
    assert not ExchangeEvent.objects.exists()


def test_a_file_link_shows_the_file_and_downloads_it_counted_and_logged(visitor, space, unit_member, shared_file):
    link, secret = new_link(space, unit_member, shared_file=shared_file)
    page = visitor.get(open_url(secret))
    assert page.status_code == 200
    text = page.content.decode()
    assert "avis-juridique.pdf" in text and space.name in html.unescape(text)
    assert page["Referrer-Policy"] == "strict-origin"
    # No intranet navigation, no person's name.
    assert "global-search" not in text and unit_member.last_name not in text and "Me Tremblay" not in text
    download = visitor.post(reverse("share:download", args=[secret]))
    assert download.status_code == 200
    assert b"".join(download.streaming_content).startswith(b"%PDF")
    assert "attachment" in download["Content-Disposition"] and download["Content-Security-Policy"] == "sandbox"
    link.refresh_from_db()
    assert link.download_count == 1
    opened = ExchangeEvent.objects.get(action=EventAction.LINK_OPENED)
    downloaded = ExchangeEvent.objects.get(action=EventAction.DOWNLOADED)
    assert (opened.link, opened.ip_address, opened.user) == (link, VISITOR, None)
    assert (downloaded.link, downloaded.shared_file, downloaded.ip_address) == (link, shared_file, VISITOR)
    # A GET of the download URL spends nothing: it leads to the page.
    assert visitor.get(reverse("share:download", args=[secret])).status_code == 302
    link.refresh_from_db()
    assert link.download_count == 1


def test_the_download_limit_holds(visitor, space, unit_member, shared_file):
    link, secret = new_link(space, unit_member, shared_file=shared_file, max_downloads=2)
    url = reverse("share:download", args=[secret])
    assert visitor.post(url).status_code == 200
    assert visitor.post(url).status_code == 200
    assert_invalid(visitor.post(url))
    assert_invalid(visitor.get(open_url(secret)))
    link.refresh_from_db()
    assert link.download_count == 2
    assert ExchangeEvent.objects.filter(action=EventAction.DOWNLOADED).count() == 2
    assert ExchangeEvent.objects.filter(action=EventAction.LINK_REFUSED, link=link).exists()


def test_two_downloads_at_the_same_moment_never_pass_the_limit(rf, space, unit_member, shared_file):
    link, _secret = new_link(space, unit_member, shared_file=shared_file, max_downloads=2)
    ShareLink.objects.filter(pk=link.pk).update(download_count=1)
    # Both requests read the link when one download was left.
    first, second = ShareLink.objects.get(pk=link.pk), ShareLink.objects.get(pk=link.pk)
    request = rf.get("/")
    assert link_services.link_download(link=first, shared_file=shared_file, request=request) is True
    assert link_services.link_download(link=second, shared_file=shared_file, request=request) is False
    link.refresh_from_db()
    assert link.download_count == 2


def test_an_expired_or_revoked_link_is_no_longer_valid(visitor, space, unit_member, shared_file):
    expired, expired_secret = new_link(space, unit_member, shared_file=shared_file)
    ShareLink.objects.filter(pk=expired.pk).update(expires_at=timezone.now() - timedelta(seconds=1))
    revoked, revoked_secret = new_link(space, unit_member, shared_file=shared_file)
    services.link_revoke(link=revoked, user=unit_member)
    for secret in (expired_secret, revoked_secret):
        assert_invalid(visitor.get(open_url(secret)))
        assert_invalid(visitor.post(reverse("share:download", args=[secret])))
    refused = ExchangeEvent.objects.filter(action=EventAction.LINK_REFUSED)
    assert {event.link for event in refused} == {expired, revoked}
    assert all(event.ip_address == VISITOR for event in refused)
    assert not ExchangeEvent.objects.filter(action=EventAction.DOWNLOADED).exists()


def test_a_link_expires_at_the_end_of_its_day(visitor, space, unit_member, shared_file):
    link, secret = new_link(space, unit_member, shared_file=shared_file, expires_on=timezone.localdate())
    assert visitor.get(open_url(secret)).status_code == 200
    with pytest.MonkeyPatch.context() as patch:
        later = link.expires_at + timedelta(minutes=1)
        patch.setattr(link_services.timezone, "now", lambda: later)
        assert_invalid(visitor.get(open_url(secret)))


def test_a_closed_space_or_a_deleted_file_closes_its_links(visitor, space, unit_member, shared_file):
    _link, secret = new_link(space, unit_member, shared_file=shared_file)
    SharedFile.objects.filter(pk=shared_file.pk).update(deleted_at=timezone.now())
    assert_invalid(visitor.get(open_url(secret)))
    SharedFile.objects.filter(pk=shared_file.pk).update(deleted_at=None)
    space.is_active = False
    space.save()
    assert_invalid(visitor.get(open_url(secret)))


def test_a_folder_link_opens_its_folder_and_what_is_below_it_only(visitor, space, unit_member, folder, shared_file):
    below = FolderFactory(space=space, parent=folder, name="Annexes")
    deeper = stored_pdf(space=space, user=unit_member, folder=below, name="annexe-a.pdf").shared_file
    outside_folder = FolderFactory(space=space, name="Interne")
    outside = stored_pdf(space=space, user=unit_member, folder=outside_folder, name="note-interne.pdf").shared_file
    at_root = stored_pdf(space=space, user=unit_member, name="racine.pdf").shared_file
    _link, secret = new_link(space, unit_member, folder=folder)
    text = visitor.get(open_url(secret)).content.decode()
    assert "avis-juridique.pdf" in text and "Annexes" in text
    assert "note-interne.pdf" not in text and "Interne" not in text and "racine.pdf" not in text
    sub = visitor.get(reverse("share:folder", args=[secret, below.pk]))
    assert sub.status_code == 200 and "annexe-a.pdf" in sub.content.decode()
    assert visitor.post(reverse("share:file_download", args=[secret, deeper.pk])).status_code == 200
    assert visitor.post(reverse("share:file_download", args=[secret, shared_file.pk])).status_code == 200
    for refused in (
        visitor.get(reverse("share:folder", args=[secret, outside_folder.pk])),
        visitor.post(reverse("share:file_download", args=[secret, outside.pk])),
        visitor.post(reverse("share:file_download", args=[secret, at_root.pk])),
        visitor.post(reverse("share:download", args=[secret])),
    ):
        assert_invalid(refused)
    assert ExchangeEvent.objects.filter(action=EventAction.DOWNLOADED).count() == 2


def test_a_file_link_serves_that_file_only(visitor, space, unit_member, folder, shared_file):
    other = stored_pdf(space=space, user=unit_member, folder=folder, name="autre.pdf").shared_file
    _link, secret = new_link(space, unit_member, shared_file=shared_file)
    assert_invalid(visitor.post(reverse("share:file_download", args=[secret, other.pk])))
    assert_invalid(visitor.get(reverse("share:folder", args=[secret, folder.pk])))


# --- Drop links ------------------------------------------------------------------------------


def test_a_drop_link_never_lists_or_serves_what_is_there(visitor, space, unit_member, folder, shared_file):
    below = FolderFactory(space=space, parent=folder, name="Annexes")
    _link, secret = new_link(space, unit_member, kind=LinkKind.DROP, folder=folder)
    page = visitor.get(open_url(secret))
    assert page.status_code == 200
    text = page.content.decode()
    assert "avis-juridique.pdf" not in text and "Annexes" not in text and folder.name not in text
    assert reverse("share:drop", args=[secret]) in text
    for refused in (
        visitor.get(reverse("share:download", args=[secret])),
        visitor.post(reverse("share:download", args=[secret])),
        visitor.get(reverse("share:file_download", args=[secret, shared_file.pk])),
        visitor.post(reverse("share:file_download", args=[secret, shared_file.pk])),
        visitor.get(reverse("share:folder", args=[secret, below.pk])),
    ):
        assert_invalid(refused)
    assert not ExchangeEvent.objects.filter(action=EventAction.DOWNLOADED).exists()


def test_a_drop_link_receives_a_file_and_says_only_its_name(visitor, space, unit_member, folder, shared_file):
    link, secret = new_link(space, unit_member, kind=LinkKind.DROP, folder=folder)
    response = visitor.post(reverse("share:drop", args=[secret]), {"uploaded": pdf_upload("reponse-ordre.pdf")})
    assert response.status_code == 302
    version = FileVersion.objects.get(link=link)
    assert (version.shared_file.folder, version.shared_file.name, version.created_by) == (
        folder,
        "reponse-ordre.pdf",
        None,
    )
    page = visitor.get(open_url(secret)).content.decode()
    assert fr("Received") in page and "reponse-ordre.pdf" in page
    assert "avis-juridique.pdf" not in page
    # Said once; another visitor of the same link is told nothing.
    assert "reponse-ordre.pdf" not in visitor.get(open_url(secret)).content.decode()
    uploaded = ExchangeEvent.objects.get(action=EventAction.UPLOADED, link=link)
    assert uploaded.ip_address == VISITOR and uploaded.user is None


def test_a_drop_link_refuses_a_forbidden_type_or_a_file_too_large_and_keeps_nothing(
    visitor, space, unit_member, folder
):
    _link, secret = new_link(space, unit_member, kind=LinkKind.DROP, folder=folder)
    files_before, stored_before = SharedFile.objects.count(), PrivateFile.objects.count()
    script = SimpleUploadedFile("outil.exe", b"MZ\x90\x00" + b"\x00" * 200, content_type="application/octet-stream")
    response = visitor.post(reverse("share:drop", args=[secret]), {"uploaded": script})
    assert response.status_code == 422
    refusal = fr("This type of file (%(type)s) is not accepted here.", type="application/x-dosexec")
    assert refusal in html.unescape(response.content.decode())
    with override_settings(EXCHANGE_MAX_FILE_BYTES=100):
        response = visitor.post(reverse("share:drop", args=[secret]), {"uploaded": pdf_upload()})
    assert response.status_code == 422
    assert visitor.post(reverse("share:drop", args=[secret]), {}).status_code == 422
    assert (SharedFile.objects.count(), PrivateFile.objects.count()) == (files_before, stored_before)


def test_a_share_link_takes_no_file(visitor, space, unit_member, folder):
    _link, secret = new_link(space, unit_member, folder=folder)
    assert_invalid(visitor.post(reverse("share:drop", args=[secret]), {"uploaded": pdf_upload()}))
    assert not SharedFile.objects.exists()


# --- Passwords ------------------------------------------------------------------------------


def test_a_password_link_asks_its_password_first(visitor, space, unit_member, shared_file):
    link, secret = new_link(space, unit_member, shared_file=shared_file, password="bon-mot-de-passe")
    page = visitor.get(open_url(secret))
    assert page.status_code == 200 and "avis-juridique.pdf" not in page.content.decode()
    # Neither the download nor another page opens before it.
    assert visitor.post(reverse("share:download", args=[secret])).status_code == 302
    link.refresh_from_db()
    assert link.download_count == 0
    wrong = visitor.post(open_url(secret), {"password": "mauvais"})
    assert wrong.status_code == 422
    assert fr("This password is not the link's.") in html.unescape(wrong.content.decode())
    event = ExchangeEvent.objects.get(action=EventAction.LINK_PASSWORD_WRONG)
    assert (event.link, event.ip_address) == (link, VISITOR)
    assert visitor.post(open_url(secret), {"password": ""}).status_code == 422
    assert visitor.post(open_url(secret), {"password": "bon-mot-de-passe"}).status_code == 302
    assert "avis-juridique.pdf" in visitor.get(open_url(secret)).content.decode()
    assert visitor.post(reverse("share:download", args=[secret])).status_code == 200


def test_a_password_opens_its_own_link_only(visitor, space, unit_member, shared_file):
    _first, first_secret = new_link(space, unit_member, shared_file=shared_file, password="meme-mot-de-passe")
    _second, second_secret = new_link(space, unit_member, shared_file=shared_file, password="meme-mot-de-passe")
    assert visitor.post(open_url(first_secret), {"password": "meme-mot-de-passe"}).status_code == 302
    assert "avis-juridique.pdf" not in visitor.get(open_url(second_secret)).content.decode()


def test_a_wrong_password_is_throttled_even_for_the_right_one_until_the_window_passes(
    visitor, space, unit_member, shared_file, monkeypatch
):
    link, secret = new_link(space, unit_member, shared_file=shared_file, password="bon-mot-de-passe")
    for _ in range(5):
        assert visitor.post(open_url(secret), {"password": "mauvais"}).status_code == 422
    refused = visitor.post(open_url(secret), {"password": "bon-mot-de-passe"})
    assert refused.status_code == 429
    assert fr("Too many tries") in refused.content.decode()
    assert int(refused["Retry-After"]) > 0
    assert "avis-juridique.pdf" not in visitor.get(open_url(secret)).content.decode()
    # From another address too: the link itself is locked.
    assert (
        visitor.post(open_url(secret), {"password": "bon-mot-de-passe"}, REMOTE_ADDR="198.51.100.9").status_code == 429
    )
    assert ExchangeEvent.objects.filter(action=EventAction.LINK_PASSWORD_WRONG, link=link).count() == 5
    later = time.time() + 15 * 60 + 1
    monkeypatch.setattr("opq_intranet.accounts.throttling.time.time", lambda: later)
    assert visitor.post(open_url(secret), {"password": "bon-mot-de-passe"}).status_code == 302
    assert "avis-juridique.pdf" in visitor.get(open_url(secret)).content.decode()


def test_one_address_guessing_many_links_is_throttled(visitor, space, unit_member, shared_file):
    secrets = [new_link(space, unit_member, shared_file=shared_file, password="bon-mot-de-passe")[1] for _ in range(5)]
    for secret in secrets[:4]:
        for _ in range(5):
            visitor.post(open_url(secret), {"password": "mauvais"})
    assert visitor.post(open_url(secrets[4]), {"password": "bon-mot-de-passe"}).status_code == 429
    other = visitor.post(open_url(secrets[4]), {"password": "bon-mot-de-passe"}, REMOTE_ADDR="198.51.100.9")
    assert other.status_code == 302


# --- Resumable uploads through a drop link (tus) ---------------------------------------------

TUS = {"Tus-Resumable": "1.0.0"}


def tus_create(client, secret, *, name="reponse.pdf", length):
    encoded = base64.b64encode(name.encode()).decode()
    return client.post(
        reverse("share:upload_collection", args=[secret]),
        headers={**TUS, "Upload-Length": str(length), "Upload-Metadata": f"filename {encoded}"},
    )


def tus_patch(client, url, *, offset, data):
    return client.generic(
        "PATCH",
        url,
        data,
        content_type="application/offset+octet-stream",
        headers={**TUS, "Upload-Offset": str(offset)},
    )


def test_a_drop_link_takes_a_resumable_upload_into_its_folder(visitor, space, unit_member, folder):
    link, secret = new_link(space, unit_member, kind=LinkKind.DROP, folder=folder)
    content = pdf_upload().read()
    created = tus_create(visitor, secret, length=len(content))
    assert created.status_code == 201
    location = created["Location"]
    assert location.startswith(reverse("share:upload_collection", args=[secret]))
    assert created["Referrer-Policy"] == "strict-origin"
    assert tus_patch(visitor, location, offset=0, data=content[:700]).status_code == 204
    # Resumed where it stopped.
    assert visitor.head(location, headers=TUS)["Upload-Offset"] == "700"
    assert tus_patch(visitor, location, offset=700, data=content[700:]).status_code == 204
    version = FileVersion.objects.get(link=link)
    assert (version.shared_file.folder, version.shared_file.name, version.created_by) == (folder, "reponse.pdf", None)
    assert ExchangeEvent.objects.filter(action=EventAction.UPLOADED, link=link, ip_address=VISITOR).exists()


def test_resumable_uploads_only_through_a_usable_drop_link(visitor, space, unit_member, folder):
    _share, share_secret = new_link(space, unit_member, folder=folder)
    revoked, revoked_secret = new_link(space, unit_member, kind=LinkKind.DROP, folder=folder)
    services.link_revoke(link=revoked, user=unit_member)
    _locked, locked_secret = new_link(space, unit_member, kind=LinkKind.DROP, folder=folder, password="un-long-mot")
    for secret in ("pas-un-vrai-secret", share_secret, revoked_secret):
        assert tus_create(visitor, secret, length=100).status_code == 404, secret
    assert tus_create(visitor, locked_secret, length=100).status_code == 403
    # Another drop link's upload is not this one's.
    _first, first_secret = new_link(space, unit_member, kind=LinkKind.DROP, folder=folder)
    _second, second_secret = new_link(space, unit_member, kind=LinkKind.DROP, folder=folder)
    location = tus_create(visitor, first_secret, length=100)["Location"]
    uid = location.rstrip("/").rsplit("/", 1)[1]
    assert visitor.head(reverse("share:upload_resource", args=[second_secret, uid]), headers=TUS).status_code == 404
    assert not FileVersion.objects.exists()


@override_settings(PROXY_COUNT=1)
def test_behind_the_proxy_the_journal_keeps_the_visitors_address_not_the_proxys(space, unit_member, client):
    stored_pdf(space=space, user=unit_member)
    _link, secret = new_link(space, unit_member)
    client.get(
        reverse("share:open", args=[secret]),
        REMOTE_ADDR="127.0.0.1",
        HTTP_X_FORWARDED_FOR=f"198.51.100.1, {VISITOR}",  # the first entry is the client's to forge
    )
    assert ExchangeEvent.objects.get(action=EventAction.LINK_OPENED).ip_address == VISITOR
