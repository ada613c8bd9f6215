"""The mandates' demo and full-scale data: realistic, idempotent, numbered like the service's."""

import pghistory.models
import pytest
from django.utils import timezone

from courrier import selectors, services
from courrier.choices import ACTIVE_MANDATE_STATUSES, MandateStatus
from courrier.models import Mandate, MandateNote
from courrier.seed import mandates as seed_mandates
from opq_intranet.accounts.models import User
from opq_intranet.core.seed import generate as accounts

pytestmark = pytest.mark.django_db


def quiet(message):
    pass


@pytest.fixture
def demo_accounts(db):
    accounts("demo", log=quiet)


def test_the_demo_spreads_statuses_and_due_dates_around_today(demo_accounts):
    seed_mandates.generate_mandates("demo", quiet)
    today = timezone.localdate()
    mandates = list(Mandate.objects.all())
    assert len(mandates) == len(seed_mandates.DEMO) >= 20
    assert {m.status for m in mandates} == set(MandateStatus.values)
    active = [m for m in mandates if m.status in ACTIVE_MANDATE_STATUSES]
    assert any(m.due_on and m.due_on < today for m in active)  # some overdue
    assert selectors.due_by_unit(today)
    assert MandateNote.objects.count() >= 15
    assert all(m.reference.startswith("M") and m.org_unit_id == m.lead.org_unit_id for m in mandates)
    marie = User.objects.get(username="marie.tremblay")
    assert selectors.my_active_mandates(marie).count() >= 5
    seed_mandates.generate_mandates("demo", quiet)  # a second run adds nothing
    assert Mandate.objects.count() == len(mandates)


def test_the_full_scale_bulk_loads_without_history_and_keeps_the_numbering(demo_accounts, monkeypatch):
    monkeypatch.setattr(seed_mandates, "FULL_MANDATES", 1_200)
    monkeypatch.setattr(seed_mandates, "BATCH", 500)
    seed_mandates.generate_mandates("full", quiet)
    assert Mandate.objects.count() == 1_200
    events = pghistory.models.Events.objects.filter(pgh_model="courrier.MandateEvent")
    assert events.count() == len(seed_mandates.DEMO)  # only the demo's, made through the ORM
    references = list(Mandate.objects.values_list("reference", flat=True))
    assert len(set(references)) == len(references)
    assert Mandate.objects.filter(status=MandateStatus.DONE).count() > 600
    assert Mandate.helpers.through.objects.exists() and MandateNote.objects.count() > 1_000
    seed_mandates.generate_mandates("full", quiet)  # tops up to the volume, never beyond
    assert Mandate.objects.count() == 1_200
    # The service numbers after the seeded rows.
    marie = User.objects.get(username="marie.tremblay")
    lead = User.objects.get(username="bdsp.bouchard")
    new = services.mandate_create(mandate=Mandate(title="Après le chargement", lead=lead), user=marie)
    assert new.reference not in references
