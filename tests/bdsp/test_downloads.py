"""The BDSP's files go through core's download helper: safe headers, sane names, local time."""

import pytest
from django.urls import reverse
from django.utils import timezone

from bdsp import services
from bdsp.models import ReturnEvent
from tests.bdsp.conftest import submit

pytestmark = pytest.mark.django_db


def assert_safe_download(response, filename):
    assert response.status_code == 200
    assert response["Content-Disposition"] == f'attachment; filename="{filename}"'
    assert response["Content-Security-Policy"] == "sandbox"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Cache-Control"] == "private, no-store"


def test_the_xlsx_template_is_a_safe_download(make_client, filer, draft_return):
    response = make_client(filer).get(reverse("bdsp_portal:xlsx_template", args=[draft_return.pk]))
    assert_safe_download(response, "declaration-2025-infirmieres.xlsx")


def test_the_pdf_drawn_from_the_values_is_a_safe_download(make_client, filer, analyst, draft_return, clean_entries):
    submit(draft_return, filer, clean_entries)
    services.return_accept(annual_return=draft_return, user=analyst)
    ReturnEvent.objects.filter(annual_return=draft_return).update(copy=None)  # as loaded from the former system
    response = make_client(filer).get(reverse("bdsp_portal:return_pdf", args=[draft_return.pk]))
    assert_safe_download(response, "declaration-2025-infirmieres.pdf")


def test_the_stored_copy_is_named_in_quebec_time(filer, draft_return, clean_entries):
    submitted = submit(draft_return, filer, clean_entries)
    copy = ReturnEvent.objects.get(annual_return=draft_return, copy__isnull=False).copy
    local = timezone.localtime(submitted.submitted_at)
    assert copy.original_name == f"declaration-2025-infirmieres-v1-{local:%Y%m%d-%H%M}.pdf"


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_the_statistics_exports_are_safe_downloads(make_client, analyst, year_form, fmt):
    params = {"indicator": "membres-fin", "category": "", "start": 2025, "end": 2025, "export": fmt}
    response = make_client(analyst).get(reverse("bdsp:statistics"), params)
    stamp = timezone.localdate().isoformat()
    assert_safe_download(response, f"bdsp-membres-fin-{stamp}.{fmt}")
