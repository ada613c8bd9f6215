"""The plan exported and imported as a workbook: every row checked, nothing saved unless clean."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import Workbook, load_workbook

from documents.models import RecordClass
from documents.plan_spreadsheet import HEADERS
from tests.documents.factories import RecordClassFactory, RetentionRuleFactory

pytestmark = pytest.mark.django_db
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def workbook(*rows):
    book = Workbook()
    sheet = book.active
    sheet.append(HEADERS)
    for row in rows:
        sheet.append(list(row))
    buffer = io.BytesIO()
    book.save(buffer)
    return SimpleUploadedFile("plan.xlsx", buffer.getvalue(), content_type=XLSX)


@pytest.fixture
def plan(db):
    rule = RetentionRuleFactory(number="A-100")
    root = RecordClassFactory(code="1000", title="Administration", retention_rule=rule)
    RecordClassFactory(code="1100", title="Personnel", parent=root)
    return rule


def import_url():
    return reverse("documents:plan_import")


def test_the_export_lists_the_plan_in_tree_order(make_client, staff_user, plan):
    response = make_client(staff_user).get(reverse("documents:plan_export"))
    sheet = load_workbook(io.BytesIO(response.content)).active
    rows = [tuple(row) for row in sheet.iter_rows(values_only=True)]
    assert rows[0] == tuple(HEADERS)
    assert rows[1][:4] == ("1000", "Administration", None, "A-100")
    assert rows[2][:4] == ("1100", "Personnel", "1000", None)
    assert rows[2][6] == "oui"


def test_an_import_adds_and_updates_by_code(make_client, records_manager, plan):
    upload = workbook(
        ("1100", "Ressources humaines", "1000", "", "", "embauche", "oui"),
        ("1110", "Dotation", "1100", "A-100", "Concours et embauche", "", "oui"),
        ("1120", "Formation", "1110", "", "", "", "non"),
    )
    response = make_client(records_manager).post(import_url(), {"workbook": upload}, follow=True)
    assert "Le plan a été importé : 2 classes ajoutées, 1 mises à jour." in response.text
    assert RecordClass.objects.get(code="1100").title == "Ressources humaines"
    added = RecordClass.objects.get(code="1120")
    assert (added.path, added.is_active) == ("1000/1100/1110/1120", False)


def test_a_moved_parent_carries_its_unlisted_children(records_manager, make_client, plan):
    RecordClassFactory(code="2000", title="Finances")
    child = RecordClassFactory(code="1110", parent=RecordClass.objects.get(code="1100"))
    RecordClassFactory(code="1111", parent=child)
    upload = workbook(
        ("1100", "Personnel", "2000", "", "", "", "oui"), ("1111", "Sous-classe", "1110", "", "", "", "oui")
    )
    make_client(records_manager).post(import_url(), {"workbook": upload})
    assert RecordClass.objects.get(code="1111").path == "2000/1100/1110/1111"


def test_every_problem_by_row_in_french_and_nothing_saved(make_client, records_manager, plan):
    upload = workbook(
        ("1200", "Finances", "9999", "", "", "", "oui"),  # unknown parent
        ("1300", "", "1000", "", "", "", "oui"),  # no title
        ("1400", "Contrats", "1000", "Z-999", "", "", "oui"),  # unknown rule
        ("1500", "Biens", "1000", "", "", "", "peut-être"),  # bad Active
        ("1600", "Locaux", "1000", "", "", "", "oui"),
        ("1600", "Locaux bis", "1000", "", "", "", "oui"),  # duplicate
        ("1000", "Administration", "1100", "", "", "", "oui"),  # under its own subclass
    )
    response = make_client(records_manager).post(import_url(), {"workbook": upload})
    assert response.status_code == 422
    text = response.text
    for message in (
        "Aucune classe ne porte le code 9999 (classe parente).",
        "Une classe a un code et un titre.",
        "Aucune règle de conservation ne porte le numéro Z-999.",
        "La colonne Active contient « oui » ou « non ».",
        "Le code 1600 apparaît deux fois.",
        "La classe 1000 serait placée sous elle-même.",
    ):
        assert message in text, message
    assert not RecordClass.objects.filter(code__in=["1200", "1400", "1600"]).exists()
    assert RecordClass.objects.get(code="1000").parent is None


def test_a_file_that_is_not_a_workbook(make_client, records_manager, plan):
    upload = SimpleUploadedFile("plan.xlsx", b"Code,Titre\n1000,Admin\n", content_type=XLSX)
    response = make_client(records_manager).post(import_url(), {"workbook": upload})
    assert response.status_code == 422
    assert "Ce fichier n’est pas un classeur Excel (.xlsx) lisible." in response.text


def test_only_the_records_manager_imports(make_client, staff_user, partner_user, plan):
    upload = workbook(("1900", "Nouvelle", "", "", "", "", "oui"))
    assert make_client(staff_user).post(import_url(), {"workbook": upload}).status_code == 403
    assert make_client(partner_user).get(import_url()).status_code == 403
    assert not RecordClass.objects.filter(code="1900").exists()
