"""Stock-taking campaigns: the scope, each tag read (found, in the wrong place, unknown; twice is
harmless), the results computed by hand on a floor of two rooms, fixing the locations in one
step, the closing PDF; and their pages, for the role only, with constant query counts."""

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone
from pypdf import PdfReader

from inventaire import selectors, services
from inventaire.choices import AssetStatus, CampaignStatus
from inventaire.models import Campaign, Scan
from opq_intranet.core.models import Site
from tests.inventaire.conftest import fresh
from tests.inventaire.factories import AssetFactory, LocationFactory
from tests.querycounts import up_to

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate()


def open_campaign(user, **scope):
    scope.setdefault("site", Site.objects.get(code="quebec"))
    return services.campaign_open(campaign=Campaign(opened_on=TODAY, **scope), user=user)


@pytest.fixture
def floor(technician, room, other_room):
    """Floor 10 of Québec: room 10.12 and room 10.14, and what each holds.

    10.12: a1 (will be read there: found), a2 (not read: missing), a3 in repair (not expected).
    10.14: b1 (read in 10.12: wrong place), lost l1 (read in 10.14: wrong place, it was lost),
    disposed d1 (read in 10.14: wrong place, never moved), and an unknown tag read in 10.14."""
    made = {
        "a1": AssetFactory(tag="A-1", location=room, created_by=technician),
        "a2": AssetFactory(tag="A-2", location=room, created_by=technician),
        "a3": AssetFactory(tag="A-3", location=room, status=AssetStatus.IN_REPAIR, created_by=technician),
        "b1": AssetFactory(tag="B-1", location=other_room, created_by=technician),
        "l1": AssetFactory(tag="L-1", location=None, status=AssetStatus.LOST, created_by=technician),
        "d1": AssetFactory(tag="D-1", location=other_room, status=AssetStatus.DISPOSED, created_by=technician),
    }
    LocationFactory(floor="3", room="3.01")  # another floor: not part of the campaign
    return made


@pytest.fixture
def counted(technician, floor, room, other_room):
    campaign = open_campaign(technician, floor="10")
    for tag, where in (("A-1", room), ("B-1", room), ("L-1", other_room), ("D-1", other_room), ("ZZ-9", other_room)):
        services.campaign_scan(campaign=campaign, user=technician, tag=tag, location=where)
    return campaign


def tags(items):
    return sorted(getattr(item, "tag", None) for item in items)


# --- Opening ----------------------------------------------------------------------------------


def test_a_campaign_is_numbered_and_covers_its_scope(technician, room, other_room):
    site = open_campaign(technician)
    floor = open_campaign(technician, floor="10")
    one = open_campaign(technician, location=room)
    assert site.number == f"INV-{TODAY.year}-00001" and one.number.endswith("00003")
    assert set(selectors.rooms_of(floor)) == {room, other_room}
    assert list(selectors.rooms_of(one)) == [room] and one.floor == "10"


def test_a_room_of_another_site_or_floor_is_refused(technician, room):
    montreal = Site.objects.get(code="montreal")
    with pytest.raises(ValidationError) as refused:
        open_campaign(technician, site=montreal, location=room)
    assert "location" in refused.value.message_dict
    with pytest.raises(ValidationError):
        open_campaign(technician, floor="9", location=room)
    with pytest.raises(ValidationError) as empty:
        open_campaign(technician, floor="42")
    assert "floor" in empty.value.message_dict
    assert not Campaign.objects.exists()


# --- Scanning ---------------------------------------------------------------------------------


def test_a_tag_read_twice_is_harmless_and_says_so(technician, floor, room):
    campaign = open_campaign(technician, floor="10")
    first = services.campaign_scan(campaign=campaign, user=technician, tag="a-1", location=room)
    again = services.campaign_scan(campaign=campaign, user=technician, tag=" A-1 ", location=room)
    assert first.first and not again.first
    scan = Scan.objects.get()
    assert (scan.tag, scan.asset, scan.times) == ("A-1", floor["a1"], 2)


def test_a_qr_code_holding_a_link_gives_its_tag(technician, floor, room):
    campaign = open_campaign(technician, floor="10")
    services.campaign_scan(campaign=campaign, user=technician, tag="https://intranet.opq/actif/A-2/", location=room)
    assert Scan.objects.get().asset == floor["a2"]


def test_a_room_outside_the_campaign_and_an_empty_tag_are_refused(technician, floor, room):
    campaign = open_campaign(technician, location=room)
    elsewhere = LocationFactory(floor="3", room="3.02")
    with pytest.raises(ValidationError) as refused:
        services.campaign_scan(campaign=campaign, user=technician, tag="A-1", location=elsewhere)
    assert "location" in refused.value.message_dict
    with pytest.raises(ValidationError) as empty:
        services.campaign_scan(campaign=campaign, user=technician, tag="  ", location=room)
    assert "tag" in empty.value.message_dict
    assert not Scan.objects.exists()


# --- Results, fixing, closing -----------------------------------------------------------------


def test_the_results_of_a_floor(counted, floor):
    results = selectors.campaign_results(counted)
    assert tags(results.found) == ["A-1"]
    assert tags(results.wrong_place) == ["B-1", "D-1", "L-1"]
    assert tags(results.missing) == ["A-2"]  # A-3 is away in repair; D-1 is disposed
    assert tags(results.unknown) == ["ZZ-9"]
    assert tags(results.to_fix) == ["B-1", "L-1"]
    assert list(results.counts.values()) == [1, 3, 1, 1]


def test_fixing_moves_what_was_found_elsewhere_and_finds_what_was_lost(technician, counted, floor, room, other_room):
    assert services.campaign_fix_locations(campaign=counted, user=technician) == 2
    assert fresh(floor["b1"]).location == room
    found = fresh(floor["l1"])
    assert (found.status, found.location) == (AssetStatus.IN_STOCK, other_room)
    assert fresh(floor["d1"]).status == AssetStatus.DISPOSED
    results = selectors.campaign_results(counted)
    assert tags(results.found) == ["A-1", "B-1", "L-1"] and tags(results.moved) == ["B-1", "L-1"]
    assert tags(results.wrong_place) == ["D-1"]
    assert services.campaign_fix_locations(campaign=counted, user=technician) == 0


def test_closing_keeps_a_report_and_stops_the_scans(technician, counted, room):
    services.campaign_close(campaign=counted, user=technician)
    counted.refresh_from_db()
    assert counted.status == CampaignStatus.CLOSED and counted.closed_by == technician
    with counted.report.content.open("rb") as handle:
        text = " ".join(page.extract_text() for page in PdfReader(handle).pages)
    for tag in ("A-1", "A-2", "B-1", "L-1", "D-1", "ZZ-9"):
        assert tag in text
    assert "Manquants (1)" in text and "Étiquettes inconnues (1)" in text
    with pytest.raises(ValidationError):
        services.campaign_scan(campaign=counted, user=technician, tag="A-2", location=room)
    with pytest.raises(ValidationError):
        services.campaign_fix_locations(campaign=counted, user=technician)


# --- Pages ------------------------------------------------------------------------------------


def campaign_pages(campaign):
    return {
        "list": reverse("inventaire:campaign_list"),
        "open": reverse("inventaire:campaign_open"),
        "detail": reverse("inventaire:campaign_detail", args=[campaign.pk]),
        "scan": reverse("inventaire:campaign_scan", args=[campaign.pk]),
        "fix": reverse("inventaire:campaign_fix", args=[campaign.pk]),
        "close": reverse("inventaire:campaign_close", args=[campaign.pk]),
        "history": reverse("inventaire:campaign_history", args=[campaign.pk]),
    }


@pytest.mark.parametrize("who", ["staff_user", "staff_without_role", "partner_user", "other_partner_user"])
def test_campaign_pages_are_for_the_role_only(make_client, request, counted, room, who):
    client = make_client(request.getfixturevalue(who))
    for name, url in campaign_pages(counted).items():
        assert client.get(url).status_code == 403, name
    before = Scan.objects.count()
    assert client.post(campaign_pages(counted)["scan"], {"location": room.pk, "tag": "A-2"}).status_code == 403
    assert Scan.objects.count() == before


def test_the_role_reaches_every_campaign_page(make_client, technician, counted):
    client = make_client(technician)
    for name, url in campaign_pages(counted).items():
        assert client.get(url).status_code == 200, name
    assert client.get(reverse("inventaire:campaign_list")).status_code == 200


def test_opening_from_the_page_leads_to_the_scan_page(make_client, technician, floor):
    site = Site.objects.get(code="quebec")
    data = {"site": site.pk, "floor": "10", "opened_on": TODAY.isoformat()}
    response = make_client(technician).post(reverse("inventaire:campaign_open"), data)
    campaign = Campaign.objects.get()
    assert response["Location"] == reverse("inventaire:campaign_scan", args=[campaign.pk])


def test_a_refused_opening_answers_422(make_client, technician, floor):
    site = Site.objects.get(code="quebec")
    data = {"site": site.pk, "floor": "42", "opened_on": TODAY.isoformat()}
    response = make_client(technician).post(reverse("inventaire:campaign_open"), data)
    assert response.status_code == 422
    assert "Aucun local de l’Office ne correspond à ce site et à cet étage." in response.context["form"].errors["floor"]
    future = {"site": site.pk, "opened_on": (TODAY + timedelta(days=1)).isoformat()}
    assert make_client(technician).post(reverse("inventaire:campaign_open"), future).status_code == 422
    assert not Campaign.objects.exists()


def test_the_scan_page_answers_each_tag_in_place(make_client, technician, counted, room):
    client = make_client(technician)
    url = reverse("inventaire:campaign_scan", args=[counted.pk])
    answer = client.post(url, {"location": room.pk, "tag": "A-2"}, headers={"HX-Request": "true"})
    assert answer.status_code == 200 and "A-2 trouvé." in answer.text
    again = client.post(url, {"location": room.pk, "tag": "A-2"}, headers={"HX-Request": "true"})
    assert "A-2 a déjà été lu : rien ne change." in again.text
    plain = client.post(url, {"location": room.pk, "tag": "QQ-1"})
    assert plain.status_code == 302 and plain["Location"] == f"{url}?room={room.pk}"
    assert "QQ-1 n’est pas un actif de l’inventaire." in client.get(plain["Location"]).text


def test_an_empty_tag_answers_422_and_records_nothing(make_client, technician, counted, room):
    before = Scan.objects.count()
    response = make_client(technician).post(
        reverse("inventaire:campaign_scan", args=[counted.pk]), {"location": room.pk, "tag": ""}
    )
    assert response.status_code == 422 and Scan.objects.count() == before


def test_a_closed_campaign_sends_the_scan_page_to_its_results(make_client, technician, counted):
    services.campaign_close(campaign=counted, user=technician)
    response = make_client(technician).get(reverse("inventaire:campaign_scan", args=[counted.pk]))
    assert response["Location"] == counted.get_absolute_url()


def test_the_campaign_list_costs_the_same_with_10_and_100(assert_constant_queries, make_client, technician, room):
    assert_constant_queries(
        "inventaire:campaign_list",
        make_client(technician),
        reverse("inventaire:campaign_list"),
        up_to(lambda n: [open_campaign(technician, location=room) for _ in range(n)]),
    )


def test_the_results_cost_the_same_with_10_and_100_scans(assert_constant_queries, make_client, technician, room):
    campaign = open_campaign(technician, location=room)

    def scans(count):
        for _ in range(count):
            asset = AssetFactory(location=room, created_by=technician)
            services.campaign_scan(campaign=campaign, user=technician, tag=asset.tag, location=room)

    url = reverse("inventaire:campaign_detail", args=[campaign.pk])
    assert_constant_queries("inventaire:campaign_detail", make_client(technician), url, up_to(scans), per_page=False)


def test_the_campaign_history_query_count(assert_query_count, make_client, technician, counted):
    client = make_client(technician)
    url = reverse("inventaire:campaign_history", args=[counted.pk])
    client.get(url)
    with assert_query_count("inventaire:campaign_history"):
        assert client.get(url).status_code == 200
