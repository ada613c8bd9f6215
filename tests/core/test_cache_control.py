"""No page for a signed-in person, and no private file, is kept by a browser or a proxy:
every response the application builds says `Cache-Control: no-store`
(core/middleware.py PrivateCacheMiddleware); static files stay cacheable."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from bdsp import services as bdsp_services
from opq_intranet.accounts.roles import STAFF_ROLES, Role
from opq_intranet.core import files
from opq_intranet.core.models import ProfessionalOrder
from tests.factories import PartnerFactory, UserFactory, order

pytestmark = pytest.mark.django_db
PDF = (
    b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
    b"2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"
)


def no_store(response):
    directives = {d.strip().split("=")[0] for d in response.get("Cache-Control", "").split(",")}
    return "no-store" in directives


@pytest.fixture
def staff(make_client):
    return make_client(UserFactory(roles=sorted(STAFF_ROLES)))


@pytest.fixture
def filer():
    return PartnerFactory(roles=[Role.ORDER_DECLARANT], professional_order=order("infirmieres"))


@pytest.mark.parametrize(
    "url_name",
    [
        "core:dashboard",
        "core:person_list",
        "core:order_list",
        "core:calendar",
        "accounts:profile",
        "documents:file_list",
        "documents:plan",
        "courrier:item_list",
        "courrier:access_list",
        "courrier:mandate_list",
        "bdsp:year_list",
        "bdsp:statistics",
    ],
)
def test_staff_pages_are_never_stored(staff, url_name):
    response = staff.get(reverse(url_name))
    assert response.status_code == 200
    assert no_store(response), response.get("Cache-Control")


def test_a_list_export_is_never_stored(staff):
    response = staff.get(reverse("courrier:access_list"), {"export": "csv"})
    assert response.status_code == 200 and no_store(response)


def test_refusals_and_redirects_to_a_signed_in_person_are_never_stored(staff, make_client):
    assert no_store(staff.get("/courrier/acces/999999/"))  # 404
    assert no_store(make_client(UserFactory(roles=[Role.STAFF])).get(reverse("documents:file_list")))  # 403
    assert no_store(staff.get(reverse("accounts:after_login")))  # a redirect


def test_a_return_and_the_api_token_page_are_never_stored(make_client, filer):
    year = bdsp_services.form_create_from_regulation(year=2025)
    opened = bdsp_services.form_open(reporting_year=year, user=UserFactory(roles=[Role.STAFF, Role.BDSP_ANALYST]))
    annual_return = bdsp_services.return_start(order=filer.professional_order, reporting_year=opened, user=filer)
    client = make_client(filer)
    for url in (reverse("core:portal"), reverse("bdsp_portal:return_list"), annual_return.get_absolute_url()):
        response = client.get(url)
        assert response.status_code == 200 and no_store(response), url
    shown = client.post(reverse("bdsp_portal:api_token_renew"), follow=True)  # the new token, shown once
    assert shown.context["shown"] and no_store(shown)
    assert no_store(client.get(reverse("bdsp_portal:api_token")))


@pytest.fixture
def readable_orders(tmp_path, settings):
    settings.PRIVATE_MEDIA_ROOT = settings.MEDIA_ROOT = tmp_path
    files.register_reader(ProfessionalOrder, lambda user, owner: user.is_office_staff)
    yield
    files._readers.pop(ProfessionalOrder, None)


def test_a_private_file_download_is_never_stored(staff, readable_orders):
    user = UserFactory(roles=[Role.STAFF])
    stored = files.private_file_store(
        uploaded=SimpleUploadedFile("decision.pdf", PDF), owner=ProfessionalOrder.objects.get(code="barreau"), user=user
    )
    response = staff.get(f"/fichiers/{stored.uuid}/")
    assert response.status_code == 200 and no_store(response)


def test_the_sign_in_page_is_not_stored_either_and_static_files_stay_cacheable(client):
    assert no_store(client.get(reverse("accounts:login")))
    static = client.get("/static/css/intranet.css")
    assert static.status_code == 200
    assert not no_store(static)
    assert "max-age" in static.get("Cache-Control", "")
