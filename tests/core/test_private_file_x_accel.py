"""Private files behind nginx: with PRIVATE_FILE_X_ACCEL_PREFIX the view still checks who
may read, then answers the same headers with `X-Accel-Redirect` and no body; without it,
Django streams the bytes (the default). The real nginx is in tests/operations/test_serve.py."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from opq_intranet.core import files
from opq_intranet.core.models import ProfessionalOrder

pytestmark = pytest.mark.django_db

PDF = (
    b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
    b"2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"
)


@pytest.fixture
def media(tmp_path, settings):
    settings.PRIVATE_MEDIA_ROOT = settings.MEDIA_ROOT = tmp_path
    return tmp_path


@pytest.fixture
def readable_orders():
    files.register_reader(ProfessionalOrder, lambda user, order: user.is_office_staff)
    yield
    files._readers.pop(ProfessionalOrder, None)


@pytest.fixture
def stored(media, staff_user):
    order = ProfessionalOrder.objects.get(code="barreau")
    return files.private_file_store(
        uploaded=SimpleUploadedFile("Décision finale.pdf", PDF), owner=order, user=staff_user
    )


def url(private_file):
    return f"/fichiers/{private_file.uuid}/"


def assert_download_headers(response):
    assert response["Content-Disposition"].startswith("attachment;")
    assert "D%C3%A9cision_finale.pdf" in response["Content-Disposition"]
    assert response["Content-Security-Policy"] == "sandbox"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Type"] == "application/pdf"
    assert "no-store" in response["Cache-Control"]


def test_without_a_prefix_django_streams_the_file(settings, make_client, staff_user, stored, readable_orders):
    settings.PRIVATE_FILE_X_ACCEL_PREFIX = ""
    response = make_client(staff_user).get(url(stored))
    assert response.status_code == 200
    assert not response.has_header("X-Accel-Redirect")
    assert b"".join(response.streaming_content) == PDF
    assert_download_headers(response)


def test_with_a_prefix_nginx_gets_the_path_and_no_body(settings, make_client, staff_user, stored, readable_orders):
    settings.PRIVATE_FILE_X_ACCEL_PREFIX = "/_private_files/"
    response = make_client(staff_user).get(url(stored))
    assert response.status_code == 200
    assert response["X-Accel-Redirect"] == f"/_private_files/{stored.content.name}"
    assert response.content == b""
    assert_download_headers(response)
    # The disk name is ours (year/month/uuid), never the uploader's file name.
    assert "cision" not in response["X-Accel-Redirect"]


def test_with_a_prefix_a_denied_or_destroyed_file_is_still_404(
    settings, make_client, staff_user, partner_user, stored, readable_orders
):
    settings.PRIVATE_FILE_X_ACCEL_PREFIX = "/_private_files"
    denied = make_client(partner_user).get(url(stored))
    assert denied.status_code == 404 and not denied.has_header("X-Accel-Redirect")
    files.private_file_destroy_content(stored)
    gone = make_client(staff_user).get(url(stored))
    assert gone.status_code == 404 and not gone.has_header("X-Accel-Redirect")
