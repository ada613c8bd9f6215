"""People read names: an order's name (not "infirmieres") in the return's titles and PDF, an
indicator's label (not "permis-recues") on the statistics page."""

import io

import pytest
from django.urls import reverse
from pypdf import PdfReader

from tests.bdsp.conftest import submit

pytestmark = pytest.mark.django_db


def test_the_indicator_choices_are_labels_without_codes(make_client, analyst, year_form):
    response = make_client(analyst).get(reverse("bdsp:statistics"))
    choices = dict(response.context["form"].fields["indicator"].choices)
    assert choices["permis-recues"] == "Demandes de permis reçues"
    assert not any(f"({code})" in label for code, label in choices.items())


def test_the_return_page_and_its_pdf_are_titled_with_the_orders_name(make_client, filer, draft_return, clean_entries):
    submit(draft_return, filer, clean_entries)
    order = draft_return.professional_order
    client = make_client(filer)
    page = client.get(reverse("bdsp_portal:return_detail", args=[draft_return.pk]))
    title = page.text.split("<title>", 1)[1].split("</title>", 1)[0]
    assert order.name in title and f"· {order.code}" not in title
    history = client.get(reverse("bdsp_portal:return_history", args=[draft_return.pk]))
    assert f"· {order.code}" not in history.text.split("</title>", 1)[0]
    pdf = client.get(reverse("bdsp_portal:return_pdf", args=[draft_return.pk]), follow=True)
    assert pdf["Content-Type"] == "application/pdf", (pdf.status_code, pdf["Content-Type"])
    metadata_title = PdfReader(
        io.BytesIO(b"".join(pdf.streaming_content) if pdf.streaming else pdf.content)
    ).metadata.title
    assert order.name in metadata_title and f"· {order.code}" not in metadata_title
