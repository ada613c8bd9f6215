"""Hostile workbooks sent to the plan's import: refused with a French message before they are
parsed whole, and nothing changes (core/spreadsheets.py read_workbook)."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from documents.models import RecordClass
from documents.plan_spreadsheet import HEADERS
from tests.documents.factories import RecordClassFactory
from tests.hostile_files import rezip, row_xml, sheet_member, sheet_xml, workbook_bytes

pytestmark = pytest.mark.django_db
NOT_A_WORKBOOK = "Ce fichier n’est pas un classeur Excel (.xlsx) lisible."
CORRECT_THESE_ROWS = "Corrigez ces lignes"


@pytest.fixture
def client(make_client, records_manager):
    RecordClassFactory(code="1000", title="Administration")
    return make_client(records_manager)


def upload(client, content, name="plan.xlsx"):
    return client.post(reverse("documents:plan_import"), {"workbook": SimpleUploadedFile(name, content)})


def plan():
    return sorted(RecordClass.objects.values_list("code", "title"))


def a_plan(*rows):
    return workbook_bytes(HEADERS, *rows, title="Plan")


def test_a_row_of_too_many_cells_is_refused_and_nothing_changes(client):
    before = plan()
    xml = sheet_xml(row_xml(1, *HEADERS) + row_xml(2, "1900", "Nouvelle") + '<row r="3">' + "<c/>" * 120_000 + "</row>")
    response = upload(client, rezip(a_plan(), replace={sheet_member(1): xml}))
    assert response.status_code == 422
    assert "Ce classeur compte plus de 100\u00a0000 cellules" in response.context["problems"][0].message
    assert CORRECT_THESE_ROWS not in response.text
    assert plan() == before


def test_a_zip_bomb_member_is_refused_and_nothing_changes(client):
    before = plan()
    content = rezip(a_plan(("1900", "Nouvelle")), add={"xl/sharedStrings2.xml": (25 * 1024 * 1024, b" " * 65536)})
    response = upload(client, content)
    assert response.status_code == 422
    assert "Ce classeur est trop volumineux une fois décompressé" in response.text
    assert plan() == before


def test_a_value_past_the_last_row_is_refused(client):
    before = plan()
    xml = sheet_xml(
        row_xml(1, *HEADERS) + row_xml(2, "1900", "Nouvelle") + '<row r="6000"><c r="A6000"><v>1</v></c></row>'
    )
    response = upload(client, rezip(a_plan(), replace={sheet_member(1): xml}))
    assert response.status_code == 422
    assert "contient des valeurs au-delà de la ligne 5\u00a0001" in response.context["problems"][0].message
    assert plan() == before


def test_a_huge_declared_dimension_reads_only_what_is_there(client):
    xml = sheet_xml(row_xml(1, *HEADERS) + row_xml(2, "1900", "Nouvelle"), dimension="A1:XFD1048576")
    response = upload(client, rezip(a_plan(), replace={sheet_member(1): xml}))
    assert response.status_code == 302
    assert ("1900", "Nouvelle") in plan()


@pytest.mark.parametrize("content", [b"%PDF-1.4\n%%EOF\n", b"Code,Titre\n1900,Nouvelle\n"])
def test_a_file_that_is_not_a_workbook_says_so_plainly(client, content):
    before = plan()
    response = upload(client, content)
    assert response.status_code == 422
    assert NOT_A_WORKBOOK in response.text
    assert CORRECT_THESE_ROWS not in response.text
    assert plan() == before
