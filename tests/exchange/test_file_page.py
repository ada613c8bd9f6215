"""A file's page, its preview and its downloads: who reaches each URL (another partner's or
another space's id is 404), what the page shows, the preview's headers, what each download
logs, and the page's query count with 10 and 100 versions and comments."""

import datetime
import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.html import escape
from PIL import Image

from documents.exchange import services
from documents.exchange.choices import EventAction, LinkKind, MemberAccess
from documents.exchange.models import ExchangeEvent, FileComment, FileVersion, SharedFile, ShareLink
from opq_intranet.core.files import private_file_destroy_content
from opq_intranet.core.models import PrivateFile
from tests.documents.samples import docx_bytes, pdf_bytes
from tests.exchange.factories import ExchangeSpaceFactory, FolderFactory, SpaceMemberFactory, stored_pdf
from tests.querycounts import up_to

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    """Stored files go to a directory of this test alone."""
    root = tmp_path / "private"
    root.mkdir()
    settings.PRIVATE_MEDIA_ROOT = settings.MEDIA_ROOT = root
    return root


def fr(message, **values):
    """The page's words: the French catalogue's when it has them, the English source until then."""
    with translation.override("fr-ca"):
        text = translation.gettext(message)
    return text % values if values else text


def image_bytes(kind="PNG"):
    buffer = io.BytesIO()
    Image.new("RGB", (4, 3), (200, 30, 30)).save(buffer, format=kind)
    return buffer.getvalue()


def store(space, user, name, content, content_type, **kwargs):
    return services.file_store(
        space=space, uploaded=SimpleUploadedFile(name, content, content_type=content_type), user=user, **kwargs
    )


def file_urls(shared_file, number=1):
    args = [shared_file.space_id, shared_file.pk]
    return {
        "detail": reverse("exchange:file_detail", args=args),
        "preview": reverse("exchange:file_preview", args=args),
        "download": reverse("exchange:file_download", args=args),
        "version": reverse("exchange:version_download", args=[*args, number]),
    }


def offers(page, name, args):
    """The page links or posts to the URL `name` (a link, or a form's action with its anchor)."""
    url = reverse(f"exchange:{name}", args=args)
    return f'"{url}"' in page or f'"{url}#' in page


def read(response):
    return b"".join(response.streaming_content) if response.streaming else response.content


def test_who_reaches_a_files_urls(
    make_client, space, unit_member, partner, other_partner, other_staff, staff_without_role, organisation_partner
):
    version = stored_pdf(space=space, user=unit_member)
    urls = file_urls(version.shared_file)
    anonymous = make_client()
    for url in urls.values():
        response = anonymous.get(url)
        assert response.status_code == 302 and response["Location"].startswith("/connexion/?next="), url
        assert make_client(staff_without_role).get(url).status_code == 403, url
    for person in (unit_member, partner):
        client = make_client(person)
        for url in urls.values():
            assert client.get(url).status_code == 200, (person, url)
    # Another order's user, another unit's staff, an organisation's user: the file does not exist.
    for person in (other_partner, other_staff, organisation_partner):
        client = make_client(person)
        for url in urls.values():
            assert client.get(url).status_code == 404, (person, url)


def test_a_file_is_found_only_under_its_own_space(make_client, space, unit_member):
    """Another space of the same person: the file's id under it is 404 (no confusion of ids)."""
    version = stored_pdf(space=space, user=unit_member)
    elsewhere = ExchangeSpaceFactory(name="Autre espace")
    client = make_client(unit_member)
    args = [elsewhere.pk, version.shared_file.pk]
    for name in ("file_detail", "file_preview", "file_download"):
        assert client.get(reverse(f"exchange:{name}", args=args)).status_code == 404, name
    assert client.get(reverse("exchange:version_download", args=[*args, 1])).status_code == 404
    # A version number the file does not have, or beyond any integer.
    own = [space.pk, version.shared_file.pk]
    assert client.get(reverse("exchange:version_download", args=[*own, 2])).status_code == 404
    assert client.get(reverse("exchange:version_download", args=[*own, 10**20])).status_code == 404
    assert client.get(reverse("exchange:file_detail", args=[space.pk, 10**20])).status_code == 404


def test_the_page_shows_the_file_its_versions_and_comments(make_client, space, unit_member, partner):
    folder = FolderFactory(space=space, name="Inspection 2026")
    inner = FolderFactory(space=space, parent=folder, name="Rapports")
    first = stored_pdf(space=space, user=unit_member, folder=inner, name="rapport.pdf", text="Première")
    link = ShareLink.objects.create(
        space=space,
        kind=LinkKind.DROP,
        folder=inner,
        label="Cabinet Tremblay",
        digest="d" * 64,
        expires_at=timezone.now() + datetime.timedelta(days=3),
        created_by=unit_member,
    )
    second = services.file_store(
        space=space,
        shared_file=first.shared_file,
        uploaded=SimpleUploadedFile("rapport.pdf", pdf_bytes("Deuxième"), content_type="application/pdf"),
        user=unit_member,  # a drop link's version is its creator's, marked with the link
        link=link,
    )
    services.shared_file_comment(shared_file=first.shared_file, user=partner, body="Voici la réponse\nde l'Ordre.")
    response = make_client(partner).get(file_urls(first.shared_file)["detail"])
    assert response.status_code == 200
    page = response.text
    stored = second.stored_file
    for text in (
        "rapport.pdf",
        "Inspection 2026",
        "Rapports",
        stored.sha256,
        "PDF",
        "Voici la réponse<br>de l&#x27;Ordre.",
    ):
        assert text in page, text
    assert escape(fr("drop link “%(label)s”", label="Cabinet Tremblay")) in page
    assert escape(unit_member.get_full_name()) in page
    assert reverse("exchange:version_download", args=[space.pk, first.shared_file.pk, 1]) in page
    assert reverse("exchange:version_download", args=[space.pk, first.shared_file.pk, 2]) in page
    # Opening it is in the audit trail.
    viewed = ExchangeEvent.objects.get(action=EventAction.VIEWED)
    assert (viewed.user, viewed.shared_file, viewed.detail) == (partner, first.shared_file, "")
    assert first.shared_file.name in viewed.object_name


def test_the_actions_offered_follow_the_persons_access(make_client, space, unit_member, partner, other_staff):
    version = stored_pdf(space=space, user=unit_member)
    shared_file = version.shared_file
    args = [space.pk, shared_file.pk]
    writer_page = make_client(unit_member).get(file_urls(shared_file)["detail"]).text
    for name in ("file_rename", "file_delete", "file_new_version", "file_comment", "file_download"):
        assert offers(writer_page, name, args), name
    assert offers(writer_page, "file_into_records", args)
    # A reader downloads and comments; changes nothing.
    SpaceMemberFactory(space=space, user=other_staff, access=MemberAccess.READ)
    SpaceMemberFactory(space=space, user=partner, access=MemberAccess.READ)
    for reader in (other_staff, partner):
        page = make_client(reader).get(file_urls(shared_file)["detail"]).text
        for name in ("file_rename", "file_delete", "file_new_version"):
            assert not offers(page, name, args), (reader, name)
        assert offers(page, "file_comment", args)
        assert offers(page, "file_download", args)
    # The partner files nothing into the Office's records, nor reads its history.
    partner_page = make_client(partner).get(file_urls(shared_file)["detail"]).text
    assert not offers(partner_page, "file_into_records", args)
    assert fr("Recent changes") not in partner_page


def test_a_closed_space_shows_its_files_to_the_office_read_only(make_client, space, unit_member, partner):
    version = stored_pdf(space=space, user=unit_member)
    space.is_active = False
    space.save()
    args = [space.pk, version.shared_file.pk]
    page = make_client(unit_member).get(file_urls(version.shared_file)["detail"]).text
    for name in ("file_rename", "file_delete", "file_new_version", "file_comment"):
        assert not offers(page, name, args), name
    assert offers(page, "file_download", args)
    assert make_client(partner).get(file_urls(version.shared_file)["detail"]).status_code == 404


def test_the_pdf_preview_is_framed_by_the_site_only(make_client, space, unit_member):
    version = stored_pdf(space=space, user=unit_member, name="avis.pdf")
    urls = file_urls(version.shared_file)
    client = make_client(unit_member)
    page = client.get(urls["detail"])
    assert f'<iframe src="{urls["preview"]}"' in page.text
    # The page itself is framed by nobody.
    assert page["X-Frame-Options"] == "DENY"
    assert "frame-ancestors 'none'" in page["Content-Security-Policy"]
    response = client.get(urls["preview"])
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"].startswith("inline")
    assert response["X-Frame-Options"] == "SAMEORIGIN"
    policy = response["Content-Security-Policy"]
    assert "frame-ancestors 'self'" in policy and "'none'" not in policy.split("frame-ancestors")[1].split(";")[0]
    assert "script-src 'self'" in policy  # the site's policy, not a sandbox a PDF viewer cannot run in
    assert response["X-Content-Type-Options"] == "nosniff"
    assert "no-store" in response["Cache-Control"]
    assert read(response) == version.stored_file.content.open("rb").read()
    event = ExchangeEvent.objects.filter(action=EventAction.VIEWED).latest("pk")
    assert event.detail == "v1"


@pytest.mark.parametrize(
    ("kind", "name", "content_type"), [("PNG", "plan.png", "image/png"), ("JPEG", "photo.jpg", "image/jpeg")]
)
def test_an_image_is_shown_in_the_page(make_client, space, unit_member, kind, name, content_type):
    version = store(space, unit_member, name, image_bytes(kind), content_type)
    urls = file_urls(version.shared_file)
    client = make_client(unit_member)
    page = client.get(urls["detail"]).text
    assert f'<img src="{urls["preview"]}"' in page
    assert 'alt="' in page.split(f'<img src="{urls["preview"]}"')[1].split(">")[0]
    response = client.get(urls["preview"])
    assert response.status_code == 200
    assert response["Content-Type"] == content_type
    assert response["Content-Disposition"].startswith("inline")
    assert response["Content-Security-Policy"] == "sandbox"  # an image in an <img> runs nothing anyway


def test_other_types_have_no_preview(make_client, space, unit_member):
    version = store(
        space,
        unit_member,
        "note.docx",
        docx_bytes("Note"),
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    )
    urls = file_urls(version.shared_file)
    client = make_client(unit_member)
    page = client.get(urls["detail"]).text
    assert urls["preview"] not in page
    assert client.get(urls["preview"]).status_code == 404
    assert not ExchangeEvent.objects.filter(action=EventAction.VIEWED, detail="v1").exists()


def test_downloads_are_attachments_and_logged(make_client, space, unit_member, partner):
    first = stored_pdf(space=space, user=unit_member, name="entente.pdf", text="Un")
    second = services.file_store(
        space=space,
        shared_file=first.shared_file,
        uploaded=SimpleUploadedFile("entente.pdf", pdf_bytes("Deux"), content_type="application/pdf"),
        user=unit_member,
    )
    shared_file = first.shared_file
    SharedFile.objects.filter(pk=shared_file.pk).update(last_activity_at=timezone.now() - datetime.timedelta(days=90))
    client = make_client(partner)
    current = client.get(file_urls(shared_file)["download"])
    assert current.status_code == 200
    assert current["Content-Disposition"] == 'attachment; filename="entente.pdf"'
    assert current["Content-Security-Policy"] == "sandbox"
    assert read(current) == second.stored_file.content.open("rb").read()
    older = client.get(file_urls(shared_file, number=1)["version"])
    assert older["Content-Disposition"] == 'attachment; filename="entente-v1.pdf"'
    assert read(older) == first.stored_file.content.open("rb").read()
    events = ExchangeEvent.objects.filter(action=EventAction.DOWNLOADED).order_by("pk")
    assert [(e.user, e.detail) for e in events] == [(partner, "v2"), (partner, "v1")]
    shared_file.refresh_from_db()
    assert timezone.now() - shared_file.last_activity_at < datetime.timedelta(minutes=1)


def test_a_deleted_file_is_said_so_and_serves_nothing(make_client, space, unit_member):
    version = stored_pdf(space=space, user=unit_member)
    services.shared_file_delete(shared_file=version.shared_file, user=unit_member)
    urls = file_urls(version.shared_file)
    client = make_client(unit_member)
    page = client.get(urls["detail"])
    assert page.status_code == 200
    assert escape(fr("deleted")) in page.text
    args = [space.pk, version.shared_file.pk]
    for name in ("file_rename", "file_delete", "file_new_version", "file_comment", "file_download"):
        assert not offers(page.text, name, args), name
    for key in ("preview", "download", "version"):
        assert client.get(urls[key]).status_code == 404, key
    assert not ExchangeEvent.objects.filter(action=EventAction.DOWNLOADED).exists()


def test_a_purged_file_serves_nothing(make_client, space, unit_member):
    version = stored_pdf(space=space, user=unit_member)
    private_file_destroy_content(version.stored_file)
    SharedFile.objects.filter(pk=version.shared_file_id).update(purged_at=timezone.now())
    urls = file_urls(version.shared_file)
    client = make_client(unit_member)
    assert client.get(urls["detail"]).status_code == 200
    for key in ("preview", "download", "version"):
        assert client.get(urls[key]).status_code == 404, key


@pytest.mark.parametrize("who", ["unit_member", "partner"])
def test_the_page_costs_the_same_with_10_and_100_versions_and_comments(
    request, make_client, space, unit_member, partner, who, assert_constant_queries
):
    """The Office's member sees the file's history too; the partner does not (its own count)."""
    folder = FolderFactory(space=space, name="Dossier")
    first = stored_pdf(space=space, user=unit_member, folder=folder)
    shared_file = first.shared_file
    link = ShareLink.objects.create(
        space=space,
        kind=LinkKind.DROP,
        label="Dépôt",
        digest="e" * 64,
        expires_at=timezone.now() + datetime.timedelta(days=3),
        created_by=unit_member,
    )

    def more(count):
        start = shared_file.versions.count()
        for number in range(start + 1, start + count + 1):
            stored = PrivateFile.objects.create(
                original_name="piece.pdf",
                mime_type="application/pdf",
                size=1000 + number,
                sha256="0" * 64,
                uploaded_at=timezone.now(),
                owner_type=first.stored_file.owner_type,
                owner_id=str(shared_file.pk),
            )
            by_link = number % 2 == 0
            FileVersion.objects.create(
                shared_file=shared_file,
                number=number,
                stored_file=stored,
                created_by=unit_member if by_link or number % 3 else partner,
                link=link if by_link else None,
            )
        FileComment.objects.bulk_create(
            FileComment(shared_file=shared_file, author=partner if n % 2 else unit_member, body=f"Commentaire {n}")
            for n in range(count)
        )

    response = assert_constant_queries(
        "exchange:file_detail",
        make_client(request.getfixturevalue(who)),
        file_urls(shared_file)["detail"],
        up_to(more),
        per_page=False,
        at_most=12,
        variant=None if who == "unit_member" else "partner",
    )
    assert response.text.count("Commentaire ") >= 100


def test_downloads_and_comments_leave_the_files_history_alone(make_client, space, unit_member, partner):
    """They are in the audit trail; the history keeps to what people changed (here, the name)."""
    from opq_intranet.core.history import history_for

    shared_file = stored_pdf(space=space, user=unit_member, name="avis.pdf").shared_file
    before = len(history_for(shared_file))
    client = make_client(partner)
    client.get(file_urls(shared_file)["download"])
    services.shared_file_comment(shared_file=shared_file, user=partner, body="Lu.")
    assert len(history_for(shared_file)) == before
    services.shared_file_rename(shared_file=shared_file, user=unit_member, name="avis final.pdf")
    assert len(history_for(shared_file)) == before + 1
