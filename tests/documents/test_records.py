"""Records in a file: digital with versions and indexed text, or paper with a location."""

import pytest
from django.contrib.postgres.search import SearchQuery
from django.core.management import call_command
from django.urls import reverse

from documents import services
from documents.models import Record, RecordVersion
from opq_intranet.core.models import ConfidentialAccess, PrivateFile
from tests.documents.factories import RecordFileFactory
from tests.documents.samples import docx_bytes, pdf_bytes, upload

pytestmark = pytest.mark.django_db


def found(word):
    return Record.objects.filter(search_vector=SearchQuery(word, config="opq_french")).exists()


@pytest.fixture
def case_file(litigation):
    return RecordFileFactory(record_class=litigation, confidentiality="confidential", title="Plainte contre X")


def add_url(record_file):
    return reverse("documents:record_create", args=[record_file.pk])


def test_a_digital_record_is_filed_with_its_first_version_and_its_text(make_client, lawyer, case_file):
    response = make_client(lawyer).post(
        add_url(case_file),
        {
            "title": "Décision du conseil",
            "medium": "digital",
            "record_date": "2025-05-02",
            "uploaded": upload("decision.pdf", pdf_bytes("Le conseil impose une radiation temporaire.")),
        },
        follow=True,
    )
    assert f"Le document est classé dans {case_file.reference}." in response.text
    record = Record.objects.get()
    version = record.current_version
    assert (version.number, version.stored_file.original_name) == (1, "decision.pdf")
    assert len(version.stored_file.sha256) == 64
    assert "radiation temporaire" in version.text
    assert found("radiation")  # indexed, in French


def test_a_new_version_becomes_current_and_the_old_one_stays(lawyer, case_file):
    record = Record(record_file=case_file, title="Avis juridique", medium="digital")
    services.record_add(record=record, user=lawyer, uploaded=upload("avis.docx", docx_bytes("Premier jet")))
    final = upload("avis.docx", docx_bytes("Texte final signé"))
    services.record_version_add(record=record, user=lawyer, uploaded=final)
    record.refresh_from_db()
    assert [v.number for v in record.versions.all()] == [2, 1]
    assert record.current_version.number == 2
    assert found("signe")
    assert not found("jet")  # the search follows the current version


def test_a_paper_record_has_a_location_and_no_file(make_client, lawyer, case_file):
    response = make_client(lawyer).post(
        add_url(case_file),
        {"title": "Original signé de la requête", "medium": "paper", "location": "Boîte 2024-017"},
        follow=True,
    )
    assert response.status_code == 200
    record = Record.objects.get()
    assert record.current_version is None and record.location == "Boîte 2024-017"
    assert found("requete")


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"title": "Sans fichier", "medium": "digital"}, "Un document numérique est versé avec son fichier."),
        (
            {"title": "Papier", "medium": "paper", "uploaded": upload("a.pdf", pdf_bytes("x"))},
            "Un document papier n’a pas de fichier",
        ),
        (
            {"title": "Exécutable", "medium": "digital", "uploaded": upload("a.pdf", b"MZ\x90\x00binary")},
            "n&#x27;est pas accepté ici",
        ),
    ],
)
def test_bad_input_is_refused_and_nothing_is_stored(make_client, lawyer, case_file, data, message):
    response = make_client(lawyer).post(add_url(case_file), data)
    assert response.status_code == 422
    assert message in response.text
    assert not Record.objects.exists() and not RecordVersion.objects.exists()
    assert not PrivateFile.objects.exists()


def test_a_confidential_record_is_read_by_the_unit_only_and_every_read_is_logged(
    make_client, lawyer, outsider, records_manager, case_file
):
    record = Record(record_file=case_file, title="Rapport d'enquête", medium="digital")
    services.record_add(record=record, user=lawyer, uploaded=upload("rapport.pdf", pdf_bytes("Constats")))
    detail = reverse("documents:record_detail", args=[record.pk])
    download = reverse("documents:version_download", args=[record.pk, 1])
    assert make_client(outsider).get(detail).status_code == 404
    assert make_client(outsider).get(download).status_code == 404
    assert make_client(lawyer).get(detail).status_code == 200
    assert make_client(records_manager).get(download).status_code == 200
    # The generic download of private files never serves a record (it could not log the read).
    generic = reverse("core:private_file", args=[record.current_version.stored_file.uuid])
    assert make_client(lawyer).get(generic).status_code == 404
    logged = list(ConfidentialAccess.objects.order_by("pk").values_list("user__username", "action"))
    assert logged == [(lawyer.username, "view"), (records_manager.username, "download")]


def test_only_the_unit_files_records(make_client, outsider, records_manager, litigation):
    internal = RecordFileFactory(record_class=litigation, confidentiality="internal")
    data = {"title": "Note", "medium": "paper"}
    assert make_client(outsider).get(add_url(internal)).status_code == 403
    assert make_client(outsider).post(add_url(internal), data).status_code == 403
    assert make_client(records_manager).post(add_url(internal), data).status_code == 302
    assert Record.objects.count() == 1


def test_a_versions_integrity_shows_on_the_record(make_client, lawyer, litigation):
    record = Record(record_file=RecordFileFactory(record_class=litigation), title="Note", medium="digital")
    services.record_add(record=record, user=lawyer, uploaded=upload("note.pdf", pdf_bytes("Texte")))
    url = reverse("documents:record_detail", args=[record.pk])
    assert "pas encore vérifié" in make_client(lawyer).get(url).content.decode()
    stored = record.current_version.stored_file
    with stored.content.open("ab") as handle:
        handle.write(b"altered")
    call_command("run_scheduled", "--only", "core.fixity")
    assert "altéré" in make_client(lawyer).get(url).content.decode()
