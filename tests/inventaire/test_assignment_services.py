"""Check-out and check-in (one asset or a list, all or nothing), the holder's acknowledgement of
a hand-over (once, with its PDF) and their yearly confirmation."""

from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone
from pypdf import PdfReader

from inventaire import selectors, services
from inventaire.choices import AssetStatus, MovementKind
from inventaire.models import Assignment, HandOver, Movement
from tests.factories import UserFactory
from tests.inventaire.conftest import fresh
from tests.inventaire.factories import AssetFactory

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate()


def state():
    return (
        sorted(Assignment.objects.values_list("asset_id", "holder_id", "checked_out_on", "checked_in_on")),
        sorted(HandOver.objects.values_list("holder_id", "acknowledged_at")),
        Movement.objects.count(),
    )


def test_a_check_out_to_a_person_is_one_hand_over_for_all_the_items(technician, holder, laptop, chair):
    handover = services.check_out(assets=[laptop, chair], user=technician, on=TODAY, holder=holder, note="Arrivée")
    assert handover.holder == holder and handover.acknowledged_at is None
    assert {a.asset_id for a in handover.items.all()} == {laptop.pk, chair.pk}
    for asset in (laptop, chair):
        assert (fresh(asset).status, fresh(asset).holder) == (AssetStatus.ASSIGNED, holder)
    assert Movement.objects.filter(kind=MovementKind.CHECKED_OUT, holder=holder).count() == 2


def test_a_check_out_to_a_room_needs_no_acknowledgement(technician, laptop, other_room):
    assert services.check_out(assets=[laptop], user=technician, on=TODAY, location=other_room) is None
    saved = fresh(laptop)
    assert (saved.status, saved.holder, saved.location) == (AssetStatus.ASSIGNED, None, other_room)
    assert not HandOver.objects.exists()


def test_a_list_with_one_asset_not_in_stock_checks_nothing_out(technician, holder, other_holder, laptop, chair):
    services.check_out(assets=[chair], user=technician, on=TODAY, holder=other_holder)
    before = state()
    with pytest.raises(ValidationError) as refused:
        services.check_out(assets=[laptop, chair], user=technician, on=TODAY, holder=holder)
    assert chair.tag in refused.value.message_dict["tags"][0]
    assert state() == before and fresh(laptop).status == AssetStatus.IN_STOCK


@pytest.mark.parametrize("to", ["both", "neither"])
def test_a_check_out_goes_to_a_person_or_a_room(technician, holder, laptop, other_room, to):
    with pytest.raises(ValidationError):
        if to == "both":
            services.check_out(assets=[laptop], user=technician, on=TODAY, holder=holder, location=other_room)
        else:
            services.check_out(assets=[laptop], user=technician, on=TODAY)
    assert fresh(laptop).status == AssetStatus.IN_STOCK


def test_nobody_who_left_receives_equipment(technician, laptop):
    gone = UserFactory(is_active=False)
    with pytest.raises(ValidationError) as refused:
        services.check_out(assets=[laptop], user=technician, on=TODAY, holder=gone)
    assert "holder" in refused.value.message_dict


def test_a_check_in_ends_the_assignment_and_may_store_the_items(technician, holder, laptop, chair, other_room):
    services.check_out(assets=[laptop, chair], user=technician, on=TODAY - timedelta(days=3), holder=holder)
    services.check_in(assets=[laptop, chair], user=technician, on=TODAY, location=other_room, note="Départ")
    for asset in (laptop, chair):
        saved = fresh(asset)
        assert (saved.status, saved.holder, saved.location) == (AssetStatus.IN_STOCK, None, other_room)
    assert not Assignment.objects.filter(checked_in_on__isnull=True).exists()
    assert set(Assignment.objects.values_list("checked_in_by", flat=True)) == {technician.pk}


def test_a_check_in_of_a_list_with_one_asset_in_stock_checks_nothing_in(technician, holder, laptop, chair):
    services.check_out(assets=[laptop], user=technician, on=TODAY, holder=holder)
    before = state()
    with pytest.raises(ValidationError) as refused:
        services.check_in(assets=[laptop, chair], user=technician, on=TODAY)
    assert chair.tag in refused.value.message_dict["tags"][0]
    assert state() == before


def test_a_check_in_before_the_check_out_is_refused(technician, holder, laptop):
    services.check_out(assets=[laptop], user=technician, on=TODAY, holder=holder)
    with pytest.raises(ValidationError):
        services.check_in(assets=[laptop], user=technician, on=TODAY - timedelta(days=1))
    assert fresh(laptop).holder == holder


def test_the_holder_acknowledges_once_and_the_pdf_lists_every_item(technician, holder, laptop, chair):
    handover = services.check_out(assets=[laptop, chair], user=technician, on=TODAY, holder=holder)
    services.handover_acknowledge(handover=handover, user=holder)
    handover.refresh_from_db()
    assert handover.acknowledged_at is not None
    document = handover.acknowledgement
    assert document.mime_type == "application/pdf" and document.owner == handover
    with document.content.open("rb") as handle:
        text = " ".join(page.extract_text() for page in PdfReader(handle).pages)
    assert laptop.tag in text and chair.tag in text and "Tremblay" in text
    with pytest.raises(ValidationError):
        services.handover_acknowledge(handover=handover, user=holder)


def test_nobody_acknowledges_for_someone_else(technician, holder, other_holder, laptop):
    handover = services.check_out(assets=[laptop], user=technician, on=TODAY, holder=holder)
    for someone in (other_holder, technician):
        with pytest.raises(PermissionDenied):
            services.handover_acknowledge(handover=handover, user=someone)
    handover.refresh_from_db()
    assert handover.acknowledged_at is None and handover.acknowledgement is None


def test_the_yearly_confirmation_is_due_a_year_after_the_last(technician, holder, laptop, chair):
    services.check_out(assets=[laptop], user=technician, on=TODAY - timedelta(days=365), holder=holder)
    services.check_out(assets=[chair], user=technician, on=TODAY - timedelta(days=364), holder=holder)
    page = selectors.my_equipment(holder)
    assert [a.asset for a in page["due"]] == [laptop]
    due = page["due"][0]
    assert services.holdings_confirm(user=holder, assignment_ids=[due.pk]) == 1
    assert Assignment.objects.get(pk=due.pk).confirmed_on == TODAY
    assert selectors.my_equipment(holder)["due"] == []
    assert selectors.my_equipment(holder, today=TODAY + timedelta(days=365))["due"] != []


def test_one_confirms_only_what_one_holds(technician, holder, other_holder, laptop, chair):
    services.check_out(assets=[laptop], user=technician, on=TODAY, holder=holder)
    services.check_out(assets=[chair], user=technician, on=TODAY, holder=other_holder)
    theirs = Assignment.objects.get(asset=chair)
    mine = Assignment.objects.get(asset=laptop)
    with pytest.raises(ValidationError):
        services.holdings_confirm(user=holder, assignment_ids=[mine.pk, theirs.pk])
    assert not Assignment.objects.filter(confirmed_on__isnull=False).exists()


def test_tags_are_read_as_a_scanner_types_them():
    assert selectors.parse_tags(" opq-000101\nOPQ-000102 , OPQ-000101;\r\n") == ["OPQ-000101", "OPQ-000102"]


def test_tags_that_name_no_asset_are_reported(laptop):
    found, unknown = selectors.assets_by_tags(["OPQ-999999", laptop.tag])
    assert found == [laptop] and unknown == ["OPQ-999999"]


def test_a_person_history_lists_what_they_held(technician, holder, laptop):
    services.check_out(assets=[laptop], user=technician, on=TODAY - timedelta(days=10), holder=holder)
    services.check_in(assets=[laptop], user=technician, on=TODAY)
    AssetFactory()
    assert [a.asset for a in selectors.person_assignments(holder)] == [laptop]


@pytest.mark.parametrize("status", [AssetStatus.IN_REPAIR, AssetStatus.LOST, AssetStatus.DISPOSED])
def test_only_an_asset_in_stock_is_checked_out(technician, holder, status):
    asset = AssetFactory(status=status, created_by=technician)
    before = state()
    with pytest.raises(ValidationError) as refused:
        services.check_out(assets=[asset], user=technician, on=TODAY, holder=holder)
    assert asset.tag in refused.value.message_dict["tags"][0]
    assert state() == before and fresh(asset).status == status
