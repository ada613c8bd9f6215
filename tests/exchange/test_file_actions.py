"""A file's actions through its pages: the plain upload of a new file and of a new version,
comments, renaming and deleting. Who may do each; each refusal answers 422 with its French
message and leaves nothing behind (no shared file, no stored file, nothing on disk)."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.template.defaultfilters import filesizeformat
from django.urls import reverse
from django.utils import translation
from django.utils.html import escape

from documents.exchange import services
from documents.exchange.choices import EventAction, MemberAccess
from documents.exchange.models import ExchangeEvent, ExchangeSpace, FileComment, FileVersion, SharedFile
from opq_intranet.core.models import PrivateFile
from tests.documents.samples import pdf_bytes
from tests.exchange.clamav import EICAR, SIGNATURE_NAME
from tests.exchange.factories import ExchangeSpaceFactory, FolderFactory, SpaceMemberFactory, stored_pdf

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    """Stored files go to a directory of this test alone, so that "nothing left" can be checked."""
    root = tmp_path / "private"
    root.mkdir()
    settings.PRIVATE_MEDIA_ROOT = settings.MEDIA_ROOT = root
    return root


def fr(message, **values):
    """The page's words: the French catalogue's when it has them, the English source until then."""
    with translation.override("fr-ca"):
        text = translation.gettext(message)
    return text % values if values else text


def pdf(name="reponse.pdf", text="Réponse de l'Ordre"):
    return SimpleUploadedFile(name, pdf_bytes(text), content_type="application/pdf")


def files_on_disk(media):
    return sorted(p for p in media.rglob("*") if p.is_file())


def upload_url(space, folder=None):
    url = reverse("exchange:file_upload", args=[space.pk])
    return f"{url}?folder={folder.pk}" if folder is not None else url


def file_url(shared_file, name):
    return reverse(f"exchange:{name}", args=[shared_file.space_id, shared_file.pk])


# --- A new file, through the plain form. ----------------------------------------------------


def test_a_member_uploads_a_file_into_a_folder(make_client, space, partner, media):
    folder = FolderFactory(space=space, name="Réponses")
    client = make_client(partner)
    page = client.get(upload_url(space, folder))
    assert page.status_code == 200
    assert 'type="file"' in page.text and 'name="uploaded"' in page.text
    assert escape(fr("Upload a file to the folder %(folder)s", folder=folder.name)) in page.text
    response = client.post(upload_url(space, folder), {"uploaded": pdf()})
    assert response.status_code == 302
    assert response["Location"] == folder.get_absolute_url()
    shared_file = SharedFile.objects.get(space=space)
    assert (shared_file.name, shared_file.folder, shared_file.created_by) == ("reponse.pdf", folder, partner)
    assert shared_file.current_version.stored_file.mime_type == "application/pdf"
    assert ExchangeEvent.objects.filter(action=EventAction.UPLOADED, user=partner, shared_file=shared_file).exists()
    assert len(files_on_disk(media)) == 1
    # At the space's root without ?folder=.
    assert client.post(upload_url(space), {"uploaded": pdf("autre.pdf")})["Location"] == space.get_absolute_url()
    assert SharedFile.objects.get(name="autre.pdf").folder is None


def test_who_may_upload(make_client, space, unit_member, partner, other_partner, other_staff, staff_without_role):
    SpaceMemberFactory(space=space, user=partner, access=MemberAccess.READ)
    url = upload_url(space)
    assert make_client().get(url).status_code == 302
    assert make_client(staff_without_role).get(url).status_code == 403
    assert make_client(partner).get(url).status_code == 403  # reads only
    assert make_client(partner).post(url, {"uploaded": pdf()}).status_code == 403
    for person in (other_partner, other_staff):
        assert make_client(person).get(url).status_code == 404
        assert make_client(person).post(url, {"uploaded": pdf()}).status_code == 404
    # Another space's folder, or a folder id that is not a number.
    elsewhere = FolderFactory(space=ExchangeSpaceFactory())
    client = make_client(unit_member)
    assert client.get(upload_url(space, elsewhere)).status_code == 404
    assert client.post(upload_url(space, elsewhere), {"uploaded": pdf()}).status_code == 404
    assert client.get(f"{upload_url(space)}?folder=²").status_code == 200  # a hint ignored: the root
    assert not SharedFile.objects.exists()


def assert_refused(response, message, media, space):
    assert response.status_code == 422
    assert escape(message) in response.text
    assert not SharedFile.objects.filter(space=space).exists()
    assert not FileVersion.objects.exists()
    assert not PrivateFile.objects.exists()
    assert files_on_disk(media) == []
    assert ExchangeSpace.objects.get(pk=space.pk).used_bytes == 0
    refused = ExchangeEvent.objects.get(action=EventAction.UPLOAD_REFUSED)
    assert refused.detail == message
    return refused


def test_a_forbidden_type_is_refused_and_leaves_nothing(make_client, space, unit_member, media):
    page = SimpleUploadedFile("page.html", b"<html><script>alert(1)</script></html>", content_type="text/html")
    response = make_client(unit_member).post(upload_url(space), {"uploaded": page})
    refused = assert_refused(
        response, fr("This type of file (%(type)s) is not accepted here.", type="text/html"), media, space
    )
    assert (refused.user, refused.object_name) == (unit_member, "page.html")


def test_a_content_that_does_not_match_its_name_is_refused(make_client, space, unit_member, media):
    disguised = SimpleUploadedFile("rapport.pdf", b"just some text\n" * 10, content_type="application/pdf")
    response = make_client(unit_member).post(upload_url(space), {"uploaded": disguised})
    message = fr(
        "The file's content (%(type)s) does not match its name (%(name)s).", type="text/plain", name="rapport.pdf"
    )
    assert_refused(response, message, media, space)


def test_an_oversized_file_is_refused_and_leaves_nothing(make_client, space, unit_member, media, settings):
    settings.EXCHANGE_MAX_FILE_BYTES = 500
    upload = pdf()
    message = fr(
        "The file is too large (%(size)s); the limit is %(limit)s.",
        size=filesizeformat(upload.size),
        limit=filesizeformat(500),
    )
    assert_refused(make_client(unit_member).post(upload_url(space), {"uploaded": upload}), message, media, space)


def test_an_upload_over_the_quota_is_refused_and_leaves_nothing(make_client, space, unit_member, media):
    ExchangeSpace.objects.filter(pk=space.pk).update(quota_bytes=100)
    upload = pdf()
    message = fr(
        "The space's quota is reached: %(free)s left, the file takes %(size)s.",
        free=filesizeformat(100),
        size=filesizeformat(upload.size),
    )
    assert_refused(make_client(unit_member).post(upload_url(space), {"uploaded": upload}), message, media, space)


def test_the_eicar_file_is_refused_and_leaves_nothing(make_client, space, unit_member, media, settings, clamd_address):
    settings.CLAMAV_ADDRESS = clamd_address
    eicar = SimpleUploadedFile("eicar.txt", EICAR, content_type="text/plain")
    message = fr("This file contains a virus (%(name)s) and was refused.", name=f"{SIGNATURE_NAME}.UNOFFICIAL")
    assert_refused(make_client(unit_member).post(upload_url(space), {"uploaded": eicar}), message, media, space)


def test_a_form_without_a_file_is_refused(make_client, space, unit_member, media):
    response = make_client(unit_member).post(upload_url(space), {})
    assert response.status_code == 422
    assert not SharedFile.objects.exists() and files_on_disk(media) == []


# --- A new version, through the file's page. -------------------------------------------------


def test_a_writer_adds_a_version_from_the_page(make_client, space, unit_member, partner, media):
    first = stored_pdf(space=space, user=unit_member, name="entente.pdf")
    shared_file = first.shared_file
    response = make_client(partner).post(
        file_url(shared_file, "file_new_version"), {"uploaded": pdf("entente-signee.pdf", "Signée")}
    )
    assert response.status_code == 302 and response["Location"] == shared_file.get_absolute_url()
    shared_file.refresh_from_db()
    assert shared_file.current_version.number == 2
    assert shared_file.current_version.created_by == partner
    assert shared_file.name == "entente.pdf"  # the file keeps its name
    assert ExchangeEvent.objects.filter(action=EventAction.VERSION_ADDED, detail="v2").exists()
    assert len(files_on_disk(media)) == 2


def test_a_refused_version_shows_the_page_again_in_422_and_changes_nothing(make_client, space, unit_member, media):
    first = stored_pdf(space=space, user=unit_member, name="entente.pdf")
    shared_file = first.shared_file
    other_type = SimpleUploadedFile("entente.txt", b"Une note\n", content_type="text/plain")
    response = make_client(unit_member).post(file_url(shared_file, "file_new_version"), {"uploaded": other_type})
    assert response.status_code == 422
    message = fr("A new version must be of the same type as the file (%(name)s).", name="entente.pdf")
    assert escape(message) in response.text
    assert 'id="new-version-title"' in response.text  # the page, its form where the person is
    shared_file.refresh_from_db()
    assert shared_file.current_version_id == first.pk
    assert FileVersion.objects.count() == PrivateFile.objects.count() == len(files_on_disk(media)) == 1
    # A refusal shown again is not one more look at the file.
    assert not ExchangeEvent.objects.filter(action=EventAction.VIEWED).exists()


def test_who_may_add_a_version(make_client, space, unit_member, partner, other_partner, other_staff, media):
    shared_file = stored_pdf(space=space, user=unit_member).shared_file
    url = file_url(shared_file, "file_new_version")
    SpaceMemberFactory(space=space, user=partner, access=MemberAccess.READ)
    assert make_client(partner).post(url, {"uploaded": pdf("piece.pdf")}).status_code == 403
    for person in (other_partner, other_staff):
        assert make_client(person).post(url, {"uploaded": pdf("piece.pdf")}).status_code == 404
    assert make_client(unit_member).get(url).status_code == 405  # its form is on the file's page
    assert FileVersion.objects.count() == 1


# --- Comments. --------------------------------------------------------------------------------


def test_any_member_comments_readers_included(make_client, space, unit_member, partner):
    shared_file = stored_pdf(space=space, user=unit_member).shared_file
    SpaceMemberFactory(space=space, user=partner, access=MemberAccess.READ)
    response = make_client(partner).post(file_url(shared_file, "file_comment"), {"body": "  Bien reçu, merci.  "})
    assert response.status_code == 302
    assert response["Location"] == f"{shared_file.get_absolute_url()}#comments-title"
    comment = FileComment.objects.get()
    assert (comment.author, comment.body) == (partner, "Bien reçu, merci.")
    event = ExchangeEvent.objects.get(action=EventAction.COMMENTED)
    assert (event.user, event.detail) == (partner, "Bien reçu, merci.")
    assert "Bien reçu, merci." in make_client(unit_member).get(shared_file.get_absolute_url()).text


def test_an_empty_comment_is_refused_on_the_page(make_client, space, unit_member):
    shared_file = stored_pdf(space=space, user=unit_member).shared_file
    response = make_client(unit_member).post(file_url(shared_file, "file_comment"), {"body": "   "})
    assert response.status_code == 422
    assert 'id="comment-form"' in response.text
    assert not FileComment.objects.exists()
    assert not ExchangeEvent.objects.filter(action=EventAction.COMMENTED).exists()


def test_no_comment_in_a_closed_space_nor_from_outside(make_client, space, unit_member, other_partner, other_staff):
    shared_file = stored_pdf(space=space, user=unit_member).shared_file
    url = file_url(shared_file, "file_comment")
    for person in (other_partner, other_staff):
        assert make_client(person).post(url, {"body": "Bonjour"}).status_code == 404
    space.is_active = False
    space.save()
    assert make_client(unit_member).post(url, {"body": "Bonjour"}).status_code == 403
    assert not FileComment.objects.exists()


# --- Rename and delete. -----------------------------------------------------------------------


def test_a_writer_renames_a_file_keeping_its_extension(make_client, space, unit_member, partner):
    shared_file = stored_pdf(space=space, user=unit_member, name="brouillon.pdf").shared_file
    url = file_url(shared_file, "file_rename")
    client = make_client(partner)
    assert client.get(url).status_code == 200
    response = client.post(url, {"name": "rapport final.docx"})
    assert response.status_code == 422
    assert escape(fr("The name keeps the file's extension (%(extension)s).", extension=".pdf")) in response.text
    shared_file.refresh_from_db()
    assert shared_file.name == "brouillon.pdf"
    response = client.post(url, {"name": "../rapport final.pdf"})
    assert response.status_code == 302
    shared_file.refresh_from_db()
    assert shared_file.name == "rapport_final.pdf"  # a base name only, as every stored name


def test_who_may_rename_or_delete(make_client, space, unit_member, partner, other_partner, other_staff):
    shared_file = stored_pdf(space=space, user=unit_member).shared_file
    SpaceMemberFactory(space=space, user=partner, access=MemberAccess.READ)
    for name, data in (("file_rename", {"name": "autre.pdf"}), ("file_delete", {})):
        url = file_url(shared_file, name)
        assert make_client().get(url).status_code == 302
        assert make_client(partner).get(url).status_code == 403
        assert make_client(partner).post(url, data).status_code == 403
        for person in (other_partner, other_staff):
            assert make_client(person).get(url).status_code == 404
            assert make_client(person).post(url, data).status_code == 404
    shared_file.refresh_from_db()
    assert shared_file.name == "piece.pdf" and shared_file.deleted_at is None


def test_a_writer_deletes_a_file_after_confirming(make_client, space, unit_member, partner):
    folder = FolderFactory(space=space)
    version = stored_pdf(space=space, user=unit_member, folder=folder)
    shared_file = version.shared_file
    client = make_client(partner)
    url = file_url(shared_file, "file_delete")
    confirmation = client.get(url)
    assert confirmation.status_code == 200
    assert "btn-danger" in confirmation.text and escape(fr("This cannot be undone.")) in confirmation.text
    response = client.post(url)
    assert response.status_code == 302 and response["Location"] == folder.get_absolute_url()
    shared_file.refresh_from_db()
    assert shared_file.deleted_by == partner and shared_file.deleted_at is not None
    assert ExchangeEvent.objects.filter(action=EventAction.DELETED, user=partner, shared_file=shared_file).exists()
    # It leaves the folder's list; its content stays until the retention purge frees the quota.
    folder_page = client.get(folder.get_absolute_url()).text
    assert escape(fr("The file %(object)s is deleted.", object=shared_file.name)) in folder_page
    assert shared_file.get_absolute_url() not in folder_page
    assert ExchangeSpace.objects.get(pk=space.pk).used_bytes == version.stored_file.size
    # A deleted file takes nothing more: its actions lead back to its page, which says so.
    for name, data in (("file_delete", {}), ("file_rename", {"name": "x.pdf"}), ("file_comment", {"body": "x"})):
        again = client.post(file_url(shared_file, name), data)
        assert again.status_code == 302 and again["Location"] == shared_file.get_absolute_url(), name
    again = client.post(file_url(shared_file, "file_new_version"), {"uploaded": pdf("piece.pdf")})
    assert again.status_code == 302
    assert FileVersion.objects.count() == 1 and not FileComment.objects.exists()
    assert ExchangeEvent.objects.filter(action=EventAction.DELETED).count() == 1


def test_the_services_check_the_right_again(space, unit_member, partner):
    from django.core.exceptions import PermissionDenied

    shared_file = stored_pdf(space=space, user=unit_member).shared_file
    SpaceMemberFactory(space=space, user=partner, access=MemberAccess.READ)
    with pytest.raises(PermissionDenied):
        services.shared_file_delete(shared_file=shared_file, user=partner)
    with pytest.raises(PermissionDenied):
        services.shared_file_rename(shared_file=shared_file, user=partner, name="x.pdf")
    space.is_active = False
    space.save()
    with pytest.raises(PermissionDenied):
        services.shared_file_comment(shared_file=shared_file, user=unit_member, body="Bonjour")
