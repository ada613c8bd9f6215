"""The exchange spaces' downloads, preview and share links go through the same
`private_file_response` as every private file: behind nginx (PRIVATE_FILE_X_ACCEL_PREFIX) they
answer X-Accel-Redirect with their own headers and no body, after the same checks."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from documents.exchange import services
from documents.exchange.choices import EventAction, LinkKind
from documents.exchange.models import ExchangeEvent
from tests.exchange.factories import stored_pdf

pytestmark = pytest.mark.django_db
PREFIX = "/_private_files"


@pytest.fixture(autouse=True)
def behind_nginx(settings, tmp_path):
    root = tmp_path / "private"
    root.mkdir()
    settings.PRIVATE_MEDIA_ROOT = settings.MEDIA_ROOT = root
    settings.PRIVATE_FILE_X_ACCEL_PREFIX = PREFIX


def test_a_download_and_a_version_are_redirected_to_nginx_and_logged(make_client, space, unit_member, partner):
    version = stored_pdf(space=space, user=unit_member, name="entente.pdf")
    args = [space.pk, version.shared_file.pk]
    client = make_client(partner)
    for url, name in (
        (reverse("exchange:file_download", args=args), "entente.pdf"),
        (reverse("exchange:version_download", args=[*args, 1]), "entente-v1.pdf"),
    ):
        response = client.get(url)
        assert response.status_code == 200
        assert response["X-Accel-Redirect"] == f"{PREFIX}/{version.stored_file.content.name}"
        assert response.content == b""
        assert response["Content-Disposition"] == f'attachment; filename="{name}"'
        assert response["Content-Security-Policy"] == "sandbox"
        assert response["Content-Type"] == "application/pdf"
    assert ExchangeEvent.objects.filter(action=EventAction.DOWNLOADED).count() == 2


def test_the_pdf_preview_keeps_its_framing_headers(make_client, space, unit_member):
    version = stored_pdf(space=space, user=unit_member, name="avis.pdf")
    response = make_client(unit_member).get(reverse("exchange:file_preview", args=[space.pk, version.shared_file.pk]))
    assert response.status_code == 200
    assert response["X-Accel-Redirect"].startswith(PREFIX + "/")
    assert response["Content-Disposition"].startswith("inline")
    assert response["X-Frame-Options"] == "SAMEORIGIN"
    assert "frame-ancestors 'self'" in response["Content-Security-Policy"]


def test_another_partners_file_is_404_without_a_redirect(make_client, space, unit_member, other_partner):
    version = stored_pdf(space=space, user=unit_member)
    response = make_client(other_partner).get(
        reverse("exchange:file_download", args=[space.pk, version.shared_file.pk])
    )
    assert response.status_code == 404 and not response.has_header("X-Accel-Redirect")


def test_a_share_link_download_is_counted_then_redirected(client, space, unit_member):
    version = stored_pdf(space=space, user=unit_member, name="avis-juridique.pdf")
    link, secret = services.link_create(
        space=space,
        user=unit_member,
        label="Me Tremblay",
        kind=LinkKind.DOWNLOAD,
        expires_on=timezone.localdate() + timedelta(days=7),
        shared_file=version.shared_file,
    )
    response = client.post(reverse("share:download", args=[secret]))
    assert response.status_code == 200
    assert response["X-Accel-Redirect"] == f"{PREFIX}/{version.stored_file.content.name}"
    assert response["Referrer-Policy"] == "strict-origin" and "noindex" in response["X-Robots-Tag"]
    link.refresh_from_db()
    assert link.download_count == 1
