"""An asset's services: registering (tags from the numbering service), corrections, and every
move of its status through TRANSITIONS: repair and back, lost and found, moves, disposal with
its proof of data wipe. A refused move changes nothing."""

from datetime import date, timedelta
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from inventaire import services
from inventaire.choices import AssetStatus, DisposalReason, MovementKind
from inventaire.models import Asset, Assignment, Maintenance, Movement
from opq_intranet.core import pdf
from tests.factories import UserFactory
from tests.inventaire.conftest import fresh
from tests.inventaire.factories import AssetFactory, CategoryFactory

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate()


def wipe_certificate():
    content = pdf.render([pdf.paragraph("Certificat d'effacement")], title="Effacement")
    return SimpleUploadedFile("certificat.pdf", content, content_type="application/pdf")


def new_asset(room, **fields):
    values = {"category": CategoryFactory(), "manufacturer": "Dell", "model_name": "Latitude 7450", "location": room}
    values.update(fields)
    return Asset(**values)


def kinds(asset):
    return list(Movement.objects.filter(asset=asset).order_by("pk").values_list("kind", flat=True))


# --- Registering ------------------------------------------------------------------------------


def test_registering_numbers_the_tags_in_one_series_and_journals_it(technician, room):
    first = services.asset_register(asset=new_asset(room, serial_number="A1"), user=technician)
    second = services.asset_register(asset=new_asset(room, serial_number="A2"), user=technician)
    assert (first.tag, second.tag) == ("OPQ-000001", "OPQ-000002")
    assert first.status == AssetStatus.IN_STOCK and first.created_by == technician
    assert kinds(first) == [MovementKind.REGISTERED]


def test_an_imported_tag_is_kept_but_never_twice(technician, room, laptop):
    asset = services.asset_register(asset=new_asset(room), user=technician, tag="OPQ-LEGACY-7")
    assert asset.tag == "OPQ-LEGACY-7"
    with pytest.raises(ValidationError) as refused:
        services.asset_register(asset=new_asset(room), user=technician, tag=laptop.tag)
    assert "tag" in refused.value.message_dict
    assert Asset.objects.count() == 2


@pytest.mark.parametrize(
    ("fields", "field"),
    [
        ({"purchased_on": TODAY + timedelta(days=1)}, "purchased_on"),
        ({"purchased_on": date(2025, 5, 1), "warranty_ends_on": date(2025, 4, 30)}, "warranty_ends_on"),
        ({"cost": Decimal("-1")}, "cost"),
    ],
)
def test_registering_refuses_bad_dates_and_amounts(technician, room, fields, field):
    with pytest.raises(ValidationError) as refused:
        services.asset_register(asset=new_asset(room, **fields), user=technician)
    assert field in refused.value.message_dict
    assert not Asset.objects.exists()


def test_a_serial_number_is_unique_per_model_only(technician, room, laptop):
    with pytest.raises(ValidationError):
        services.asset_register(asset=new_asset(room, serial_number=laptop.serial_number), user=technician)
    other_model = new_asset(room, model_name="Latitude 5450", serial_number=laptop.serial_number)
    assert services.asset_register(asset=other_model, user=technician).pk
    # Two assets without a serial number are no duplicate.
    services.asset_register(asset=new_asset(room), user=technician)
    services.asset_register(asset=new_asset(room), user=technician)
    assert Asset.objects.filter(serial_number="").count() == 2


def test_only_the_inventory_role_registers(holder, room):
    with pytest.raises(PermissionDenied):
        services.asset_register(asset=new_asset(room), user=holder)


def test_a_correction_keeps_the_status_the_holder_and_the_tag(technician, holder, laptop):
    services.check_out(assets=[laptop], user=technician, on=TODAY, holder=holder)
    stale = Asset.objects.get(pk=laptop.pk)
    stale.status, stale.holder, stale.tag, stale.hostname = AssetStatus.IN_STOCK, None, "X-1", "OPQ-PORT-1"
    services.asset_update(asset=stale, user=technician)
    saved = fresh(laptop)
    assert (saved.status, saved.holder, saved.tag, saved.hostname) == (
        AssetStatus.ASSIGNED,
        holder,
        "OPQ-000101",
        "OPQ-PORT-1",
    )


# --- Moves ------------------------------------------------------------------------------------


def test_repair_of_an_asset_in_stock_returns_it_to_stock(technician, laptop):
    services.asset_send_to_repair(asset=laptop, user=technician, on=TODAY, note="Écran fissuré")
    assert fresh(laptop).status == AssetStatus.IN_REPAIR
    services.asset_back_from_repair(asset=laptop, user=technician, on=TODAY)
    assert fresh(laptop).status == AssetStatus.IN_STOCK
    assert kinds(laptop) == [MovementKind.REPAIR_SENT, MovementKind.REPAIR_BACK]


def test_repair_of_an_assigned_asset_returns_it_to_its_holder(technician, holder, laptop):
    services.check_out(assets=[laptop], user=technician, on=TODAY, holder=holder)
    services.asset_send_to_repair(asset=laptop, user=technician, on=TODAY)
    assert (fresh(laptop).status, fresh(laptop).holder) == (AssetStatus.IN_REPAIR, holder)
    services.asset_back_from_repair(asset=laptop, user=technician, on=TODAY)
    assert (fresh(laptop).status, fresh(laptop).holder) == (AssetStatus.ASSIGNED, holder)
    assert Assignment.objects.get(asset=laptop).is_open


def test_a_loss_ends_the_assignment_and_finding_it_puts_it_back_in_stock(technician, holder, laptop, other_room):
    services.check_out(assets=[laptop], user=technician, on=TODAY, holder=holder)
    services.asset_report_lost(asset=laptop, user=technician, on=TODAY, note="Oublié dans le train")
    lost = fresh(laptop)
    assert (lost.status, lost.holder) == (AssetStatus.LOST, None)
    assignment = Assignment.objects.get(asset=laptop)
    assert assignment.checked_in_on == TODAY and "perdu" in assignment.note
    services.asset_found(asset=laptop, user=technician, on=TODAY, location=other_room)
    found = fresh(laptop)
    assert (found.status, found.location) == (AssetStatus.IN_STOCK, other_room)


def test_only_a_lost_asset_is_found(technician, laptop, other_room):
    with pytest.raises(ValidationError):
        services.asset_found(asset=laptop, user=technician, on=TODAY, location=other_room)
    assert fresh(laptop).location != other_room


def test_a_move_changes_the_room_and_is_journaled(technician, laptop, room, other_room):
    services.asset_relocate(asset=laptop, user=technician, location=other_room)
    assert fresh(laptop).location == other_room
    services.asset_relocate(asset=laptop, user=technician, location=other_room)  # already there: nothing more
    assert kinds(laptop) == [MovementKind.RELOCATED]


def test_an_asset_that_holds_data_needs_its_wipe_proof_to_be_disposed_of(technician, laptop):
    with pytest.raises(ValidationError) as refused:
        services.asset_dispose(asset=laptop, user=technician, on=TODAY, reason=DisposalReason.RECYCLED)
    assert "wipe_proof" in refused.value.message_dict
    assert fresh(laptop).status == AssetStatus.IN_STOCK
    services.asset_dispose(
        asset=laptop, user=technician, on=TODAY, reason=DisposalReason.RECYCLED, wipe_proof=wipe_certificate()
    )
    disposed = fresh(laptop)
    assert (disposed.status, disposed.disposed_on, disposed.disposal_reason) == (
        AssetStatus.DISPOSED,
        TODAY,
        DisposalReason.RECYCLED,
    )
    assert disposed.wipe_proof.original_name == "certificat.pdf" and disposed.wipe_proof.owner == disposed


def test_furniture_is_disposed_of_without_proof(technician, chair):
    services.asset_dispose(asset=chair, user=technician, on=TODAY, reason=DisposalReason.DONATED, note="Organisme X")
    assert fresh(chair).status == AssetStatus.DISPOSED


def test_a_held_asset_is_checked_in_before_its_disposal(technician, holder, chair):
    services.check_out(assets=[chair], user=technician, on=TODAY, holder=holder)
    with pytest.raises(ValidationError):
        services.asset_dispose(asset=chair, user=technician, on=TODAY, reason=DisposalReason.DONATED)
    assert fresh(chair).status == AssetStatus.ASSIGNED


def test_disposal_is_final(technician, chair, other_room):
    services.asset_dispose(asset=chair, user=technician, on=TODAY, reason=DisposalReason.DESTROYED)
    for move in (
        lambda: services.asset_send_to_repair(asset=chair, user=technician, on=TODAY),
        lambda: services.asset_report_lost(asset=chair, user=technician, on=TODAY),
        lambda: services.asset_relocate(asset=chair, user=technician, location=other_room),
        lambda: services.asset_update(asset=fresh(chair), user=technician),
        lambda: services.check_out(assets=[chair], user=technician, on=TODAY, location=other_room),
    ):
        with pytest.raises(ValidationError):
            move()
    assert fresh(chair).status == AssetStatus.DISPOSED


def test_a_move_dated_tomorrow_is_refused(technician, laptop):
    with pytest.raises(ValidationError) as refused:
        services.asset_send_to_repair(asset=laptop, user=technician, on=TODAY + timedelta(days=1))
    assert "on" in refused.value.message_dict
    assert fresh(laptop).status == AssetStatus.IN_STOCK


@pytest.mark.parametrize("status", list(AssetStatus))
@pytest.mark.parametrize("target", list(AssetStatus))
def test_the_transitions_table_is_the_only_way(status, target, technician):
    asset = AssetFactory(status=status, created_by=technician)
    allowed = target in services.TRANSITIONS.get(status, ())
    assert services.can_move(asset, target) is allowed
    assert status != AssetStatus.DISPOSED or not allowed  # disposed is final


def test_every_service_refuses_staff_without_the_role(holder, laptop, other_room):
    user = UserFactory()
    for call in (
        lambda: services.asset_send_to_repair(asset=laptop, user=user, on=TODAY),
        lambda: services.asset_report_lost(asset=laptop, user=user, on=TODAY),
        lambda: services.asset_relocate(asset=laptop, user=user, location=other_room),
        lambda: services.asset_dispose(asset=laptop, user=user, on=TODAY, reason=DisposalReason.SOLD),
        lambda: services.check_out(assets=[laptop], user=user, on=TODAY, holder=holder),
        lambda: services.check_in(assets=[laptop], user=user, on=TODAY),
    ):
        with pytest.raises(PermissionDenied):
            call()
    assert fresh(laptop).status == AssetStatus.IN_STOCK and not Movement.objects.exists()


# --- Maintenance ------------------------------------------------------------------------------


def maintenance(asset, **fields):
    values = {"asset": asset, "on": TODAY, "description": "Remplacement de la batterie", "supplier": "Dell"}
    values.update(fields)
    return Maintenance(**values)


def test_a_repair_under_warranty_is_a_claim(technician, laptop):
    Asset.objects.filter(pk=laptop.pk).update(warranty_ends_on=TODAY + timedelta(days=30))
    saved = services.maintenance_record(
        maintenance=maintenance(fresh(laptop), warranty_claim=True, claim_number="DELL-778", cost=Decimal("0")),
        user=technician,
    )
    assert saved.recorded_by == technician and Maintenance.objects.get().claim_number == "DELL-778"


@pytest.mark.parametrize(
    ("fields", "field"),
    [
        ({"warranty_claim": True}, "warranty_claim"),  # the warranty ended yesterday
        ({"claim_number": "X-1"}, "claim_number"),
        ({"cost": Decimal("-3")}, "cost"),
        ({"on": TODAY + timedelta(days=1)}, "on"),
    ],
)
def test_a_refused_maintenance_saves_nothing(technician, laptop, fields, field):
    Asset.objects.filter(pk=laptop.pk).update(warranty_ends_on=TODAY - timedelta(days=1))
    with pytest.raises(ValidationError) as refused:
        services.maintenance_record(maintenance=maintenance(fresh(laptop), **fields), user=technician)
    assert field in refused.value.message_dict
    assert not Maintenance.objects.exists()


def test_a_disposed_asset_has_no_more_maintenance(technician, chair):
    services.asset_dispose(asset=chair, user=technician, on=TODAY, reason=DisposalReason.DONATED)
    with pytest.raises(ValidationError):
        services.maintenance_record(maintenance=maintenance(fresh(chair)), user=technician)
