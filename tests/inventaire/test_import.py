"""Importing assets: every field from an XLSX or CSV file; each kind of problem reported by row
in French with nothing saved; a clean file previewed, then imported on confirmation."""

import csv
import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from inventaire.asset_import import TEMPLATE_HEADERS
from inventaire.models import Asset
from opq_intranet.core.spreadsheets import csv_text, xlsx_bytes
from tests.inventaire.factories import AssetFactory, CategoryFactory, FurnitureFactory

pytestmark = pytest.mark.django_db
URL = reverse("inventaire:asset_import")


def row(**cells):
    values = {
        "Étiquette": "",
        "Catégorie": "Ordinateur portable",
        "Fabricant": "Lenovo",
        "Modèle": "ThinkPad T14",
        "Numéro de série": "PF-1",
        "Description": "",
        "Bureau": "quebec",
        "Étage": "10",
        "Local": "10.12",
        "Date d’achat": "2025-09-02",
        "Fournisseur": "Insight Canada",
        "Numéro de facture": "F-2025-0901",
        "Coût": "1749,99",
        "Fin de la garantie": "2028-09-02",
        "Durée de vie (mois)": "48",
        "Nom d’hôte": "OPQ-POR-0101",
        "Système d’exploitation": "Windows 11",
        "Version du système": "24H2",
        "Chiffrement du disque": "oui",
        "Sous gestion des appareils": "non",
        "Dernière vérification": "2026-11-30",
        "Notes": "Importé de l’ancien registre",
    }
    values.update(cells)
    return [values[header] for header in TEMPLATE_HEADERS]


def workbook(*rows, name="actifs.xlsx"):
    return SimpleUploadedFile(name, xlsx_bytes([("Actifs", [TEMPLATE_HEADERS, *rows])]))


@pytest.fixture
def catalogue(room):
    CategoryFactory()
    FurnitureFactory()
    return room


def test_a_clean_file_is_previewed_then_imported_with_every_field(make_client, technician, catalogue):
    client = make_client(technician)
    upload = workbook(row(**{"Étiquette": "opq-ancien-7"}), row(**{"Numéro de série": "PF-2", "Catégorie": "chaise"}))
    preview = client.post(URL, {"spreadsheet": upload})
    assert preview.status_code == 200 and "2 actifs à importer" in preview.text
    assert not Asset.objects.exists()
    token = preview.context["token"]
    done = client.post(URL, {"token": token})
    assert done.status_code == 302 and done["Location"] == reverse("inventaire:asset_list")
    kept = Asset.objects.get(tag="OPQ-ANCIEN-7")
    assert (kept.serial_number, kept.location, str(kept.cost), kept.life_months) == ("PF-1", catalogue, "1749.99", 48)
    assert (kept.hostname, kept.os_name, kept.os_version, kept.disk_encryption) == (
        "OPQ-POR-0101",
        "Windows 11",
        "24H2",
        "yes",
    )
    assert kept.verified_on.isoformat() == "2026-11-30" and kept.notes == "Importé de l’ancien registre"
    assert Asset.objects.get(serial_number="PF-2").tag == "OPQ-000001"
    # The same confirmation twice imports nothing more.
    assert client.post(URL, {"token": token}).status_code == 302 and Asset.objects.count() == 2


@pytest.mark.parametrize("delimiter", [",", ";"])
def test_a_csv_file_in_utf8(make_client, technician, catalogue, delimiter):
    # As the list's own export writes it (a BOM first), or as Excel in French (semicolons).
    lines = io.StringIO()
    csv.writer(lines, delimiter=delimiter).writerows([TEMPLATE_HEADERS, row()])
    text = csv_text([TEMPLATE_HEADERS, row()]) if delimiter == "," else lines.getvalue()
    content = text.encode("utf-8")
    client = make_client(technician)
    preview = client.post(URL, {"spreadsheet": SimpleUploadedFile("actifs.csv", content)})
    assert preview.status_code == 200, [p.message for p in preview.context["checked"].problems]
    client.post(URL, {"token": preview.context["token"]})
    assert Asset.objects.get().serial_number == "PF-1"


@pytest.mark.parametrize(
    ("cells", "message"),
    [
        ({"Étiquette": "T-00001"}, "L’étiquette T-00001 appartient déjà à un actif."),
        ({"Numéro de série": "SN-EXIST"}, "Un actif de ces marque et modèle porte déjà le numéro de série SN-EXIST."),
        ({"Catégorie": "Grille-pain"}, "Aucune catégorie ne s’appelle « Grille-pain »."),
        ({"Local": "99.99"}, "Aucun local 99.99 à l’étage 10 de « quebec »."),
        ({"Date d’achat": "2025-02-30"}, "Date d’achat : « 2025-02-30 » n’est pas une date (2026-03-31)."),
        ({"Coût": "mille"}, "Coût : « mille » n’est pas un montant (1890.00)."),
        ({"Coût": "-5"}, "Coût : « -5 » n’est pas un montant (1890.00)."),
        ({"Chiffrement du disque": "peut-être"}, "Chiffrement du disque : « oui », « non » ou « inconnu »."),
        ({"Durée de vie (mois)": "0"}, "Durée de vie prévue : un nombre de mois de 1 à 600."),
        ({"Étiquette": "pas bon!"}, "ne contient que des majuscules, des chiffres et des tirets"),
    ],
)
def test_each_problem_is_reported_by_row_and_nothing_is_saved(make_client, technician, catalogue, cells, message):
    AssetFactory(tag="T-00001", manufacturer="Lenovo", model_name="ThinkPad T14", serial_number="SN-EXIST")
    before = Asset.objects.count()
    response = make_client(technician).post(
        URL, {"spreadsheet": workbook(row(**{"Numéro de série": "OK-1"}), row(**cells))}
    )
    assert response.status_code == 422
    problems = [(p.row, p.message) for p in response.context["checked"].problems]
    assert len(problems) == 1 and problems[0][0] == 3 and message in problems[0][1], problems
    assert Asset.objects.count() == before


def test_twice_in_the_same_file(make_client, technician, catalogue):
    rows = [row(**{"Étiquette": "X-1"}), row(**{"Étiquette": "X-1", "Numéro de série": "PF-9"}), row()]
    response = make_client(technician).post(URL, {"spreadsheet": workbook(*rows)})
    messages = [(p.row, p.message) for p in response.context["checked"].problems]
    assert (3, "L’étiquette X-1 est aussi à la ligne 2.") in messages
    assert (4, "Le numéro de série PF-1 de ce modèle est aussi à la ligne 2.") in messages
    assert not Asset.objects.exists()


@pytest.mark.parametrize(
    ("upload", "message"),
    [
        (SimpleUploadedFile("actifs.xlsx", b"not a workbook"), "classeur"),
        (SimpleUploadedFile("actifs.csv", "Étiquette;Catégorie\n".encode("latin-1")), "UTF-8"),
        (SimpleUploadedFile("actifs.pdf", b"%PDF-1.4"), "XLSX ou CSV"),
    ],
)
def test_a_bad_file_is_refused_in_french(make_client, technician, catalogue, upload, message):
    response = make_client(technician).post(URL, {"spreadsheet": upload})
    assert response.status_code == 422 and message in response.text
    assert not Asset.objects.exists()


def test_missing_columns_are_named(make_client, technician, catalogue):
    upload = SimpleUploadedFile(
        "actifs.xlsx", xlsx_bytes([("Actifs", [["Étiquette", "Catégorie"], ["A-1", "Chaise"]])])
    )
    response = make_client(technician).post(URL, {"spreadsheet": upload})
    assert response.status_code == 422 and "Colonnes absentes de la première ligne : Fabricant" in response.text


def test_an_expired_preview_asks_for_the_file_again(make_client, technician):
    response = make_client(technician).post(URL, {"token": "perime"}, follow=True)
    assert "L’aperçu a expiré : envoyez le fichier de nouveau." in response.text


def test_the_template_has_every_column(make_client, technician):
    response = make_client(technician).get(reverse("inventaire:asset_import_template"))
    assert response.status_code == 200 and response["Content-Type"].startswith("application/vnd.openxmlformats")


@pytest.mark.parametrize("who", ["staff_user", "partner_user"])
def test_the_import_is_for_the_role(make_client, request, catalogue, who):
    client = make_client(request.getfixturevalue(who))
    assert client.get(URL).status_code == 403
    assert client.post(URL, {"spreadsheet": workbook(row())}).status_code == 403
    assert not Asset.objects.exists()
