"""Mon équipement: every staff member sees what they hold, acknowledges a hand-over once (its
PDF theirs to download), confirms once a year; another person's asset, hand-over or PDF is
not found; partners and accounts without the intranet get 403."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from inventaire import services
from inventaire.models import Assignment, HandOver
from tests.inventaire.factories import AssetFactory
from tests.querycounts import up_to

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate()
MINE = reverse("inventaire:my_equipment")


@pytest.fixture
def handed(technician, holder, laptop, chair):
    return services.check_out(assets=[laptop, chair], user=technician, on=TODAY, holder=holder)


def acknowledged():
    return sorted(HandOver.objects.values_list("pk", "acknowledged_at", "acknowledgement_id"))


def test_the_holder_sees_the_hand_over_to_acknowledge(make_client, holder, handed, laptop, chair):
    page = make_client(holder).get(MINE)
    assert page.status_code == 200
    text = page.text
    assert laptop.tag in text and chair.tag in text and "J’accuse réception" in text
    assert reverse("inventaire:handover_acknowledge", args=[handed.pk]) in text


def test_acknowledging_keeps_a_pdf_the_holder_downloads(make_client, holder, handed):
    client = make_client(holder)
    response = client.post(reverse("inventaire:handover_acknowledge", args=[handed.pk]))
    assert response.status_code == 302 and response["Location"] == MINE
    handed.refresh_from_db()
    assert handed.acknowledged_at is not None
    download = client.get(reverse("core:private_file", args=[handed.acknowledgement.uuid]))
    assert download.status_code == 200 and b"".join(download.streaming_content).startswith(b"%PDF")
    assert "J’accuse réception" not in client.get(MINE).text


def test_acknowledging_twice_says_so_and_changes_nothing(make_client, holder, handed):
    client = make_client(holder)
    client.post(reverse("inventaire:handover_acknowledge", args=[handed.pk]))
    before = acknowledged()
    response = client.post(reverse("inventaire:handover_acknowledge", args=[handed.pk]), follow=True)
    assert "Vous avez déjà accusé réception de cette remise." in response.text
    assert acknowledged() == before


def test_another_persons_hand_over_asset_and_pdf_are_not_found(make_client, holder, other_holder, handed, laptop):
    make_client(holder).post(reverse("inventaire:handover_acknowledge", args=[handed.pk]))
    handed.refresh_from_db()
    client = make_client(other_holder)
    before = acknowledged()
    assert client.post(reverse("inventaire:handover_acknowledge", args=[handed.pk])).status_code == 404
    assert client.get(reverse("inventaire:my_asset", args=[laptop.pk])).status_code == 404
    assert client.get(reverse("core:private_file", args=[handed.acknowledgement.uuid])).status_code == 404
    assert laptop.tag not in client.get(MINE).text
    assert acknowledged() == before


def test_the_holder_opens_the_page_of_what_they_hold(make_client, holder, handed, laptop):
    page = make_client(holder).get(reverse("inventaire:my_asset", args=[laptop.pk]))
    assert page.status_code == 200 and laptop.serial_number in page.text


def test_the_inventory_team_reads_the_acknowledgement_from_the_asset(make_client, technician, holder, handed, laptop):
    make_client(holder).post(reverse("inventaire:handover_acknowledge", args=[handed.pk]))
    handed.refresh_from_db()
    client = make_client(technician)
    url = reverse("core:private_file", args=[handed.acknowledgement.uuid])
    assert url in client.get(reverse("inventaire:asset_detail", args=[laptop.pk])).text
    assert client.get(url).status_code == 200


@pytest.mark.parametrize("who", ["staff_without_role", "partner_user", "other_partner_user"])
def test_partners_and_accounts_without_the_intranet_get_403(make_client, request, handed, laptop, who):
    client = make_client(request.getfixturevalue(who))
    before = acknowledged()
    assert client.get(MINE).status_code == 403
    assert client.get(reverse("inventaire:my_asset", args=[laptop.pk])).status_code == 403
    assert client.post(reverse("inventaire:handover_acknowledge", args=[handed.pk])).status_code == 403
    assert acknowledged() == before


def test_the_yearly_confirmation(make_client, technician, holder, laptop, chair):
    services.check_out(assets=[laptop, chair], user=technician, on=TODAY - timedelta(days=400), holder=holder)
    client = make_client(holder)
    assert "Confirmation annuelle" in client.get(MINE).text
    due = list(Assignment.objects.filter(holder=holder).order_by("pk").values_list("pk", flat=True))
    response = client.post(reverse("inventaire:my_equipment_confirm"), {"assignments": [due[0]]})
    assert response.status_code == 302
    assert list(Assignment.objects.filter(confirmed_on=TODAY).values_list("pk", flat=True)) == [due[0]]


def test_a_confirmation_with_nothing_ticked_answers_422(make_client, technician, holder, other_holder, laptop, chair):
    services.check_out(assets=[laptop], user=technician, on=TODAY - timedelta(days=400), holder=holder)
    services.check_out(assets=[chair], user=technician, on=TODAY - timedelta(days=400), holder=other_holder)
    theirs = Assignment.objects.get(holder=other_holder).pk
    client = make_client(holder)
    empty = client.post(reverse("inventaire:my_equipment_confirm"), {})
    assert empty.status_code == 422 and "Cochez au moins un article que vous avez toujours." in empty.text
    assert client.post(reverse("inventaire:my_equipment_confirm"), {"assignments": [theirs]}).status_code == 422
    assert not Assignment.objects.filter(confirmed_on__isnull=False).exists()


def test_my_equipment_costs_the_same_with_10_and_100_items(assert_constant_queries, make_client, technician, holder):
    def hand_over(count):
        assets = [AssetFactory(created_by=technician) for _ in range(count)]
        services.check_out(assets=assets, user=technician, on=TODAY - timedelta(days=400), holder=holder)

    assert_constant_queries("inventaire:my_equipment", make_client(holder), MINE, up_to(hand_over), per_page=False)
