"""A file's whole life, as the records manager and a unit's clerk live it: a class and its
rule, a digital and a paper record filed, the first found by a word inside its PDF, the file
closed, time run forward, its destruction list validated and approved, the certificate."""

import io
import re
from datetime import date

from django.core.management import call_command
from playwright.sync_api import expect
from pypdf import PdfReader

from documents.models import RecordFile
from opq_intranet.accounts.roles import Role
from opq_intranet.core.models import OrgUnit
from tests.documents.samples import pdf_bytes
from tests.factories import UserFactory

RULE = "04-100"


def build_rule_and_class(session):
    """Digital and paper principal copies: 1 year active from closing, 2 semi-active, destroyed."""
    page = session.visit("/documents/calendrier/ajouter/")
    page.get_by_label("Numéro de la règle").fill(RULE)
    page.get_by_label("Titre").fill("Notes de service")
    page.get_by_label("Direction des affaires juridiques").check()
    for number, medium in ((1, "Numérique"), (2, "Papier")):
        copy = page.get_by_role("group", name=f"Règle d’exemplaire {number}")
        copy.get_by_label("Exemplaire").select_option(label="Exemplaire principal")
        copy.get_by_label("Support").select_option(label=medium)
        copy.get_by_label("Période active").fill("1")
        copy.get_by_label("À compter de").select_option(label="Fermeture du dossier")
        copy.get_by_label("Période semi-active").fill("2")
        copy.get_by_label("Disposition finale").select_option(label="D – Destruction")
    page.get_by_role("button", name="Enregistrer").click()
    session.check_page()
    expect(page.get_by_role("alert").first).to_contain_text(f"La règle {RULE} est enregistrée.")

    page = session.visit("/documents/plan/ajouter/")
    page.get_by_label("Code").fill("4100")
    page.get_by_label("Titre").fill("Notes de service")
    page.get_by_label("Règle de conservation").select_option(label=f"{RULE} – Notes de service")
    page.get_by_role("button", name="Enregistrer").click()
    session.check_page()


def open_file_and_file_records(session, pdf_path):
    page = session.visit("/documents/")
    page.get_by_role("link", name="Ouvrir un dossier").click()
    session.check_page()
    page.get_by_label("Titre").fill("Notes de service 2026")
    page.get_by_label("Classe").select_option(label="4100 Notes de service")
    page.get_by_label("Support").select_option(label="Hybride (papier et numérique)")
    page.get_by_label("Ouvert le").fill("2026-01-05")
    page.get_by_role("button", name="Enregistrer").click()
    session.check_page()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Notes de service 2026")

    # A digital record: its PDF is stored with its SHA-256 and its text indexed.
    page.get_by_role("link", name="Classer un document").click()
    session.check_page()
    page.get_by_label("Titre").fill("Note sur le prêt du photocopieur")
    page.get_by_label("Support").select_option(label="Numérique")
    page.get_by_label("Fichier").set_input_files(str(pdf_path))
    page.get_by_role("button", name="Classer le document").click()
    session.check_page()
    # A paper record, with where it is kept.
    page.get_by_role("link", name="Notes de service 2026").first.click()
    page.get_by_role("link", name="Classer un document").click()
    page.get_by_label("Titre").fill("Original signé de la note")
    page.get_by_label("Support").select_option(label="Papier")
    page.get_by_label("Emplacement").fill("Classeur 3, tiroir 2")
    page.get_by_role("button", name="Classer le document").click()
    session.check_page()


def test_a_file_from_its_opening_to_its_destruction_certificate(new_session, tmp_path, settings):
    manager = UserFactory(roles=[Role.STAFF, Role.RECORDS])
    legal = OrgUnit.objects.get(code="daj")
    clerk = UserFactory(roles=[Role.STAFF], org_unit=legal, first_name="Hélène", last_name="Lévesque")
    legal.manager = clerk  # the unit's manager validates its lists
    legal.save(update_fields=["manager"])
    pdf_path = tmp_path / "note.pdf"
    pdf_path.write_bytes(pdf_bytes("Le photocopieur du deuxième étage est prêté au greffe jusqu'en mars."))

    office = new_session()
    office.sign_in(manager.username)
    build_rule_and_class(office)

    unit = new_session()
    unit.sign_in(clerk.username)
    open_file_and_file_records(unit, pdf_path)
    record_file = RecordFile.objects.get(title="Notes de service 2026")
    assert record_file.records.count() == 2

    # The PDF is found by a word inside it, with the word highlighted.
    page = unit.visit("/documents/recherche/")
    page.get_by_label("Mots à chercher").fill("photocopieurs")  # the plural finds it too
    page.get_by_label("Mots à chercher").press("Enter")
    unit.check_page()
    result = page.locator("main").get_by_role("link", name="Note sur le prêt du photocopieur")
    expect(result).to_be_visible()
    expect(page.locator("mark").first).to_have_text("photocopieur")

    # Closed on 31 March 2026: semi-active at the end of 2027, destroyed at the end of 2029.
    page = unit.visit(f"/documents/dossiers/{record_file.pk}/")
    page.get_by_label("Fermé le").fill("2026-03-31")
    page.get_by_role("button", name="Fermer le dossier").click()
    unit.check_page()
    expect(page.locator("main")).to_contain_text("2029-12-31")

    # Time runs forward: the nightly job on 2028-01-03 (a hybrid file waits for a transfer
    # list to move to semi-active storage), then disposition on 2030-01-06.
    call_command("run_scheduled", "--today", "2028-01-03", "--only", "documents.lifecycle")
    record_file.refresh_from_db()
    assert record_file.stage == "active" and record_file.semi_active_due_on == date(2027, 12, 31)
    settings.RECORDS_TODAY = date(2030, 1, 6)

    page = office.visit("/documents/disposition/")
    expect(page.locator("main")).to_contain_text("Date simulée")
    page.get_by_label("Type de liste").select_option(label="Destruction")
    page.get_by_label(re.compile(r"^Unité")).select_option(label="Direction des affaires juridiques")
    page.get_by_role("button", name="Générer la liste").click()
    office.check_page()
    expect(page.locator("main")).to_contain_text(record_file.reference)
    expect(page.get_by_role("status").filter(has_text="À valider par :")).to_contain_text("Hélène Lévesque")
    list_url = page.url

    # The unit's manager finds it on Mon travail and validates; the records manager approves
    # and processes.
    page = unit.visit("/")
    panel = page.get_by_role("region", name="Listes de disposition à traiter")
    panel.get_by_role("link", name=re.compile(r"^L\d{4}-\d{5} · Destruction$")).click()
    unit.check_page()
    page.get_by_role("button", name="Valider la liste").click()
    unit.check_page()
    page = office.visit(list_url.replace(office.base_url, ""))
    expect(page.get_by_role("status").filter(has_text="À approuver par :")).to_be_visible()
    page.get_by_role("button", name="Approuver la liste").click()
    office.check_page()
    page.get_by_role("link", name="Traiter la liste").click()  # the confirmation names what goes
    office.check_page()
    main = page.locator("main")
    expect(main).to_contain_text("détruit définitivement le contenu de ses 1 dossiers")
    expect(main).to_contain_text("Note sur le prêt du photocopieur")
    expect(main).to_contain_text("Original signé de la note")
    # Without the explicit confirmation, nothing is processed.
    page.get_by_role("button", name="Traiter la liste").click()
    office.check_refused_form()
    expect(main).to_contain_text("Cochez la case pour confirmer : rien n’est traité sans elle.")
    record_file.refresh_from_db()
    assert record_file.stage != "disposed"
    page.get_by_label("Mode de destruction du papier").select_option(
        label="Déchiquetage sur place (déchiqueteuse à coupe croisée)"
    )
    page.get_by_label(
        "J’ai vérifié les dossiers et les documents nommés ci-dessus : les détruire définitivement."
    ).check()
    page.get_by_role("button", name="Traiter la liste").click()
    office.check_page()
    with page.expect_download() as download:
        page.get_by_role("link", name="Télécharger le certificat (PDF)").click()
    certificate = PdfReader(io.BytesIO(download.value.path().read_bytes()))
    text = " ".join(" ".join(p.extract_text() for p in certificate.pages).split())
    assert "Certificat de destruction" in text and record_file.reference in text
    assert "Partie papier" in text and "Déchiquetage sur place" in text
    assert "Signatures" in text and "Hélène Lévesque" in text

    # The content is gone; the description and the paper record's trace stay.
    record_file.refresh_from_db()
    assert (record_file.stage, record_file.disposal_outcome) == ("disposed", "destroyed")
    page = unit.visit("/documents/recherche/?q=photocopieur")
    expect(page.locator("main")).to_contain_text("Note sur le prêt du photocopieur")  # its title still finds it
    expect(page.locator("mark")).to_have_count(0)  # no extract: the text is destroyed
