"""Processing a disposition list: an explicit confirmation that names what goes, lent and held
files left off with their reason, processed files out of their boxes, nothing added to a
destroyed file, and a certificate that says all of it and has its signature lines."""

import io
from datetime import date, timedelta

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone
from pypdf import PdfReader

from documents import selectors, services
from documents.models import Box, DispositionList, Record, RecordFile, RecordVersion, StorageSpace
from opq_intranet.core.models import Site
from tests.documents.factories import CopyRuleFactory, RecordClassFactory, RecordFileFactory, RetentionRuleFactory
from tests.documents.samples import pdf_bytes, upload
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db
REFUSED = "Ce dossier a fait l’objet d’une disposition : il ne reçoit plus"


@pytest.fixture
def contracts(legal):
    """Paper and digital: 1 year active + 2 semi-active from closing, then destroyed."""
    rule = RetentionRuleFactory(number="3706", title="Contrats")
    rule.holding_units.add(legal)
    for medium in ("paper", "digital"):
        CopyRuleFactory(rule=rule, medium=medium, active_period=1, semi_active_period=2, final_disposal="D")
    return RecordClassFactory(code="3706", title="Contrats", retention_rule=rule)


@pytest.fixture
def box(records_manager, legal):
    quebec = Site.objects.get(code="quebec")
    space = StorageSpace.objects.create(code="Q-10.12-A", site=quebec, room="10.12", capacity=5)
    return services.box_create(box=Box(org_unit=legal, storage_space=space, capacity=5), user=records_manager)


def due_file(user, record_class, title, medium="digital"):
    record_file = RecordFileFactory(record_class=record_class, title=title, opened_on=date(2013, 2, 1), medium=medium)
    return services.file_close(record_file=record_file, user=user, closed_on=date(2014, 1, 31))


def digital_record(user, record_file, title, text="Clause de confidentialité du fournisseur"):
    record = Record(record_file=record_file, title=title, medium="digital")
    return services.record_add(record=record, user=user, uploaded=upload("contrat.pdf", pdf_bytes(text)))


@pytest.fixture
def files(lawyer, records_manager, contracts, box):
    """A hybrid file in a box with two records, a digital one, one lent, one held."""
    hybrid = due_file(lawyer, contracts, "Contrat d'entretien du système téléphonique", medium="hybrid")
    digital_record(lawyer, hybrid, "Avenant no 1 au contrat")
    services.record_add(
        record=Record(record_file=hybrid, title="Contrat signé", medium="paper", location="Boîte"), user=lawyer
    )
    services.file_put_in_box(record_file=hybrid, box=box, user=records_manager)
    digital = due_file(lawyer, contracts, "Contrat de services d'impression")
    digital_record(lawyer, digital, "Appel d'offres sur invitation")
    lent = due_file(lawyer, contracts, "Contrat de déménagement", medium="paper")
    borrower = UserFactory(first_name="Marie", last_name="Tremblay")
    loan = services.loan_create(
        record_file=lent, borrower=borrower, user=records_manager, lent_on=timezone.localdate() - timedelta(days=45)
    )
    held = due_file(lawyer, contracts, "Contrat de photocopieurs")
    services.hold_place(
        title="Recours du fournisseur", reason="Poursuite", file_references=held.reference, class_codes="",
        user=records_manager,
    )  # fmt: skip
    return {"hybrid": hybrid, "digital": digital, "lent": lent, "loan": loan, "held": held}


def approved_list(lawyer, records_manager, legal):
    disposition_list = services.disposition_list_generate(
        kind="destruction", org_unit=legal, due_on=date(2024, 1, 1), user=records_manager
    )
    services.disposition_list_validate(disposition_list=disposition_list, user=lawyer)
    return services.disposition_list_approve(disposition_list=disposition_list, user=records_manager)


def certificate_text(client, disposition_list):
    disposition_list.refresh_from_db()
    response = client.get(reverse("core:private_file", args=[disposition_list.certificate.uuid]))
    reader = PdfReader(io.BytesIO(b"".join(response.streaming_content)))
    return " ".join(" ".join(page.extract_text() for page in reader.pages).split())


# --- Left off: lent and held files -----------------------------------------------------------------


def test_lent_and_held_files_are_left_off_with_their_reason(make_client, files, lawyer, records_manager, legal):
    # The preview, which reads the same query as the generation, says so first.
    preview = make_client(records_manager).get(
        reverse("documents:disposition_preview"), {"kind": "destruction", "org_unit": legal.pk, "due_on": "2024-01-01"}
    )
    assert {f.pk for f in preview.context["files"]} == {files["hybrid"].pk, files["digital"].pk}
    assert "Marie Tremblay" in preview.text and "Recours du fournisseur" in preview.text
    disposition_list = services.disposition_list_generate(
        kind="destruction", org_unit=legal, due_on=date(2024, 1, 1), user=records_manager
    )
    assert set(disposition_list.files.all()) == {files["hybrid"], files["digital"]}
    left_off = {entry.record_file: entry for entry in disposition_list.left_off.all()}
    assert set(left_off) == {files["lent"], files["held"]}
    assert left_off[files["lent"]].loan == files["loan"]
    assert left_off[files["held"]].hold.title == "Recours du fournisseur"
    page = make_client(lawyer).get(disposition_list.get_absolute_url()).text
    assert "Dossiers laissés de côté" in page
    due = files["loan"].due_on.isoformat()
    assert f"prêté à Marie Tremblay jusqu’au {due}" in page and "Recours du fournisseur" in page


def test_a_file_lent_after_approval_stops_the_processing(make_client, files, lawyer, records_manager, legal):
    disposition_list = approved_list(lawyer, records_manager, legal)
    services.loan_create(record_file=files["hybrid"], borrower=lawyer, user=records_manager)
    with pytest.raises(ValidationError, match="prêtés") as refused:
        services.disposition_list_process(
            disposition_list=disposition_list, user=records_manager, paper_destruction="contractor"
        )
    assert files["hybrid"].reference in str(refused.value)
    assert RecordFile.objects.get(pk=files["hybrid"].pk).stage != "disposed"
    response = make_client(records_manager).post(
        reverse("documents:disposition_process", args=[disposition_list.pk]),
        {"confirm": "on", "paper_destruction": "contractor"},
    )
    assert response.status_code == 422
    assert "Ces dossiers sont prêtés" in response.text
    assert DispositionList.objects.get(pk=disposition_list.pk).status == "approved"


# --- The confirmation ---------------------------------------------------------------------------------


def test_the_confirmation_names_the_files_and_records_that_go(make_client, files, lawyer, records_manager, legal, box):
    disposition_list = approved_list(lawyer, records_manager, legal)
    page = make_client(records_manager).get(reverse("documents:disposition_process", args=[disposition_list.pk]))
    assert page.status_code == 200
    text = page.text
    for record_file in (files["hybrid"], files["digital"]):
        assert record_file.reference in text
    assert "Contrat d&#x27;entretien du système téléphonique" in text
    for title in ("Avenant no 1 au contrat", "Contrat signé", "Appel d&#x27;offres sur invitation"):
        assert title in text
    assert files["lent"].reference not in text and files["held"].reference not in text
    assert box.number in text  # the paper part: which box
    assert "J’ai vérifié les dossiers et les documents nommés ci-dessus : les détruire définitivement." in text
    assert "Mode de destruction du papier" in text


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({}, "Cochez la case pour confirmer : rien n’est traité sans elle."),
        ({"paper_destruction": "contractor"}, "Cochez la case pour confirmer : rien n’est traité sans elle."),
        ({"confirm": "on"}, "Indiquez comment le papier de ces dossiers est détruit."),
        ({"confirm": "on", "paper_destruction": "burnt"}, "Sélectionnez un choix valide."),
    ],
)
def test_a_post_without_confirmation_changes_nothing(make_client, files, lawyer, records_manager, legal, data, message):
    disposition_list = approved_list(lawyer, records_manager, legal)
    response = make_client(records_manager).post(
        reverse("documents:disposition_process", args=[disposition_list.pk]), data
    )
    assert response.status_code == 422
    assert message in response.text
    disposition_list.refresh_from_db()
    assert (disposition_list.status, disposition_list.certificate_id) == ("approved", None)
    assert not RecordFile.objects.filter(stage="disposed").exists()
    for version in RecordVersion.objects.select_related("stored_file"):
        assert version.text and version.stored_file.content_destroyed_at is None
    assert RecordFile.objects.get(pk=files["hybrid"].pk).box_id is not None


def test_the_service_asks_how_the_paper_is_destroyed(files, lawyer, records_manager, legal):
    disposition_list = approved_list(lawyer, records_manager, legal)
    with pytest.raises(ValidationError, match="Indiquez comment le papier"):
        services.disposition_list_process(disposition_list=disposition_list, user=records_manager)
    assert DispositionList.objects.get(pk=disposition_list.pk).status == "approved"


# --- After the processing -----------------------------------------------------------------------------


def process(client, disposition_list):
    response = client.post(
        reverse("documents:disposition_process", args=[disposition_list.pk]),
        {"confirm": "on", "paper_destruction": "contractor", "paper_destruction_note": "Shred-it, certificat 4471"},
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    disposition_list.refresh_from_db()
    assert disposition_list.status == "processed"
    return disposition_list


def test_a_processed_file_leaves_its_box_and_the_box_count_follows(
    make_client, files, lawyer, records_manager, legal, box
):
    assert selectors.boxes().get(pk=box.pk).file_count == 1
    disposition_list = process(make_client(records_manager), approved_list(lawyer, records_manager, legal))
    hybrid = RecordFile.objects.get(pk=files["hybrid"].pk)
    assert (hybrid.stage, hybrid.box_id) == ("disposed", None)
    assert selectors.boxes().get(pk=box.pk).file_count == 0
    page = make_client(records_manager).get(box.get_absolute_url()).text
    assert hybrid.reference not in page
    assert disposition_list.paper_destruction == "contractor"
    file_page = make_client(records_manager).get(hybrid.get_absolute_url()).text
    assert "il a quitté sa boîte lors de sa disposition" in file_page  # its history names the box
    list_page = make_client(records_manager).get(disposition_list.get_absolute_url()).text
    assert "Papier détruit par" in list_page and "Shred-it, certificat 4471" in list_page
    # Empty, the box can now be marked destroyed.
    box.status = "destroyed"
    services.box_save(box=box, user=records_manager)


def test_a_transfer_to_banq_takes_the_file_out_of_its_box_too(lawyer, records_manager, legal, box):
    rule = RetentionRuleFactory(number="0100", title="Procès-verbaux")
    rule.holding_units.add(legal)
    CopyRuleFactory(rule=rule, medium="paper", active_period=1, semi_active_period=2, final_disposal="C")
    minutes = due_file(lawyer, RecordClassFactory(code="0100", retention_rule=rule), "Procès-verbaux", "paper")
    services.file_put_in_box(record_file=minutes, box=box, user=records_manager)
    transfer = services.disposition_list_generate(
        kind="banq_transfer", org_unit=legal, due_on=date(2024, 1, 1), user=records_manager
    )
    services.disposition_list_validate(disposition_list=transfer, user=lawyer)
    services.disposition_list_approve(disposition_list=transfer, user=records_manager)
    services.disposition_list_process(disposition_list=transfer, user=records_manager)
    minutes.refresh_from_db()
    assert (minutes.disposal_outcome, minutes.box_id) == ("transferred", None)


def test_a_destroyed_file_and_its_records_take_no_new_content(make_client, files, lawyer, records_manager, legal):
    process(make_client(records_manager), approved_list(lawyer, records_manager, legal))
    record_file = RecordFile.objects.get(pk=files["digital"].pk)
    record = record_file.records.get()
    for person in (lawyer, records_manager):
        client = make_client(person)
        file_page = client.get(record_file.get_absolute_url()).text
        assert reverse("documents:record_create", args=[record_file.pk]) not in file_page
        assert reverse("documents:file_edit", args=[record_file.pk]) not in file_page
        record_page = client.get(record.get_absolute_url()).text
        assert reverse("documents:version_add", args=[record.pk]) not in record_page
        assert "Nouvelle version" not in record_page
        response = client.get(reverse("documents:record_create", args=[record_file.pk]), follow=True)
        assert response.redirect_chain and REFUSED in response.text
        response = client.get(reverse("documents:file_edit", args=[record_file.pk]), follow=True)
        assert response.redirect_chain and REFUSED in response.text
        response = client.post(
            reverse("documents:version_add", args=[record.pk]),
            {"version-uploaded": upload("v2.pdf", pdf_bytes("Nouvelle clause"))},
        )
        assert response.status_code in (403, 422)
    assert record.versions.count() == 1
    assert record_file.records.count() == 1
    with pytest.raises(ValidationError, match="a fait l’objet d’une disposition"):
        services.record_version_add(record=record, user=lawyer, uploaded=upload("v2.pdf", pdf_bytes("Clause")))
    with pytest.raises(ValidationError, match="a fait l’objet d’une disposition"):
        services.record_add(
            record=Record(record_file=record_file, title="Ajout", medium="paper", location="Ici"), user=lawyer
        )
    assert record.versions.count() == 1 and record_file.records.count() == 1


# --- The certificate ----------------------------------------------------------------------------------


def test_the_certificate_lists_what_was_left_off_the_paper_part_and_has_signature_lines(
    make_client, files, lawyer, records_manager, legal, box
):
    disposition_list = process(make_client(records_manager), approved_list(lawyer, records_manager, legal))
    text = certificate_text(make_client(lawyer), disposition_list)
    assert "Certificat de destruction" in text
    # The files left off, with their reason.
    assert "Dossiers laissés de côté" in text
    assert files["lent"].reference in text and "prêté à Marie Tremblay" in text
    assert files["held"].reference in text and "Recours du fournisseur" in text
    # The paper part: which box, destroyed how.
    assert "Partie papier" in text and box.number in text
    assert "Déchiquetage confidentiel par un fournisseur" in text and "Shred-it, certificat 4471" in text
    # Signature lines: who validated, approved and processed, and when.
    assert "Signatures" in text
    for person in (lawyer, records_manager):
        assert str(person) in text
    validated = timezone.localtime(disposition_list.validated_at).date().isoformat()
    assert validated in text
    assert text.count("Signature :") == 3
