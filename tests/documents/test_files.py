"""Files (dossiers): opened in a class, dated by its rule, closed; who sees and changes them."""

from datetime import date

import pytest
from django.urls import reverse

from documents import services
from documents.models import RecordFile
from opq_intranet.accounts.roles import Role
from opq_intranet.core.models import ConfidentialAccess, OrgUnit
from tests.documents.factories import RecordClassFactory, RecordFileFactory
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def open_data(record_class, **overrides):
    data = {
        "title": "Requête en contrôle judiciaire",
        "record_class": record_class.pk,
        "medium": "paper",
        "confidentiality": "confidential",
        "opened_on": "2024-03-12",
        "location": "Québec, salle 2.10, tablette 4",
    }
    data.update(overrides)
    return data


def test_a_lawyer_opens_a_file_for_their_unit(make_client, lawyer, litigation):
    response = make_client(lawyer).post(reverse("documents:file_create"), open_data(litigation), follow=True)
    record_file = RecordFile.objects.get()
    assert f"Le dossier {record_file.reference} est ouvert." in response.text
    assert record_file.reference.startswith("D2024-")
    assert record_file.org_unit.code == "daj" and record_file.copy_kind == "principal"
    # Counted from the closing: nothing known yet.
    assert record_file.expected_disposal_on is None
    assert record_file.schedule_pending == "en attente de la fermeture du dossier"


def test_closing_computes_the_dates(lawyer, litigation):
    record_file = RecordFileFactory(record_class=litigation, medium="paper")
    closed = services.file_close(record_file=record_file, user=lawyer, closed_on=date(2025, 9, 30))
    # 2025-12-31 + 2 = 2027-12-31 semi-active; + 5 = 2032-12-31, kept (C).
    assert (closed.expected_semi_active_on, closed.expected_disposal_on, closed.final_disposal) == (
        date(2027, 12, 31),
        date(2032, 12, 31),
        "C",
    )


def test_a_unit_that_is_not_a_holder_keeps_a_secondary_copy(make_client, litigation):
    communications = UserFactory(roles=[Role.STAFF], org_unit=OrgUnit.objects.get(code="dcom"))
    make_client(communications).post(reverse("documents:file_create"), open_data(litigation))
    record_file = RecordFile.objects.get()
    assert record_file.copy_kind == "secondary"
    closed = services.file_close(record_file=record_file, user=communications, closed_on=date(2025, 9, 30))
    assert (closed.expected_semi_active_on, closed.expected_disposal_on, closed.final_disposal) == (
        None,
        date(2026, 12, 31),
        "D",
    )


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"title": ""}, "Ce champ est obligatoire."),
        ({"opened_on": "12 mars"}, "Saisissez une date valide."),
    ],
)
def test_bad_input_changes_nothing(make_client, lawyer, litigation, overrides, message):
    response = make_client(lawyer).post(reverse("documents:file_create"), open_data(litigation, **overrides))
    assert response.status_code == 422
    assert message in response.text
    assert not RecordFile.objects.exists()


def test_a_class_without_a_rule_or_retired_takes_no_file(make_client, lawyer, litigation):
    bare = RecordClassFactory(code="9900", title="Sans règle")
    response = make_client(lawyer).post(reverse("documents:file_create"), open_data(bare))
    assert response.status_code == 422
    assert "Cette classe n’a pas encore de règle de conservation" in response.text
    litigation.is_active = False
    litigation.save()
    response = make_client(lawyer).post(reverse("documents:file_create"), open_data(litigation))
    assert response.status_code == 422  # a retired class is not even offered
    assert not RecordFile.objects.exists()


def test_a_confidential_file_is_seen_by_its_unit_and_the_records_manager_only(
    make_client, lawyer, outsider, records_manager, partner_user, staff_without_role, litigation
):
    record_file = RecordFileFactory(record_class=litigation, confidentiality="confidential")
    url = reverse("documents:file_detail", args=[record_file.pk])
    assert make_client(lawyer).get(url).status_code == 200
    assert make_client(records_manager).get(url).status_code == 200
    assert make_client(outsider).get(url).status_code == 404
    assert make_client(outsider).get(reverse("documents:file_history", args=[record_file.pk])).status_code == 404
    assert make_client(partner_user).get(url).status_code == 403
    assert make_client(staff_without_role).get(url).status_code == 403
    assert make_client().get(url).status_code == 302
    # Each view of it is logged, with who.
    assert list(ConfidentialAccess.objects.order_by("pk").values_list("user__username", flat=True)) == [
        lawyer.username,
        records_manager.username,
    ]
    listed = make_client(outsider).get(reverse("documents:file_list")).text
    assert record_file.reference not in listed


def test_an_internal_file_is_seen_by_every_staff_member_but_changed_by_its_unit(
    make_client, lawyer, outsider, litigation
):
    record_file = RecordFileFactory(record_class=litigation, confidentiality="internal")
    assert make_client(outsider).get(reverse("documents:file_detail", args=[record_file.pk])).status_code == 200
    assert not ConfidentialAccess.objects.exists()
    assert make_client(outsider).get(reverse("documents:file_edit", args=[record_file.pk])).status_code == 403
    response = make_client(outsider).post(
        reverse("documents:file_close", args=[record_file.pk]), {"closed_on": "2025-01-10"}
    )
    assert response.status_code == 403
    record_file.refresh_from_db()
    assert record_file.closed_on is None


def test_the_records_manager_overrides_the_dates_with_a_reason(make_client, records_manager, lawyer, litigation):
    record_file = RecordFileFactory(record_class=litigation)
    url = reverse("documents:file_override", args=[record_file.pk])
    response = make_client(records_manager).post(url, {"disposal_on": "2040-12-31", "reason": ""}, follow=True)
    assert "Indiquez le motif du changement des dates calculées." in response.text
    record_file.refresh_from_db()
    assert record_file.disposal_override is None
    make_client(records_manager).post(url, {"disposal_on": "2040-12-31", "reason": "Litige en appel"})
    record_file.refresh_from_db()
    assert record_file.disposal_on == date(2040, 12, 31)
    assert make_client(lawyer).post(url, {"disposal_on": "2030-12-31", "reason": "x"}).status_code == 403


def test_the_list_keeps_its_query_count(make_client, lawyer, litigation, assert_query_count):
    for _n in range(30):
        RecordFileFactory(record_class=litigation)
    client = make_client(lawyer)
    client.get(reverse("documents:file_list"))
    with assert_query_count("documents:file_list"):
        response = client.get(reverse("documents:file_list") + "?per_page=100&record_class=7000")
    assert response.text.count("D2026-") == 30
