"""Hostile workbooks sent to the return's import: refused with a French message before they
are parsed whole, and nothing is saved (core/spreadsheets.py read_workbook)."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from bdsp import services
from bdsp.models import ReturnValue
from tests.bdsp.conftest import entry
from tests.hostile_files import rezip, row_xml, sheet_member, sheet_xml

pytestmark = pytest.mark.django_db
NOT_A_WORKBOOK = "Ce fichier n’est pas un classeur Excel (.xlsx) lisible."
CORRECT_THESE_CELLS = "Corrigez ces cellules"


@pytest.fixture
def client(make_client, filer):
    return make_client(filer)


@pytest.fixture
def template(client, draft_return, filer):
    services.return_save_values(annual_return=draft_return, user=filer, entries=[entry("membres-debut", "1234")])
    response = client.get(reverse("bdsp_portal:xlsx_template", args=[draft_return.pk]))
    return response.content


def upload(client, annual_return, content, name="declaration.xlsx"):
    url = reverse("bdsp_portal:xlsx_import", args=[annual_return.pk])
    return client.post(url, {"workbook": SimpleUploadedFile(name, content)})


def saved(annual_return):
    return sorted(ReturnValue.objects.filter(annual_return=annual_return).values_list("indicator__code", "number"))


def test_a_row_of_too_many_cells_is_refused_and_nothing_changes(client, draft_return, template):
    before = saved(draft_return)
    xml = sheet_xml(row_xml(1, "code", "categorie") + '<row r="2">' + "<c/>" * 120_000 + "</row>", "A1:XFD2")
    response = upload(client, draft_return, rezip(template, replace={sheet_member(2): xml}))
    assert response.status_code == 422
    assert "Ce classeur compte plus de 100\u00a0000 cellules" in response.context["problems"][0].message
    assert CORRECT_THESE_CELLS not in response.text
    assert saved(draft_return) == before


def test_a_zip_bomb_member_is_refused_and_nothing_changes(client, draft_return, template):
    before = saved(draft_return)
    content = rezip(template, add={"xl/media/image1.png": (25 * 1024 * 1024, b"\0" * 65536)})
    response = upload(client, draft_return, content)
    assert response.status_code == 422
    assert "Ce classeur est trop volumineux une fois décompressé" in response.text
    assert saved(draft_return) == before


def test_a_value_past_the_last_row_is_refused(client, draft_return, template):
    before = saved(draft_return)
    xml = sheet_xml(row_xml(1, "code") + '<row r="5001"><c r="E5001"><v>3</v></c></row>')
    response = upload(client, draft_return, rezip(template, replace={sheet_member(2): xml}))
    assert response.status_code == 422
    assert "contient des valeurs au-delà de la ligne 5\u00a0000" in response.context["problems"][0].message
    assert saved(draft_return) == before


@pytest.mark.parametrize(
    ("name", "content"),
    [("declaration.xlsx", b"%PDF-1.4\n%%EOF\n"), ("declaration.xlsx", b"membres;1000\n")],
)
def test_a_file_that_is_not_a_workbook_says_so_plainly(client, draft_return, template, name, content):
    before = saved(draft_return)
    response = upload(client, draft_return, content, name)
    assert response.status_code == 422
    assert NOT_A_WORKBOOK in response.text
    assert CORRECT_THESE_CELLS not in response.text
    assert saved(draft_return) == before
