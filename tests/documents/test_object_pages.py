"""The records pages on core's generic views: a refused form answers 422 and changes nothing;
a refused form embedded in an object's page comes back on that page, bound, with its error;
a `next` never leads off the site."""

import io
from datetime import date

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from documents import services
from documents.models import Box, PaperLoan, Record, RecordFile, StorageSpace
from opq_intranet.core.models import Site
from tests.documents.factories import RecordClassFactory, RecordFileFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def box(records_manager, legal):
    space = StorageSpace.objects.create(code="Q-1", site=Site.objects.get(code="quebec"), room="Salle 1", capacity=5)
    return services.box_create(box=Box(org_unit=legal, storage_space=space, capacity=4), user=records_manager)


def test_refused_edit_forms_answer_422_and_change_nothing(make_client, records_manager, lawyer, litigation, box):
    manager = make_client(records_manager)
    response = manager.post(
        reverse("documents:box_edit", args=[box.pk]),
        {"org_unit": box.org_unit_id, "storage_space": box.storage_space_id, "capacity": "0", "status": "active"},
    )
    assert response.status_code == 422
    assert "Assurez-vous que cette valeur est supérieure ou égale à 1." in response.text
    box.refresh_from_db()
    assert box.capacity == 4

    record_file = RecordFileFactory(record_class=litigation, title="Avant")
    response = make_client(lawyer).post(
        reverse("documents:file_edit", args=[record_file.pk]),
        {"title": "", "record_class": litigation.pk, "medium": "paper", "confidentiality": "internal"},
    )
    assert response.status_code == 422
    assert "Ce champ est obligatoire." in response.text
    record_file.refresh_from_db()
    assert record_file.title == "Avant"

    response = manager.post(reverse("documents:space_create"), {"code": "", "room": ""})
    assert response.status_code == 422
    assert StorageSpace.objects.count() == 1


def test_refused_embedded_forms_come_back_on_the_object_page(make_client, records_manager, lawyer, litigation):
    record_file = RecordFileFactory(record_class=litigation, medium="paper")
    client = make_client(records_manager)

    response = client.post(reverse("documents:file_close", args=[record_file.pk]), {"closed_on": "31 mars"})
    assert response.status_code == 422
    assert response.templates[0].name == "documents/file_detail.html"
    assert response.context["close_form"].errors["closed_on"] == ["Saisissez une date valide."]
    record_file.refresh_from_db()
    assert record_file.closed_on is None

    response = client.post(
        reverse("documents:file_override", args=[record_file.pk]), {"disposal_on": "2040-12-31", "reason": ""}
    )
    assert response.status_code == 422
    assert response.templates[0].name == "documents/file_detail.html"
    assert "Indiquez le motif du changement des dates calculées." in response.text

    loan = services.loan_create(record_file=record_file, borrower=lawyer, user=records_manager)
    response = client.post(reverse("documents:loan_extend", args=[loan.pk]), {"due_on": "2020-01-01", "reason": "x"})
    assert response.status_code == 422
    assert response.templates[0].name == "documents/loan_detail.html"
    assert response.context["extend_form"].errors["due_on"]
    assert PaperLoan.objects.get(pk=loan.pk).due_on == loan.due_on

    record = Record.objects.create(record_file=record_file, title="Note", medium="digital", created_by=lawyer)
    response = make_client(lawyer).post(reverse("documents:version_add", args=[record.pk]), {"comment": "v2"})
    assert response.status_code == 422
    assert response.templates[0].name == "documents/record_detail.html"
    assert response.context["version_form"].errors["uploaded"] == ["Ce champ est obligatoire."]
    assert not record.versions.exists()


def test_an_external_next_is_refused(make_client, records_manager, lawyer, litigation):
    record_file = RecordFileFactory(record_class=litigation, medium="paper")
    loan = services.loan_create(record_file=record_file, borrower=lawyer, user=records_manager)
    response = make_client(records_manager).post(
        reverse("documents:loan_return", args=[loan.pk]),
        {"returned_on": date.today().isoformat(), "next": "https://ailleurs.example/prets/"},
    )
    assert response.status_code == 302
    assert response["Location"] == loan.get_absolute_url()
    assert RecordFile.objects.get(pk=record_file.pk).loans.get().returned_on == date.today()


def test_embedded_actions_are_post_only(make_client, records_manager, box):
    assert make_client(records_manager).get(reverse("documents:box_add_file", args=[box.pk])).status_code == 405


def test_the_plan_shows_retired_classes_when_asked(make_client, staff_user, litigation):
    litigation.is_active = False
    litigation.save()
    client = make_client(staff_user)
    assert "7200" not in client.get(reverse("documents:plan")).text
    page = client.get(reverse("documents:plan"), {"retired": "1"}).text
    assert "7200" in page and 'name="retired" value="1" checked' in page


def test_a_refused_class_change_answers_422_and_changes_nothing(make_client, records_manager, litigation):
    response = make_client(records_manager).post(
        reverse("documents:class_edit", args=[litigation.pk]), {"code": "", "title": "Autre", "is_active": "on"}
    )
    assert response.status_code == 422
    assert "Ce champ est obligatoire." in response.text
    litigation.refresh_from_db()
    assert (litigation.code, litigation.title) == ("7200", "Litiges")


def test_the_plan_export_is_a_safe_download_and_guards_formulas(make_client, staff_user):
    RecordClassFactory(code="6600", title='=HYPERLINK("https://ailleurs.example/","Cliquez")', keywords="+1+2")
    response = make_client(staff_user).get(reverse("documents:plan_export"))
    assert response["Content-Disposition"] == 'attachment; filename="plan-de-classification.xlsx"'
    assert response["Content-Security-Policy"] == "sandbox"
    sheet = load_workbook(io.BytesIO(response.content)).active
    row = next(r for r in sheet.iter_rows(min_row=2) if r[0].value == "6600")
    assert row[1].data_type == "s"  # text, not a live formula
    assert row[1].value == '=HYPERLINK("https://ailleurs.example/","Cliquez")'


def test_labels_are_safe_downloads(make_client, records_manager, box):
    response = make_client(records_manager).get(reverse("documents:box_label", args=[box.pk]))
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Security-Policy"] == "sandbox"
    assert response["X-Content-Type-Options"] == "nosniff"
