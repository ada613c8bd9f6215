"""Audit history by PostgreSQL triggers: every write, bulk ones included, with who did it."""

import pghistory
import pytest
from django.db import connection

from opq_intranet.accounts.models import User
from opq_intranet.core.history import history_for
from opq_intranet.core.models import OrgUnit, ProfessionalOrder, Site
from tests.factories import OrgUnitFactory, UserFactory

pytestmark = pytest.mark.django_db


def test_creation_change_and_deletion_are_recorded_with_the_user():
    clerk = UserFactory()
    with pghistory.context(user=clerk.pk):
        unit = OrgUnitFactory(name="Direction A")
        unit.name = "Direction B"
        unit.save()
    entries = history_for(unit)
    assert [e.kind for e in entries] == ["update", "insert"]
    assert entries[0].user == clerk
    assert [(c.label, c.before, c.after) for c in entries[0].changes] == [("nom", "Direction A", "Direction B")]
    unit_pk = unit.pk
    unit.delete()
    deleted = OrgUnit(pk=unit_pk)
    assert history_for(deleted)[0].kind == "delete"


def test_bulk_updates_and_raw_sql_are_caught():
    order = ProfessionalOrder.objects.get(code="barreau")
    ProfessionalOrder.objects.filter(pk=order.pk).update(is_active=False)
    with connection.cursor() as cursor:
        cursor.execute("UPDATE core_professionalorder SET profession = 'Avocat(e)' WHERE id = %s", [order.pk])
    changes = [(c.label, c.before, c.after) for e in history_for(order) for c in e.changes]
    assert ("profession", "Avocat", "Avocat(e)") in changes
    assert ("actif", "Oui", "Non") in changes


def test_related_objects_and_choices_are_shown_by_name():
    unit = OrgUnitFactory(site=Site.objects.get(code="quebec"))
    unit.site = Site.objects.get(code="montreal")
    unit.save()
    order = ProfessionalOrder.objects.get(code="urbanistes")
    order.practice_kind = "exclusive"
    order.save()
    site_change = history_for(unit)[0].changes[0]
    assert (site_change.before, site_change.after) == ("Bureau de Québec", "Bureau de Montréal")
    kind_change = history_for(order)[0].changes[0]
    assert (kind_change.before, kind_change.after) == ("Titre réservé", "Exercice exclusif")


def test_signing_in_changes_no_history():
    user = UserFactory()
    before = len(history_for(user))
    User.objects.filter(pk=user.pk).update(last_login="2026-11-24T10:00:00Z")
    user.set_password("un-autre-mot-de-passe")
    user.save()
    assert len(history_for(user)) == before


def test_a_request_records_who_changed_what(make_client, it_admin):
    unit = OrgUnit.objects.get(code="dcom")
    data = {"code": unit.code, "name": "Direction des communications et des relations publiques", "is_active": "on"}
    data["site"] = unit.site_id
    data["parent"] = unit.parent_id
    response = make_client(it_admin).post(f"/admin/core/orgunit/{unit.pk}/change/", data)
    assert response.status_code == 302
    latest = history_for(unit)[0]
    assert latest.user == it_admin
    assert latest.changes[0].after == "Direction des communications et des relations publiques"


def test_history_costs_the_same_queries_whatever_its_length(django_assert_max_num_queries):
    unit = OrgUnitFactory(site=Site.objects.get(code="quebec"))
    for i in range(30):
        unit.name = f"Nom {i}"
        unit.site = Site.objects.get(code="montreal" if i % 2 else "quebec")
        unit.save()
    with django_assert_max_num_queries(3):
        entries = history_for(unit)
    assert len(entries) == 31


def test_the_admin_history_page_shows_the_trigger_history(make_client, it_admin):
    unit = OrgUnitFactory(name="Direction X")
    unit.name = "Direction Y"
    unit.save()
    response = make_client(it_admin).get(f"/admin/core/orgunit/{unit.pk}/history/")
    assert response.status_code == 200
    assert "Direction Y" in response.text


def test_history_reads_as_text_in_quebec_time():
    """Lists as text, not Python ("[] → ['53', '54']"), moments in local time, not UTC ISO."""
    from datetime import UTC, datetime

    from courrier.models import AccessRequest
    from documents.models import DispositionList
    from tests.courrier.factories import AccessRequestFactory
    from tests.documents.factories import DispositionListFactory

    access_request = AccessRequestFactory()
    AccessRequest.objects.filter(pk=access_request.pk).update(articles=["53", "54"])
    changes = [(c.before, c.after) for e in history_for(access_request) for c in e.changes]
    assert ("—", "53, 54") in changes

    disposition_list = DispositionListFactory()
    DispositionList.objects.filter(pk=disposition_list.pk).update(
        processed_at=datetime(2026, 12, 2, 5, 47, 21, 274072, tzinfo=UTC), due_on="2026-11-30"
    )
    changes = {(c.before, c.after) for e in history_for(disposition_list) for c in e.changes}
    assert ("—", "2026-12-02 00:47") in changes  # 05:47 UTC is 00:47 in Québec (EST)
    assert any(after == "2026-11-30" for _before, after in changes)
    assert not any("T05:47" in after or "+00:00" in after for _before, after in changes)
