""" "Verser au dossier": a shared file's current version becomes a record of a records file the
person may edit; the trail says so, and everyone else is refused."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext

from documents.exchange import services
from documents.exchange.choices import EventAction
from documents.exchange.models import ExchangeEvent, SharedFile
from documents.exchange.services import retention
from documents.models import Record
from opq_intranet.core.models import OrgUnit
from opq_intranet.core.notifications import open_notifications_for
from tests.documents.factories import CopyRuleFactory, RecordClassFactory, RecordFileFactory, RetentionRuleFactory
from tests.exchange.factories import stored_pdf

pytestmark = pytest.mark.django_db


def french(msgid, **values):
    """A message as the page shows it (French; the English source until the catalogue has it)."""
    with translation.override("fr"):
        return gettext(msgid) % values if values else gettext(msgid)


@pytest.fixture
def record_class():
    rule = RetentionRuleFactory(number="7300", title="Échanges avec les ordres")
    CopyRuleFactory(rule=rule, medium="digital", active_period=2, semi_active_period=5, final_disposal="D")
    return RecordClassFactory(code="7300", title="Échanges avec les ordres", retention_rule=rule)


@pytest.fixture
def legal_file(record_class):
    """A records file of the space's unit (daj)."""
    return RecordFileFactory(record_class=record_class, org_unit=OrgUnit.objects.get(code="daj"), medium="digital")


@pytest.fixture
def other_units_file(record_class):
    """An internal file of communications: visible to all staff, editable by its unit only."""
    return RecordFileFactory(record_class=record_class, org_unit=OrgUnit.objects.get(code="dcom"), medium="digital")


@pytest.fixture
def answer(space, partner):
    """The partner's answer, uploaded in the space."""
    return stored_pdf(space=space, user=partner, name="reponse-ordre.pdf", text="Réponse de l'ordre").shared_file


def url_of(shared_file):
    return reverse("exchange:file_into_records", args=[shared_file.space_id, shared_file.pk])


def test_a_unit_member_files_the_answer_into_a_records_file(make_client, unit_member, answer, legal_file):
    client = make_client(unit_member)
    page = client.get(url_of(answer))
    assert page.status_code == 200
    assert 'value="reponse-ordre.pdf"' in page.text  # the title defaults to the file's name
    response = client.post(
        url_of(answer),
        {"reference": legal_file.reference.lower(), "title": "Réponse de l'ordre", "record_date": "2026-11-20"},
    )
    assert response.status_code == 302
    assert response.url == answer.get_absolute_url()
    record = Record.objects.get(record_file=legal_file)
    answer.refresh_from_db()
    stored = answer.current_version.stored_file
    assert answer.filed_record == record
    assert (record.title, record.record_date, record.created_by) == (
        "Réponse de l'ordre",
        datetime.date(2026, 11, 20),
        unit_member,
    )
    copy = record.current_version.stored_file
    assert copy.sha256 == stored.sha256 and copy.pk != stored.pk  # a copy with the same content
    event = ExchangeEvent.objects.get(action=EventAction.FILED)
    assert (event.user, event.shared_file) == (unit_member, answer)
    assert legal_file.reference in event.detail


def test_a_file_another_unit_holds_is_refused_in_french_and_nothing_changes(
    make_client, unit_member, answer, other_units_file
):
    response = make_client(unit_member).post(
        url_of(answer), {"reference": other_units_file.reference, "title": "Réponse", "record_date": ""}
    )
    assert response.status_code == 422
    message = french(
        "You may not file into %(file)s: only its unit and records management may.", file=other_units_file.reference
    )
    assert message in response.text.replace("&#x27;", "'")
    assert not Record.objects.exists()
    assert SharedFile.objects.get(pk=answer.pk).filed_record is None
    assert not ExchangeEvent.objects.filter(action=EventAction.FILED).exists()


def test_an_unknown_number_is_refused(make_client, unit_member, answer):
    response = make_client(unit_member).post(url_of(answer), {"reference": "D1999-99999", "title": "Réponse"})
    assert response.status_code == 422
    assert french("No records file you may see has the number %(reference)s.", reference="D1999-99999") in (
        response.text
    )
    assert not Record.objects.exists()


def test_a_purged_file_has_nothing_left_to_file(make_client, unit_member, answer, legal_file):
    SharedFile.objects.filter(pk=answer.pk).update(purged_at=timezone.now())
    answer.current_version.stored_file.content_destroyed_at = timezone.now()
    answer.current_version.stored_file.save()
    response = make_client(unit_member).post(url_of(answer), {"reference": legal_file.reference, "title": "Réponse"})
    assert response.status_code == 422
    assert not Record.objects.exists()


def test_the_records_manager_files_into_any_unit_s_file(make_client, exchange_admin, answer, other_units_file):
    response = make_client(exchange_admin).post(
        url_of(answer), {"reference": other_units_file.reference, "title": "Réponse"}
    )
    assert response.status_code == 302
    assert Record.objects.filter(record_file=other_units_file).count() == 1


def test_who_reaches_the_page(
    make_client, answer, partner, other_partner, other_staff, staff_without_role, legal_file, unit_member
):
    url = url_of(answer)
    assert make_client().get(url).status_code == 302  # to the sign-in page
    assert "/connexion/" in make_client().get(url).url
    assert make_client(staff_without_role).get(url).status_code == 403
    assert make_client(other_staff).get(url).status_code == 404  # not a member of the space
    assert make_client(partner).get(url).status_code == 403  # the Office files, not the partner
    assert make_client(partner).post(url, {"reference": legal_file.reference, "title": "x"}).status_code == 403
    assert make_client(other_partner).get(url).status_code == 404
    other_space_url = reverse("exchange:file_into_records", args=[answer.space_id + 1000, answer.pk])
    assert make_client(unit_member).get(other_space_url).status_code == 404  # the file is not in that space
    assert not Record.objects.exists()


def test_filing_the_last_file_about_to_expire_clears_the_warning(unit_member, answer, legal_file):
    today = services.expiry_of(answer) - datetime.timedelta(days=retention.EXPIRY_WARNING_DAYS)
    retention.warn_expiring_files(today, lambda text: None)
    assert [n.key for n in open_notifications_for(unit_member).items] == [retention.EXPIRING_KEY]
    services.shared_file_file_into(shared_file=answer, user=unit_member, record_file=legal_file, title="Réponse")
    assert open_notifications_for(unit_member).total == 0
