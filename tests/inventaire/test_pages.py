"""The inventory's pages: who reaches them (the Inventaire role; other staff and partners 403,
anonymous visitors to sign-in), the forms through the browser's eyes (a refused form answers
422 with a French message and saves nothing), check-out and check-in of a list of tags, and
query counts that stay constant with the rows."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from inventaire import services
from inventaire.choices import AssetStatus
from inventaire.models import Asset, Assignment, Category, HandOver, Location, Maintenance, Movement
from tests.inventaire.conftest import fresh
from tests.inventaire.factories import AssetFactory, LocationFactory
from tests.querycounts import up_to

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate()


@pytest.fixture
def handed(technician, holder, laptop):
    """The laptop, handed over to the holder (not acknowledged yet)."""
    return services.check_out(assets=[laptop], user=technician, on=TODAY, holder=holder)


def pages(asset, room):
    """Every GET page of the Inventaire role."""
    pk, category = asset.pk, asset.category_id
    return {
        "index": reverse("inventaire:index"),
        "asset_list": reverse("inventaire:asset_list"),
        "asset_create": reverse("inventaire:asset_create"),
        "asset_detail": reverse("inventaire:asset_detail", args=[pk]),
        "asset_edit": reverse("inventaire:asset_edit", args=[pk]),
        "asset_history": reverse("inventaire:asset_history", args=[pk]),
        "asset_repair": reverse("inventaire:asset_repair", args=[pk]),
        "asset_lost": reverse("inventaire:asset_lost", args=[pk]),
        "asset_relocate": reverse("inventaire:asset_relocate", args=[pk]),
        "asset_dispose": reverse("inventaire:asset_dispose", args=[pk]),
        "maintenance_record": reverse("inventaire:maintenance_record", args=[pk]),
        "check_out": reverse("inventaire:check_out"),
        "check_in": reverse("inventaire:check_in"),
        "person_equipment": reverse("inventaire:person_equipment", args=[asset.created_by_id]),
        "category_list": reverse("inventaire:category_list"),
        "category_create": reverse("inventaire:category_create"),
        "category_detail": reverse("inventaire:category_detail", args=[category]),
        "category_edit": reverse("inventaire:category_edit", args=[category]),
        "category_history": reverse("inventaire:category_history", args=[category]),
        "location_list": reverse("inventaire:location_list"),
        "location_create": reverse("inventaire:location_create"),
        "location_detail": reverse("inventaire:location_detail", args=[room.pk]),
        "location_edit": reverse("inventaire:location_edit", args=[room.pk]),
        "location_history": reverse("inventaire:location_history", args=[room.pk]),
    }


def writes(asset, room, holder):
    """Every POST of the Inventaire role, with valid data."""
    on = TODAY.isoformat()
    return {
        "asset_create": (reverse("inventaire:asset_create"), asset_data(asset.category, room, serial_number="NEW1")),
        "asset_repair": (reverse("inventaire:asset_repair", args=[asset.pk]), {"on": on}),
        "asset_relocate": (reverse("inventaire:asset_relocate", args=[asset.pk]), {"on": on, "location": room.pk}),
        "check_out": (reverse("inventaire:check_out"), {"tags": asset.tag, "holder": holder.pk, "on": on}),
        "location_create": (
            reverse("inventaire:location_create"),
            {"site": room.site_id, "floor": "3", "room": "3.01"},
        ),
    }


def asset_data(category, room, **fields):
    data = {
        "category": category.pk,
        "manufacturer": "Lenovo",
        "model_name": "ThinkPad T14",
        "serial_number": "PF-123456",
        "location": room.pk,
        "purchased_on": "2026-01-15",
        "supplier": "Insight Canada",
        "invoice_number": "F-2026-0042",
        "cost": "1749.99",
        "warranty_ends_on": "2029-01-15",
        "hostname": "OPQ-POR-0042",
        "os_name": "Windows 11",
        "os_version": "24H2",
        "disk_encryption": "yes",
    }
    data.update(fields)
    return data


def state():
    return (
        sorted(Asset.objects.values_list("pk", "tag", "status", "holder_id", "location_id", "serial_number")),
        Assignment.objects.count(),
        HandOver.objects.count(),
        Movement.objects.count(),
        Location.objects.count(),
        Category.objects.count(),
        Maintenance.objects.count(),
    )


# --- Who reaches what -----------------------------------------------------------------------


def test_anonymous_is_sent_to_sign_in(client, laptop, room, holder):
    for name, url in [*pages(laptop, room).items(), ("mine", reverse("inventaire:my_equipment"))]:
        response = client.get(url)
        assert response.status_code == 302 and response["Location"].startswith("/connexion/"), name
    before = state()
    for name, (url, data) in writes(laptop, room, holder).items():
        assert client.post(url, data)["Location"].startswith("/connexion/"), name
    assert state() == before


@pytest.mark.parametrize("who", ["staff_user", "staff_without_role", "partner_user", "other_partner_user"])
def test_other_staff_and_partners_get_403(make_client, request, laptop, room, holder, who):
    client = make_client(request.getfixturevalue(who))
    for name, url in pages(laptop, room).items():
        assert client.get(url).status_code == 403, name
    before = state()
    for name, (url, data) in writes(laptop, room, holder).items():
        assert client.post(url, data).status_code == 403, name
    assert state() == before


def test_the_inventory_role_reaches_every_page(make_client, technician, laptop, room):
    client = make_client(technician)
    for name, url in pages(laptop, room).items():
        assert client.get(url).status_code == 200, name
    page = client.get(reverse("inventaire:asset_detail", args=[laptop.pk])).text
    assert 'aria-label="Code-barres de OPQ-000101"' in page and 'aria-label="Code QR de OPQ-000101"' in page
    assert f"{reverse('inventaire:check_out')}?tags=OPQ-000101" in page


def test_the_person_menu_leads_every_staff_member_to_their_equipment(make_client, staff_user):
    page = make_client(staff_user).get(reverse("core:dashboard")).text
    assert (
        f'href="{reverse("inventaire:my_equipment")}"' in page and f'href="{reverse("inventaire:index")}"' not in page
    )


# --- Forms ----------------------------------------------------------------------------------


def test_registering_an_asset_gives_it_the_next_tag(make_client, technician, laptop, room):
    response = make_client(technician).post(reverse("inventaire:asset_create"), asset_data(laptop.category, room))
    asset = Asset.objects.get(serial_number="PF-123456")
    assert response.status_code == 302 and response["Location"] == asset.get_absolute_url()
    assert asset.tag == "OPQ-000001" and asset.hostname == "OPQ-POR-0042" and asset.status == AssetStatus.IN_STOCK


def test_furniture_keeps_no_hostname(make_client, technician, chair, room):
    make_client(technician).post(reverse("inventaire:asset_create"), asset_data(chair.category, room))
    assert Asset.objects.get(serial_number="PF-123456").hostname == ""


@pytest.mark.parametrize(
    ("fields", "field", "message"),
    [
        ({"purchased_on": (TODAY + timedelta(days=2)).isoformat()}, "purchased_on", "postérieure à aujourd’hui"),
        ({"warranty_ends_on": "2025-12-31"}, "warranty_ends_on", "avant l’achat"),
        ({"cost": "-5"}, "cost", "négatif"),
        ({"cost": "douze"}, "cost", "nombre"),
        ({"purchased_on": "2026-02-30"}, "purchased_on", "date valide"),
        ({"manufacturer": "x" * 101}, "manufacturer", "au plus 100"),
        ({"serial_number": "SN-DUP"}, None, "numéro de série"),
    ],
)
def test_a_refused_asset_answers_422_in_french_and_saves_nothing(
    make_client, technician, laptop, room, fields, field, message
):
    Asset.objects.filter(pk=laptop.pk).update(serial_number="SN-DUP", model_name="ThinkPad T14", manufacturer="Lenovo")
    before = state()
    response = make_client(technician).post(
        reverse("inventaire:asset_create"), asset_data(laptop.category, room, **fields)
    )
    assert response.status_code == 422
    form = response.context["form"]
    errors = form.errors[field] if field else [error for errors in form.errors.values() for error in errors]
    assert any(message in error for error in errors), errors
    assert state() == before


def test_a_list_of_scanned_tags_is_checked_out_in_one_hand_over(make_client, technician, holder, laptop, chair):
    data = {"tags": "opq-000101\nOPQ-000102\nOPQ-000101\n", "holder": holder.pk, "on": TODAY.isoformat(), "note": ""}
    response = make_client(technician).post(reverse("inventaire:check_out"), data)
    assert response.status_code == 302 and response["Location"] == reverse("inventaire:asset_list")
    handover = HandOver.objects.get()
    assert handover.holder == holder and handover.items.count() == 2


def test_an_unknown_tag_checks_nothing_out(make_client, technician, holder, laptop):
    before = state()
    data = {"tags": "OPQ-000101\nOPQ-404404", "holder": holder.pk, "on": TODAY.isoformat()}
    response = make_client(technician).post(reverse("inventaire:check_out"), data)
    assert response.status_code == 422
    assert "Aucun actif ne porte ces étiquettes : OPQ-404404." in response.context["form"].errors["tags"]
    assert state() == before


def test_a_check_out_names_the_person_or_the_room(make_client, technician, laptop):
    before = state()
    response = make_client(technician).post(
        reverse("inventaire:check_out"), {"tags": laptop.tag, "on": TODAY.isoformat()}
    )
    assert response.status_code == 422
    assert (
        "Choisissez la personne qui reçoit l’équipement, ou l’emplacement."
        in response.context["form"].non_field_errors()
    )
    assert state() == before


def test_a_check_in_of_an_asset_in_stock_is_refused_in_french(make_client, technician, laptop):
    before = state()
    response = make_client(technician).post(
        reverse("inventaire:check_in"), {"tags": laptop.tag, "on": TODAY.isoformat()}
    )
    assert response.status_code == 422
    assert "Pas sortis, donc rien n’est retourné : OPQ-000101." in response.context["form"].errors["tags"]
    assert state() == before


def test_one_asset_checked_in_leads_back_to_its_page(make_client, technician, handed, laptop, other_room):
    data = {"tags": laptop.tag, "on": TODAY.isoformat(), "location": other_room.pk}
    response = make_client(technician).post(reverse("inventaire:check_in"), data)
    assert response["Location"] == laptop.get_absolute_url()
    assert (fresh(laptop).status, fresh(laptop).location) == (AssetStatus.IN_STOCK, other_room)


def test_a_disposal_without_its_wipe_proof_answers_422(make_client, technician, laptop):
    before = state()
    data = {"on": TODAY.isoformat(), "reason": "recycled"}
    response = make_client(technician).post(reverse("inventaire:asset_dispose", args=[laptop.pk]), data)
    assert response.status_code == 422
    assert (
        "Cet actif contient des données : joignez la preuve de leur effacement."
        in response.context["form"].errors["wipe_proof"]
    )
    assert state() == before


def test_a_duplicate_room_answers_422(make_client, technician, room):
    before = state()
    data = {"site": room.site_id, "floor": room.floor, "room": room.room}
    response = make_client(technician).post(reverse("inventaire:location_create"), data)
    assert response.status_code == 422
    assert state() == before


def test_the_list_leaves_disposed_assets_out_unless_asked(make_client, technician, laptop, chair):
    services.asset_dispose(asset=chair, user=technician, on=TODAY, reason="donated")
    client = make_client(technician)
    listed = client.get(reverse("inventaire:asset_list")).text
    assert laptop.tag in listed and chair.tag not in listed
    disposed = client.get(reverse("inventaire:asset_list"), {"status": "disposed"}).text
    assert chair.tag in disposed and laptop.tag not in disposed


def test_the_list_finds_an_asset_by_its_holder_and_serial(make_client, technician, handed, laptop, chair, holder):
    client = make_client(technician)
    by_holder = client.get(reverse("inventaire:asset_list"), {"q": "tremblay"}).text
    assert laptop.tag in by_holder and chair.tag not in by_holder
    assert chair.tag in client.get(reverse("inventaire:asset_list"), {"q": chair.serial_number}).text


def test_the_list_exports_what_it_shows(make_client, technician, laptop, chair):
    response = make_client(technician).get(reverse("inventaire:asset_list"), {"export": "csv", "kind": "furniture"})
    content = b"".join(response.streaming_content).decode() if response.streaming else response.content.decode()
    assert chair.tag in content and laptop.tag not in content


# --- Query counts ---------------------------------------------------------------------------


def test_the_asset_list_costs_the_same_with_10_and_100_assets(assert_constant_queries, make_client, technician, room):
    def make_assets(count):
        for _ in range(count):
            AssetFactory(location=room, created_by=technician)

    assert_constant_queries(
        "inventaire:asset_list", make_client(technician), reverse("inventaire:asset_list"), up_to(make_assets)
    )


def test_an_asset_page_costs_the_same_with_10_and_100_moves(
    assert_constant_queries, make_client, technician, holder, laptop, room
):
    def make_moves(count):
        for _ in range(count // 2):
            services.check_out(assets=[laptop], user=technician, on=TODAY, holder=holder)
            services.check_in(assets=[laptop], user=technician, on=TODAY, location=room)

    url = reverse("inventaire:asset_detail", args=[laptop.pk])
    assert_constant_queries("inventaire:asset_detail", make_client(technician), url, up_to(make_moves), per_page=False)


def test_the_catalogue_lists_cost_the_same_with_their_rows(assert_constant_queries, make_client, technician):
    client = make_client(technician)
    assert_constant_queries(
        "inventaire:location_list",
        client,
        reverse("inventaire:location_list"),
        up_to(lambda n: [LocationFactory() for _ in range(n)]),
    )

    def make_categories(count):
        for n in range(count):
            Category.objects.create(name=f"Catégorie {Category.objects.count()}-{n}", kind="it", life_months=36)

    assert_constant_queries(
        "inventaire:category_list", client, reverse("inventaire:category_list"), up_to(make_categories)
    )


@pytest.mark.parametrize(
    "name",
    [
        "inventaire:asset_history",
        "inventaire:category_detail",
        "inventaire:category_history",
        "inventaire:location_detail",
        "inventaire:location_history",
    ],
)
def test_the_pages_query_counts(assert_query_count, make_client, technician, laptop, room, name):
    pk = {"asset": laptop.pk, "category": laptop.category_id, "location": room.pk}[name.split(":")[1].split("_")[0]]
    client = make_client(technician)
    url = reverse(name, args=[pk])
    client.get(url)
    with assert_query_count(name):
        response = client.get(url)
    assert response.status_code == 200


def test_a_maintenance_is_recorded_from_the_asset_page(make_client, technician, laptop):
    client = make_client(technician)
    data = {"on": TODAY.isoformat(), "description": "Clavier remplacé", "supplier": "Dell", "cost": "89.50"}
    response = client.post(reverse("inventaire:maintenance_record", args=[laptop.pk]), {**data, "outcome": "repaired"})
    assert response["Location"] == laptop.get_absolute_url()
    assert "Clavier remplacé" in client.get(laptop.get_absolute_url()).text


def test_a_refused_maintenance_answers_422_in_french(make_client, technician, laptop):
    data = {"on": TODAY.isoformat(), "description": "x", "outcome": "repaired", "claim_number": "C-1"}
    response = make_client(technician).post(reverse("inventaire:maintenance_record", args=[laptop.pk]), data)
    assert response.status_code == 422
    assert (
        "Un numéro de réclamation va avec une réclamation au titre de la garantie."
        in response.context["form"].errors["claim_number"]
    )
    assert not Maintenance.objects.exists()


def test_the_home_dashboards_link_each_figure_to_its_list(make_client, technician, laptop, chair):
    Asset.objects.filter(pk=laptop.pk).update(disk_encryption="no", os_name="Windows 10", os_version="22H2")
    client = make_client(technician)
    page = client.get(reverse("inventaire:index")).text
    assert "/inventaire/actifs/?posture=laptop&amp;disk_encryption=no" in page
    assert "/inventaire/actifs/?computers=true&amp;os_name=Windows+10&amp;os_version=22H2" in page
    listed = client.get(reverse("inventaire:asset_list"), {"posture": "laptop", "disk_encryption": "no"}).text
    assert laptop.tag in listed and chair.tag not in listed
    by_os = client.get(reverse("inventaire:asset_list"), {"computers": "true", "os_name": "Windows 10"}).text
    assert laptop.tag in by_os and chair.tag not in by_os


def test_the_home_costs_the_same_with_10_and_100_assets(assert_constant_queries, make_client, technician, room):
    def make_assets(count):
        for n in range(count):
            AssetFactory(location=room, created_by=technician, os_name="Windows 11", os_version=f"2{n % 3}H2")

    assert_constant_queries(
        "inventaire:index", make_client(technician), reverse("inventaire:index"), up_to(make_assets), per_page=False
    )
