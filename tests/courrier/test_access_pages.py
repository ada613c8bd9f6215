"""The access request's pages on core's generic views, its downloads and its list's filters."""

import csv
import io
from datetime import date

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from openpyxl import load_workbook

from courrier import services
from courrier.models import AccessRequest, MailItem, ReviewRequest
from opq_intranet.core.models import ConfidentialAccess
from tests.courrier.factories import ContactFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def opened(mail_clerk):
    item = services.mail_register(
        item=MailItem(
            direction="incoming",
            received_on=date(2026, 3, 2),
            contact=ContactFactory(name='=HYPERLINK("http://x","Pierre")'),
            subject="Demande d'accès",
            mail_type="access_request",
        ),
        user=mail_clerk,
    )
    return services.access_request_open(mail_item=item, user=mail_clerk, documents_requested="Le plan directeur")


def answered(access_request, user):
    services.access_request_decide(access_request=access_request, user=user, decision="granted", articles="")
    return services.access_request_answer(access_request=access_request, user=user, answered_on=date(2026, 3, 19))


def test_opening_from_the_item_page(make_client, mail_clerk):
    item = services.mail_register(
        item=MailItem(direction="incoming", received_on=date(2026, 3, 2), contact=ContactFactory(), subject="Accès",
                      mail_type="access_request"),
        user=mail_clerk,
    )  # fmt: skip
    client = make_client(mail_clerk)
    page = client.get(item.get_absolute_url())
    url = reverse("courrier:access_create", args=[item.pk])
    assert page.context["actions"][0].url == url
    form = client.get(url)
    assert form.status_code == 200 and "2026-03-23" in form.text  # the deadline it will have
    refused = client.post(url, {"documents_requested": ""})
    assert refused.status_code == 422 and "documents_requested" in refused.context["form"].errors
    assert not AccessRequest.objects.exists()
    response = client.post(url, {"documents_requested": "Le rapport"})
    access_request = AccessRequest.objects.get()
    assert response["Location"] == access_request.get_absolute_url()
    again = client.post(url, {"documents_requested": "Encore"})
    assert again.status_code == 422 and AccessRequest.objects.count() == 1


def test_the_page_logs_the_read_and_a_refused_form_shows_on_it_in_422(make_client, mail_clerk, opened):
    client = make_client(mail_clerk)
    assert client.get(opened.get_absolute_url()).status_code == 200
    assert ConfidentialAccess.objects.filter(user=mail_clerk, object_id=str(opened.pk)).count() == 1
    refused = client.post(reverse("courrier:access_decide", args=[opened.pk]), {"decision": "refused", "articles": ""})
    assert refused.status_code == 422
    assert refused.templates[0].name == "courrier/access_detail.html"
    assert refused.context["decision_form"].errors["articles"]
    answer = client.post(reverse("courrier:access_answer", args=[opened.pk]), {"answered_on": "2026-03-19"})
    assert answer.status_code == 422 and "Consignez la décision avant de répondre." in answer.text
    close = client.post(reverse("courrier:access_close", args=[opened.pk]))
    assert close.status_code == 422 and "Seule une demande qui a reçu sa réponse peut être fermée." in close.text
    opened.refresh_from_db()
    assert (opened.decision, opened.status, opened.response_id) == ("", "open", None)


def test_a_refused_review_outcome_shows_on_the_request_page(make_client, mail_clerk, opened):
    answered(opened, mail_clerk)
    review = services.review_request_add(access_request=opened, user=mail_clerk, received_on=date(2026, 4, 1))
    url = reverse("courrier:review_decide", args=[review.pk])
    client = make_client(mail_clerk)
    refused = client.post(url, {"outcome": "confirmed", "decided_on": "2026-03-01"})
    assert refused.status_code == 422
    assert refused.context["object"] == opened
    assert "decided_on" in refused.context["reviews"][0].outcome_form.errors
    assert ReviewRequest.objects.get(pk=review.pk).outcome == "pending"
    done = client.post(url, {"outcome": "confirmed", "decided_on": "2026-09-01"})
    assert done["Location"] == opened.get_absolute_url()
    assert ReviewRequest.objects.get(pk=review.pk).outcome == "confirmed"


def test_the_draft_letter_is_shown_inline(make_client, mail_clerk, opened):
    url = reverse("courrier:access_letter", args=[opened.pk])
    assert make_client(mail_clerk).get(url).status_code == 403  # no decision yet
    services.access_request_decide(access_request=opened, user=mail_clerk, decision="granted", articles="")
    response = make_client(mail_clerk).get(url)
    assert response.status_code == 200 and response.content.startswith(b"%PDF")
    assert response["Content-Disposition"] == f'inline; filename="{opened.reference}-projet.pdf"'
    assert "sandbox" not in response.get("Content-Security-Policy", "")  # a sandboxed page cannot show a PDF
    assert response["Cache-Control"] == "private, no-store"


def test_the_report_downloads_as_csv_with_its_bom_and_as_xlsx(make_client, mail_clerk, opened):
    answered(opened, mail_clerk)
    client = make_client(mail_clerk)
    response = client.get(reverse("courrier:access_report"), {"year": 2026, "export": "csv"})
    assert response["Content-Disposition"] == 'attachment; filename="demandes-acces-2026.csv"'
    text = b"".join(response.streaming_content).decode("utf-8")
    assert text.startswith("\ufeff")
    rows = list(csv.reader(io.StringIO(text[1:])))
    assert rows[0] == ["Année", "2026"] and ["Réponse envoyée", "1"] in rows and ["Accès accordé", "1"] in rows
    workbook = client.get(reverse("courrier:access_report"), {"year": 2026, "export": "xlsx"})
    sheet = load_workbook(io.BytesIO(workbook.content)).active
    assert [sheet["A1"].value, sheet["B1"].value] == ["Année", 2026]


def test_the_list_export_never_makes_a_formula_of_a_requesters_name(make_client, mail_clerk, opened):
    response = make_client(mail_clerk).get(reverse("courrier:access_list"), {"export": "csv"})
    text = b"".join(response.streaming_content).decode("utf-8")
    assert text.startswith("\ufeff")
    applicants = [row[1] for row in csv.reader(io.StringIO(text[1:]))][1:]
    assert applicants == ['\'=HYPERLINK("http://x","Pierre")']


@pytest.mark.parametrize("year", ["0", "-5", "10000", "12345678901234567890", "2026.5", "abc"])
def test_a_bad_year_on_the_list_and_the_report_is_a_french_message_never_a_500(make_client, mail_clerk, opened, year):
    client = make_client(mail_clerk)
    listed = client.get(reverse("courrier:access_list"), {"year": year})
    assert listed.status_code == 200
    message = listed.context["filterset"].form.errors["year"][0]
    assert message.startswith(("Assurez-vous", "Saisissez un nombre entier")) and message in listed.text
    report = client.get(reverse("courrier:access_report"), {"year": year})
    assert report.status_code == 200 and report.context["report"].year == date.today().year
    assert report.context["form"].errors["year"]


def test_the_list_filters_by_the_year_in_english(make_client, mail_clerk, opened):
    client = make_client(mail_clerk)
    assert [r.pk for r in client.get(reverse("courrier:access_list"), {"year": 2026}).context["page"].object_list] == [
        opened.pk
    ]
    assert not client.get(reverse("courrier:access_list"), {"year": 2025}).context["page"].object_list


def test_the_list_sorts_by_the_deadline_in_force(make_client, mail_clerk, opened):
    later_item = services.mail_register(
        item=MailItem(direction="incoming", received_on=date(2026, 3, 5), contact=ContactFactory(), subject="Autre"),
        user=mail_clerk,
    )
    later = services.access_request_open(mail_item=later_item, user=mail_clerk, documents_requested="x")
    services.access_request_extend(access_request=opened, user=mail_clerk, notice_on=date(2026, 3, 20), reason="Tiers")
    # opened: 1 April once extended; later: 25 March (20 days from 5 March)
    client = make_client(mail_clerk)
    rows = client.get(reverse("courrier:access_list"), {"sort": "deadline"}).context["page"].object_list
    assert [r.pk for r in rows] == [later.pk, opened.pk]
    assert [r.deadline_in_force for r in rows] == [date(2026, 3, 25), date(2026, 4, 1)]


def test_the_documents_requested_are_required_never_taken_from_the_subject(make_client, mail_clerk):
    """The field starts empty (the item's subject is not the applicant's words); left empty,
    the request is refused in French and nothing is opened."""
    item = services.mail_register(
        item=MailItem(direction="incoming", received_on=date(2026, 3, 2), contact=ContactFactory(),
                      subject="Demande d'accès", mail_type="access_request"),
        user=mail_clerk,
    )  # fmt: skip
    client = make_client(mail_clerk)
    url = reverse("courrier:access_create", args=[item.pk])
    form = client.get(url).context["form"]
    assert form["documents_requested"].value() in (None, "")
    assert form.fields["documents_requested"].required
    for empty in ({}, {"documents_requested": ""}, {"documents_requested": "   "}):
        refused = client.post(url, empty)
        assert refused.status_code == 422
        assert refused.context["form"].errors["documents_requested"] == ["Ce champ est obligatoire."]
    for empty in ("", "  \n ", None):
        with pytest.raises(ValidationError) as no_documents:
            services.access_request_open(mail_item=item, user=mail_clerk, documents_requested=empty)
        assert no_documents.value.message_dict["documents_requested"] == ["Indiquez les documents demandés."]
    assert not AccessRequest.objects.exists()
    item.refresh_from_db()
    assert (item.status, item.reply_due_on) == ("registered", None)
