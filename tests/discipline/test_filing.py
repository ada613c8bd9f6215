"""Filing a council's decision into records management (documents services): its PDF becomes a
record of the chosen file, titled without any party's name."""

from datetime import date

import pytest
from django.urls import reverse

from discipline import services
from discipline.choices import CaseStatus, DecisionStage
from discipline.models import Decision
from documents.models import Record
from opq_intranet.core.files import private_file_store
from opq_intranet.core.models import OrgUnit
from tests.discipline.factories import CaseFactory
from tests.documents.factories import RecordFileFactory
from tests.documents.samples import pdf_bytes, upload


@pytest.fixture
def clerk_of_the_bureau(clerk):
    clerk.org_unit = OrgUnit.objects.get(code="daj")
    clerk.save()
    return clerk


@pytest.fixture
def decision(clerk_of_the_bureau):
    case = CaseFactory(number="26-26-00042", status=CaseStatus.SANCTION_DECIDED, respondent_name="Jeanne Côté")
    decision = Decision.objects.create(
        case=case, stage=DecisionStage.SANCTION, rendered_on=date(2026, 10, 1), created_by=clerk_of_the_bureau
    )
    decision.document = private_file_store(
        uploaded=upload("decision.pdf", pdf_bytes("Décision sur sanction")), owner=decision, user=clerk_of_the_bureau
    )
    decision.save()
    return decision


@pytest.fixture
def record_file(db):
    return RecordFileFactory(reference="D2026-00777", org_unit=OrgUnit.objects.get(code="daj"))


def test_a_decision_is_filed_as_a_record_without_names(decision, record_file, clerk_of_the_bureau):
    services.decision_file(decision=decision, user=clerk_of_the_bureau, record_file=record_file)
    record = Record.objects.get(record_file=record_file)
    assert record.title == "26-26-00042 · Décision sur sanction du 2026-10-01"
    assert "Côté" not in record.title and record.keywords == "26-26-00042"
    assert record.versions.count() == 1
    assert Decision.objects.get(pk=decision.pk).filed_in == record_file


def test_filing_twice_or_without_a_pdf_is_refused(decision, record_file, clerk_of_the_bureau):
    services.decision_file(decision=decision, user=clerk_of_the_bureau, record_file=record_file)
    with pytest.raises(Exception, match="déjà classée"):
        services.decision_file(decision=decision, user=clerk_of_the_bureau, record_file=record_file)
    bare = Decision.objects.create(
        case=decision.case, stage=DecisionStage.GUILT, rendered_on=date(2026, 6, 1), created_by=clerk_of_the_bureau
    )
    with pytest.raises(Exception, match="aucun PDF"):
        services.decision_file(decision=bare, user=clerk_of_the_bureau, record_file=record_file)
    assert Record.objects.filter(record_file=record_file).count() == 1


def test_the_page_files_the_decision_and_refuses_an_unknown_file(
    make_client, decision, record_file, clerk_of_the_bureau, staff_user
):
    url = reverse("discipline:decision_file", args=[decision.pk])
    assert make_client(staff_user).get(url).status_code == 403
    client = make_client(clerk_of_the_bureau)
    assert client.get(url).status_code == 200
    refused = client.post(url, {"reference": "D1999-00001"})
    assert refused.status_code == 422
    assert "Aucun dossier que vous pouvez voir ne porte le numéro D1999-00001." in refused.text
    assert not Record.objects.exists()
    response = client.post(url, {"reference": "d2026-00777"})
    assert response.status_code == 302
    page = client.get(decision.case.get_absolute_url())
    assert "classée dans D2026-00777" in page.text
