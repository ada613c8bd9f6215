"""Importing candidacies: XLSX or CSV; each kind of problem reported by row in French
with nothing saved; a clean file previewed, then imported on confirmation, all or none, each
row entering as received through the service with its declared links; the pages for each kind
of user."""

import csv
import io
from datetime import timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from administrateurs.candidate_import import TEMPLATE_HEADERS
from administrateurs.choices import CandidacyStatus, Gender
from administrateurs.models import Candidate, CandidateLink
from opq_intranet.core.spreadsheets import csv_text, xlsx_bytes
from tests.administrateurs.declarations_kit import OTHERS, make_candidate, make_officer, url

pytestmark = pytest.mark.django_db
URL = url("candidate_import")
TODAY = timezone.localdate()
BASE = ["Prénom", "Nom", "Courriel", "Téléphone", "Ville", "Région", "Parle français", "Parle anglais"]
BASE += ["Autres langues", "Domaines d’expertise", "Expérience en gouvernance", "Disponibilité", "Genre (facultatif)"]
BASE += ["Diversité (facultatif)", "Reçue le", "Consentement donné le", "Notes"]


@pytest.fixture
def officer(db):
    return make_officer()


def row(**cells):
    values = {
        "Prénom": "Nadia",
        "Nom": "Tremblay",
        "Courriel": "nadia.tremblay@example.qc.ca",
        "Téléphone": "418 555-0101",
        "Ville": "Lévis",
        "Région": "12",
        "Parle français": "oui",
        "Parle anglais": "non",
        "Autres langues": "arabe",
        "Domaines d’expertise": "droit, gouvernance",
        "Expérience en gouvernance": "Conseil d’un CIUSSS, 2018-2024",
        "Disponibilité": "deux soirs par mois",
        "Genre (facultatif)": "femme",
        "Diversité (facultatif)": "oui",
        "Reçue le": "2026-10-01",
        "Consentement donné le": "2026-10-01",
        "Notes": "Recommandée par le comité",
        "Membre de l’ordre": "",
        "Dirigeant d’un organisme de défense des membres (ordre)": "",
        "Autre lien avec l’ordre": "",
    }
    values.update(cells)
    return [values[header] for header in TEMPLATE_HEADERS]


def workbook(*rows, name="candidatures.xlsx", headers=TEMPLATE_HEADERS):
    return SimpleUploadedFile(name, xlsx_bytes([("Candidatures", [headers, *rows])]))


def plain(text):
    """French typography's no-break spaces as plain ones (the older messages have plain ones)."""
    return text.replace("\u00a0", " ")


def state():
    return sorted(
        Candidate.objects.values_list("first_name", "last_name", "email", "status")
    ), CandidateLink.objects.count()


def test_the_template_names_every_column():
    assert TEMPLATE_HEADERS[: len(BASE)] == BASE


def test_a_clean_file_is_previewed_then_imported_received_with_its_links(make_client, officer):
    client = make_client(officer)
    upload = workbook(
        row(**{"Membre de l’ordre": "Ordre des ingénieurs du Québec; notaires"}),
        row(
            **{"Prénom": "Marc", "Nom": "Roy", "Courriel": "", "Région": "capitale nationale", "Genre (facultatif)": ""}
        ),
    )
    preview = client.post(URL, {"spreadsheet": upload})
    assert preview.status_code == 200, [p.message for p in preview.context["checked"].problems]
    assert "2 candidatures à importer" in plain(preview.text)
    assert not Candidate.objects.exists()
    done = client.post(URL, {"token": preview.context["token"]})
    assert done.status_code == 302 and done["Location"] == url("candidate_list")
    nadia = Candidate.objects.get(last_name="Tremblay")
    assert (nadia.status, nadia.created_by, nadia.region, nadia.city, nadia.phone) == (
        CandidacyStatus.RECEIVED,
        officer,
        "12",
        "Lévis",
        "418 555-0101",
    )
    assert (nadia.speaks_french, nadia.speaks_english, nadia.gender, nadia.diversity) == (
        True,
        False,
        Gender.WOMAN,
        True,
    )
    assert (nadia.received_on.isoformat(), nadia.consent_on.isoformat()) == ("2026-10-01", "2026-10-01")
    assert nadia.governance_experience == "Conseil d’un CIUSSS, 2018-2024" and nadia.other_languages == "arabe"
    assert sorted(nadia.links.values_list("order__code", "kind", "declared_on")) == [
        ("ingenieurs", "member", nadia.received_on),
        ("notaires", "member", nadia.received_on),
    ]
    marc = Candidate.objects.get(last_name="Roy")
    assert (marc.region, marc.email, marc.gender, marc.links.count()) == ("03", "", Gender.UNDECLARED, 0)
    # The same confirmation twice imports nothing more.
    assert client.post(URL, {"token": preview.context["token"]}).status_code == 302
    assert Candidate.objects.count() == 2


@pytest.mark.parametrize("delimiter", [",", ";"])
def test_a_csv_file_in_utf8(make_client, officer, delimiter):
    lines = io.StringIO()
    csv.writer(lines, delimiter=delimiter).writerows([TEMPLATE_HEADERS, row()])
    text = csv_text([TEMPLATE_HEADERS, row()]) if delimiter == "," else lines.getvalue()
    client = make_client(officer)
    preview = client.post(URL, {"spreadsheet": SimpleUploadedFile("c.csv", text.encode("utf-8"))})
    assert preview.status_code == 200, [p.message for p in preview.context["checked"].problems]
    client.post(URL, {"token": preview.context["token"]})
    assert Candidate.objects.get().email == "nadia.tremblay@example.qc.ca"


def test_the_link_columns_are_optional(make_client, officer):
    preview = make_client(officer).post(URL, {"spreadsheet": workbook(row()[: len(BASE)], headers=BASE)})
    assert preview.status_code == 200, [p.message for p in preview.context["checked"].problems]


FUTURE = (TODAY + timedelta(days=1)).isoformat()


@pytest.mark.parametrize(
    ("cells", "message"),
    [
        ({"Prénom": ""}, "Prénom : obligatoire."),
        ({"Nom": ""}, "Nom : obligatoire."),
        ({"Région": ""}, "Région : obligatoire (son numéro, de 01 à 17, ou son nom)."),
        ({"Région": "99"}, "Région : aucune région n’a le numéro ou le nom « 99 »"),
        ({"Région": "Atlantide"}, "aucune région n’a le numéro ou le nom « Atlantide »"),
        ({"Reçue le": "2026-02-30"}, "Reçue le : « 2026-02-30 » n’est pas une date (2026-03-31)."),
        ({"Consentement donné le": "hier"}, "Consentement donné le : « hier » n’est pas une date"),
        ({"Reçue le": ""}, "Reçue le : la date manque."),
        ({"Consentement donné le": FUTURE}, f"Consentement donné le : {FUTURE} est postérieure à aujourd’hui."),
        ({"Courriel": "pas-un-courriel"}, "Courriel : « pas-un-courriel » n’est pas une adresse"),
        ({"Courriel": "HELENE.Bouchard@example.qc.ca"}, "Le courriel HELENE.Bouchard@example.qc.ca est déjà celui"),
        ({"Membre de l’ordre": "astrologues"}, "Membre de l’ordre : aucun ordre professionnel ne s’appelle « astro"),
        ({"Autre lien avec l’ordre": "ingenieurs; guildes"}, "Autre lien avec l’ordre : aucun ordre"),
        ({"Parle anglais": "peut-être"}, "Parle anglais : « oui » ou « non »."),
        ({"Genre (facultatif)": "licorne"}, "Genre : « femme », « homme », « autre » ou"),
        ({"Ville": "x" * 101}, "Ville : au plus 100"),
    ],
)  # fmt: skip
def test_each_problem_is_reported_by_row_and_nothing_is_saved(make_client, officer, cells, message):
    make_candidate(officer)  # helene.bouchard@example.qc.ca
    before = state()
    response = make_client(officer).post(
        URL, {"spreadsheet": workbook(row(**{"Courriel": "ok@example.qc.ca"}), row(**cells))}
    )
    assert response.status_code == 422
    problems = [(p.row, p.message) for p in response.context["checked"].problems]
    assert len(problems) == 1 and problems[0][0] == 3 and plain(message) in plain(problems[0][1]), problems
    assert state() == before


def test_an_email_twice_in_the_file(make_client, officer):
    rows = [row(), row(**{"Prénom": "Nadine", "Courriel": "Nadia.Tremblay@example.qc.ca"}), row(**{"Courriel": ""})]
    response = make_client(officer).post(URL, {"spreadsheet": workbook(*rows)})
    problems = [(p.row, p.message) for p in response.context["checked"].problems]
    assert problems == [(3, "Le courriel Nadia.Tremblay@example.qc.ca est aussi à la ligne 2.")]
    assert not Candidate.objects.exists()


def test_every_row_is_reported_at_once(make_client, officer):
    rows = [row(**{"Prénom": ""}), row(**{"Courriel": "a@example.qc.ca", "Région": "0"}), row(**{"Courriel": "b@x.ca"})]
    response = make_client(officer).post(URL, {"spreadsheet": workbook(*rows)})
    assert [p.row for p in response.context["checked"].problems] == [2, 3]
    assert not Candidate.objects.exists()


def test_a_candidacy_entered_between_preview_and_confirmation_refuses_the_whole_file(make_client, officer):
    client = make_client(officer)
    preview = client.post(URL, {"spreadsheet": workbook(row(**{"Courriel": "a@example.qc.ca"}), row())})
    assert preview.status_code == 200
    make_candidate(officer, email="nadia.tremblay@example.qc.ca")
    before = state()
    confirmed = client.post(URL, {"token": preview.context["token"]})
    assert confirmed.status_code == 422 and "est déjà celui d’une candidature" in confirmed.text
    assert state() == before  # all or none: the first row is not saved either


@pytest.mark.parametrize(
    ("upload", "message"),
    [
        (SimpleUploadedFile("c.xlsx", b"not a workbook"), "classeur"),
        (SimpleUploadedFile("c.csv", "Prénom;Nom\n".encode("latin-1")), "UTF-8"),
        (SimpleUploadedFile("c.pdf", b"%PDF-1.4"), "XLSX ou CSV"),
    ],
)
def test_a_bad_file_is_refused_in_french(make_client, officer, upload, message):
    response = make_client(officer).post(URL, {"spreadsheet": upload})
    assert response.status_code == 422 and message in response.text
    assert not Candidate.objects.exists()


def test_missing_columns_are_named(make_client, officer):
    upload = SimpleUploadedFile("c.xlsx", xlsx_bytes([("C", [["Prénom", "Nom"], ["Nadia", "Tremblay"]])]))
    response = make_client(officer).post(URL, {"spreadsheet": upload})
    assert response.status_code == 422 and "Colonnes absentes de la première ligne : Courriel" in plain(response.text)


def test_an_expired_preview_asks_for_the_file_again(make_client, officer):
    response = make_client(officer).post(URL, {"token": "perime"}, follow=True)
    assert "L’aperçu a expiré" in response.text and not Candidate.objects.exists()


def test_the_pages_for_the_role(make_client, officer):
    client = make_client(officer)
    assert client.get(URL).status_code == 200
    template = client.get(url("candidate_import_template"))
    assert template.status_code == 200 and template["Content-Type"].startswith("application/vnd.openxmlformats")


def test_anonymous_is_sent_to_sign_in(client):
    for path in (URL, url("candidate_import_template")):
        response = client.get(path)
        assert response.status_code == 302 and response["Location"].startswith("/connexion/")
    assert client.post(URL, {"spreadsheet": workbook(row())}).status_code == 302
    assert not Candidate.objects.exists()


@pytest.mark.parametrize("who", OTHERS)
def test_other_staff_and_partners_get_403(make_client, request, who):
    client = make_client(request.getfixturevalue(who))
    assert client.get(URL).status_code == 403
    assert client.get(url("candidate_import_template")).status_code == 403
    assert client.post(URL, {"spreadsheet": workbook(row())}).status_code == 403
    assert not Candidate.objects.exists()
