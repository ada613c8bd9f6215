"""The hearings calendar: the roll of a day (page and PDF) with what an order covers redacted,
the week and the month, and a chair's calendar feed behind its revocable secret."""

import io
from datetime import date, time

import pytest
from django.urls import reverse
from pypdf import PdfReader

from discipline import services
from discipline.choices import CaseStatus, HearingKind, HearingVenue, OrderScope, ProtectedMatter
from discipline.models import Chair, NonPublicationOrder
from tests.discipline.conftest import fresh
from tests.discipline.factories import CaseFactory

pytestmark = pytest.mark.django_db

DAY = date(2026, 12, 14)


@pytest.fixture
def hearing(clerk, council, members, chair):
    case = CaseFactory(
        council=council,
        served_on=date(2026, 3, 9),
        status=CaseStatus.SERVED,
        respondent_name="Éloïse Côté",
        complainant_name="Julie Bouchard, syndique",
    )
    services.case_assign_panel(case=case, user=clerk, chair=chair, members=members)
    return services.hearing_schedule(
        case=fresh(case),
        user=clerk,
        kind=HearingKind.GUILT,
        day=DAY,
        start=time(9, 30),
        minutes=180,
        venue=HearingVenue.QUEBEC,
        room="Salle 1.10",
    )


def urls():
    return {
        "roll": reverse("discipline:roll") + f"?day={DAY.isoformat()}",
        "roll_pdf": reverse("discipline:roll_pdf") + f"?day={DAY.isoformat()}",
        "week": reverse("discipline:week") + f"?day={DAY.isoformat()}",
        "month": reverse("discipline:month") + "?month=2026-12",
    }


def pdf_text(response):
    """The PDF's words, on one line (the table wraps names across lines)."""
    text = " ".join(page.extract_text() for page in PdfReader(io.BytesIO(response.content)).pages)
    return " ".join(text.split())


@pytest.mark.parametrize("who", ["staff_without_role", "partner_user", "other_partner_user"])
def test_only_the_bureau_sees_the_calendar(make_client, request, hearing, who):
    client = make_client(request.getfixturevalue(who))
    for name, url in urls().items():
        assert client.get(url).status_code == 403, name


def test_anonymous_is_sent_to_sign_in(client, hearing):
    for url in urls().values():
        assert client.get(url).status_code == 302


def test_the_roll_week_and_month_show_the_hearing(make_client, clerk, hearing):
    client = make_client(clerk)
    for name, url in urls().items():
        response = client.get(url)
        assert response.status_code == 200, name
    assert hearing.case.number in client.get(urls()["roll"]).text
    assert hearing.case.number in client.get(urls()["week"]).text
    assert hearing.case.number in client.get(urls()["month"]).text
    assert "Éloïse Côté" in pdf_text(client.get(urls()["roll_pdf"]))


def test_a_covered_name_appears_in_no_roll(make_client, clerk, hearing):
    services.protection_order_place(
        case=hearing.case,
        user=clerk,
        order=NonPublicationOrder(
            scope=OrderScope.NON_PUBLICATION,
            matter=ProtectedMatter.NAME,
            covered_text="Éloïse Côté",
            ordered_on=date(2026, 3, 20),
        ),
    )
    client = make_client(clerk)  # even the clerk's outputs are redacted
    for name, url in urls().items():
        response = client.get(url)
        text = pdf_text(response) if name == "roll_pdf" else response.text
        assert "Côté" not in text and "Éloïse" not in text, name
    assert hearing.case.number in pdf_text(client.get(urls()["roll_pdf"]))
    assert client.get(urls()["roll_pdf"])["Content-Disposition"].startswith("attachment")


def test_a_bad_day_or_month_is_refused_plainly(make_client, clerk, hearing):
    client = make_client(clerk)
    assert client.get(reverse("discipline:roll") + "?day=2026-13-45").status_code == 422
    assert client.get(reverse("discipline:month") + "?month=2026-13").status_code == 422


def test_the_chair_s_feed_answers_only_to_its_current_secret(make_client, client, chair, hearing, other_chair):
    link = reverse("discipline:chair_calendar_link", args=[chair.pk])
    assert make_client(other_chair.user).post(link).status_code == 403
    response = make_client(chair.user).post(link, follow=True)
    message = next(iter(response.context["messages"])).message
    url = message.split(" : ")[-1].split(": ")[-1].strip()
    feed = client.get(url)
    assert feed.status_code == 200 and feed["Content-Type"].startswith("text/calendar")
    body = feed.content.decode()
    assert hearing.case.number in body and "Côté" not in body and "BEGIN:VEVENT" in body
    # Renewed: the old secret answers 404; revoked: none does.
    make_client(chair.user).post(link)
    assert client.get(url).status_code == 404
    make_client(chair.user).post(link, {"revoke": "1"})
    assert Chair.objects.get(pk=chair.pk).calendar_token_hash == ""
    unknown = client.get(reverse("discipline:chair_feed", args=["x" * 43]))
    assert unknown.status_code == 404 and unknown["Referrer-Policy"] == "strict-origin"
    assert client.post(url).status_code == 404


def test_calendar_query_counts(assert_query_count, make_client, clerk, hearing):
    client = make_client(clerk)
    client.get(urls()["roll"])
    for name in ("roll", "week", "month"):
        with assert_query_count(f"discipline:{name}"):
            assert client.get(urls()[name]).status_code == 200


def test_hearing_page_and_history(make_client, assert_query_count, clerk, hearing, staff_without_role):
    url = reverse("discipline:hearing_detail", args=[hearing.pk])
    history = reverse("discipline:hearing_history", args=[hearing.pk])
    assert make_client(staff_without_role).get(url).status_code == 403
    client = make_client(clerk)
    client.get(url)
    with assert_query_count("discipline:hearing_detail"):
        response = client.get(url)
    assert response.status_code == 200 and hearing.case.number in response.text
    with assert_query_count("discipline:hearing_history"):
        assert client.get(history).status_code == 200
    outcome = reverse("discipline:hearing_outcome", args=[hearing.pk])
    assert client.get(outcome).status_code == 200
    # A future hearing cannot be held; a postponement needs its reason: 422, nothing changes.
    assert client.post(outcome, {"outcome": "held", "under_advisement": "on"}).status_code == 422
    assert client.post(outcome, {"outcome": "postponed"}).status_code == 422
    response = client.post(outcome, {"outcome": "postponed", "reason": "Avocat malade", "requested_by": "respondent"})
    assert response.status_code == 302
