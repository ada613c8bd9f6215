"""Audit history by PostgreSQL triggers: every write, bulk ones included, with who did it."""

import pghistory
import pytest
from django.db import connection
from django.urls import reverse

from opq_intranet.accounts.models import User
from opq_intranet.accounts.roles import Role
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


def test_links_added_and_removed_are_in_the_history_with_who_did_it():
    """A hold's files live in a link table its own triggers do not see (core.history.track_links)."""
    from tests.documents.factories import LegalHoldFactory, RecordFileFactory

    clerk = UserFactory(first_name="Marie", last_name="Tremblay")
    hold = LegalHoldFactory()
    first, second = RecordFileFactory(title="Contrat A"), RecordFileFactory(title="Contrat B")
    with pghistory.context(user=clerk.pk):
        hold.files.add(first, second)
        hold.files.remove(first)
    links = [e for e in history_for(hold) if e.kind in ("add", "remove")]
    # One transaction here, so one moment: compare without the order.
    assert sorted((e.kind_label, e.changes[0].label, e.changes[0].before, e.changes[0].after) for e in links) == [
        ("Ajout", "dossiers", "—", str(first)),
        ("Ajout", "dossiers", "—", str(second)),
        ("Retrait", "dossiers", str(first), "—"),
    ]
    assert all(e.user == clerk for e in links)
    assert len(history_for(hold, limit=2)) == 2


def test_every_tracked_field_has_a_french_label():
    """A field without its own label shows Django's English one in the history
    ("Validated by"): every field a history shows says what it is, translated."""
    from django.apps import apps
    from django.utils.functional import Promise

    tracked = {
        model.pgh_tracked_model
        for model in apps.get_models()
        if issubclass(model, pghistory.models.Event) and getattr(model, "pgh_tracked_model", None)
    }
    unlabelled = sorted(
        f"{model._meta.label}.{field.name}"
        for model in tracked
        if not model._meta.concrete_model._meta.auto_created  # a link table: shown under its object
        for field in model._meta.concrete_fields
        if not field.primary_key and field.name != "search_vector" and not isinstance(field.verbose_name, Promise)
    )
    assert not unlabelled, "Give these fields a verbose_name=_(...):\n" + "\n".join(unlabelled)


def test_a_mandates_helpers_linked_mail_and_files_are_in_its_history(make_client):
    from courrier import services
    from tests.courrier.factories import MailItemFactory, MandateFactory
    from tests.documents.factories import RecordFileFactory

    lead = UserFactory(roles=[Role.STAFF], first_name="Louise", last_name="Lavoie")
    helper = UserFactory(roles=[Role.STAFF], first_name="Marc", last_name="Gagné")
    mandate = MandateFactory(lead=lead, requester=lead)
    item, record_file = MailItemFactory(), RecordFileFactory()
    with pghistory.context(user=lead.pk):
        services.mandate_set_helpers(mandate=mandate, user=lead, helpers=[helper])
        mandate.mail_items.add(item)
        mandate.record_files.add(record_file)
    page = make_client(lead).get(reverse("courrier:mandate_history", args=[mandate.pk]))
    added = {(c.label, c.after) for e in page.context["history"] if e.kind == "add" for c in e.changes}
    assert added == {
        ("personnes en appui", str(helper)),
        ("éléments de courrier", str(item)),
        ("dossiers", str(record_file)),
    }
    assert "Marc Gagné" in page.text and "Ajout" in page.text
