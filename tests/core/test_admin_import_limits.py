"""The admin's reference-data import reads uploaded CSV and XLSX files through core's bounded
reader: a file past the rows, columns or cells allowed, or one that inflates too much, is
refused with a French message in the import form, and nothing changes."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from opq_intranet.core import admin_import_export
from opq_intranet.core.models import OrgUnit
from tests.hostile_files import rezip, sheet_member, sheet_xml, workbook_bytes

pytestmark = pytest.mark.django_db
CSV_FORMAT, XLSX_FORMAT = "0", "1"
HEADER = "code,name,parent,site,email,is_active\n"


@pytest.fixture
def it_client(make_client, it_admin):
    return make_client(it_admin, verified=True)


def upload(client, content, name, fmt):
    data = {"resource": "0", "format": fmt, "import_file": SimpleUploadedFile(name, content)}
    return client.post(reverse("admin:core_orgunit_import"), data)


def units():
    return sorted(OrgUnit.objects.values_list("code", "name"))


def form_errors(response):
    return response.context["form"].errors["import_file"]


def test_a_csv_past_the_rows_allowed_is_refused_and_nothing_changes(it_client, monkeypatch):
    monkeypatch.setattr(admin_import_export, "MAX_ROWS", 3)
    before = units()
    content = HEADER + "".join(f"u{n},Unité {n},,quebec,,1\n" for n in range(5))
    response = upload(it_client, content.encode(), "unites.csv", CSV_FORMAT)
    assert form_errors(response) == ["Le fichier compte plus de 3 lignes : ne gardez que les lignes à importer."]
    assert units() == before


def test_a_csv_of_too_many_columns_is_refused(it_client):
    before = units()
    content = HEADER + "dsa,Direction" + "," * 200 + "\n"
    response = upload(it_client, content.encode(), "unites.csv", CSV_FORMAT)
    assert form_errors(response) == ["Le fichier compte plus de 50 colonnes."]
    assert units() == before


def test_an_xlsx_of_too_many_cells_is_refused_and_nothing_changes(it_client, monkeypatch):
    monkeypatch.setattr(admin_import_export, "MAX_CELLS", 1000)
    before = units()
    xml = sheet_xml('<row r="1">' + "<c/>" * 2000 + "</row>", "A1:XFD1")
    content = rezip(workbook_bytes(["code", "name"]), replace={sheet_member(1): xml})
    response = upload(it_client, content, "unites.xlsx", XLSX_FORMAT)
    assert form_errors(response) == [
        "Ce classeur compte plus de 1\u00a0000 cellules : ne gardez que les lignes à importer."
    ]
    assert units() == before


def test_an_xlsx_that_inflates_too_much_is_refused(it_client):
    before = units()
    content = rezip(workbook_bytes(["code", "name"]), add={"xl/media/bombe.bin": (25 * 1024 * 1024, b" " * 65536)})
    response = upload(it_client, content, "unites.xlsx", XLSX_FORMAT)
    assert form_errors(response)[0].startswith("Ce classeur est trop volumineux une fois décompressé")
    assert units() == before


def test_a_bounded_xlsx_still_previews(it_client):
    content = workbook_bytes(
        ["code", "name", "parent", "site", "email", "is_active"], ["dsa", "Direction renommée", "pres", "quebec", "", 1]
    )
    response = upload(it_client, content, "unites.xlsx", XLSX_FORMAT)
    assert response.status_code == 200
    assert response.context["result"].totals["update"] == 1
    assert OrgUnit.objects.get(code="dsa").name == "Direction des services administratifs"
