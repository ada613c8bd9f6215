"""A space's audit trail: its own events only, for the Office's members of the space only;
filtered, exported without live formulas, at a constant number of queries."""

import datetime
import io

import openpyxl
import pytest
from django.urls import reverse
from django.utils import timezone

from documents.exchange import services
from documents.exchange.choices import EventAction, LinkKind
from documents.exchange.models import ExchangeEvent, ShareLink
from tests.exchange.factories import ExchangeSpaceFactory, stored_pdf
from tests.querycounts import up_to

pytestmark = pytest.mark.django_db


def url_of(space):
    return reverse("exchange:audit_list", args=[space.pk])


def log(space, action, **fields):
    return services.event_log(space=space, action=action, **fields)


@pytest.fixture
def trail(space, unit_member, partner):
    """An upload by the partner, its download by the unit, a visit through a link."""
    version = stored_pdf(space=space, user=partner, name="rapport.pdf")
    log(space, EventAction.DOWNLOADED, user=unit_member, shared_file=version.shared_file)
    link = ShareLink.objects.create(
        space=space,
        kind=LinkKind.DOWNLOAD,
        digest="a" * 64,
        expires_at=timezone.now() + datetime.timedelta(days=7),
        created_by=unit_member,
        label="Cabinet Tremblay",
    )
    event = log(space, EventAction.LINK_OPENED, link=link, shared_file=version.shared_file)
    ExchangeEvent.objects.filter(pk=event.pk).update(ip_address="203.0.113.9")
    return version.shared_file


def test_the_trail_lists_the_spaces_events_only(make_client, unit_member, partner, trail):
    elsewhere = ExchangeSpaceFactory(name="Autre espace")
    log(elsewhere, EventAction.UPLOADED, user=partner, object_name="ailleurs.pdf")
    response = make_client(unit_member).get(url_of(trail.space))
    assert response.status_code == 200
    text = response.text
    assert "rapport.pdf" in text and "ailleurs.pdf" not in text
    assert str(partner) in text and str(unit_member) in text
    assert "Cabinet Tremblay" in text and "203.0.113.9" in text
    assert len(response.context["rows"]) == 3


def test_who_sees_the_trail(
    make_client, trail, exchange_admin, other_staff, staff_without_role, partner, other_partner, organisation_partner
):
    url = url_of(trail.space)
    assert make_client(exchange_admin).get(url).status_code == 200
    assert "/connexion/" in make_client().get(url).url
    assert make_client(staff_without_role).get(url).status_code == 403
    assert make_client(other_staff).get(url).status_code == 404  # not a member of the space
    assert make_client(partner).get(url).status_code == 403  # the Office's trail, not the partner's
    assert make_client(other_partner).get(url).status_code == 404
    assert make_client(organisation_partner).get(url).status_code == 404


def test_filters_by_action_person_days_and_words(make_client, unit_member, partner, trail):
    client = make_client(unit_member)
    url = url_of(trail.space)
    downloads = client.get(url, {"action": EventAction.DOWNLOADED})
    assert [row[1] for row in downloads.context["rows"]] == [str(unit_member)]
    mine = client.get(url, {"person": partner.pk})
    assert len(mine.context["rows"]) == 1
    today = timezone.localdate().isoformat()
    assert len(client.get(url, {"since": today, "until": today}).context["rows"]) == 3
    assert len(client.get(url, {"until": "2020-01-01"}).context["rows"]) == 0
    assert len(client.get(url, {"q": "tremblay"}).context["rows"]) == 1
    # A person of another space is no choice here: the box lists this trail's people.
    refused = client.get(url, {"person": 999999})
    assert refused.status_code == 200 and len(refused.context["rows"]) == 0


def test_the_export_has_the_rows_and_no_formula(make_client, unit_member, partner, trail):
    log(trail.space, EventAction.COMMENTED, user=partner, shared_file=trail, detail='=HYPERLINK("http://x","y")')
    client = make_client(unit_member)
    csv = client.get(url_of(trail.space), {"export": "csv"})
    assert csv.status_code == 200
    body = b"".join(csv.streaming_content).decode("utf-8-sig") if csv.streaming else csv.content.decode("utf-8-sig")
    assert "rapport.pdf" in body and "Cabinet Tremblay" in body
    assert "'=HYPERLINK" in body  # text, never a formula once opened in a spreadsheet
    xlsx = client.get(url_of(trail.space), {"export": "xlsx"})
    content = b"".join(xlsx.streaming_content) if xlsx.streaming else xlsx.content
    sheet = openpyxl.load_workbook(io.BytesIO(content)).active
    cells = [cell for row in sheet.iter_rows() for cell in row]
    assert "rapport.pdf" in [cell.value for cell in cells]
    assert [c.data_type for c in cells if c.value == '=HYPERLINK("http://x","y")'] == ["s"]
    assert not [c.coordinate for c in cells if c.data_type == "f"]
    assert sheet.max_row == 1 + 4  # the header and the four events


def test_the_trail_costs_the_same_with_10_and_100_events(
    make_client, unit_member, partner, space, assert_constant_queries
):
    link = ShareLink.objects.create(
        space=space, digest="b" * 64, expires_at=timezone.now() + datetime.timedelta(days=7), created_by=unit_member
    )

    def events(count):
        for n in range(count):
            person = {"user": partner} if n % 2 else {"link": link}
            log(space, EventAction.VIEWED, object_name=f"piece-{n}.pdf", **person)

    assert_constant_queries("exchange:audit_list", make_client(unit_member), url_of(space), up_to(events))
