"""The records clerk's day with paper: a shelf, a box, a file put in it, its label, a loan and its return."""

import re
from pathlib import Path

from playwright.sync_api import expect
from pypdf import PdfReader

from documents.models import Box, PaperLoan
from opq_intranet.accounts.roles import Role
from opq_intranet.core.models import OrgUnit
from tests.documents.factories import CopyRuleFactory, RecordClassFactory, RecordFileFactory, RetentionRuleFactory
from tests.factories import UserFactory


def test_a_paper_file_boxed_labelled_lent_and_returned(session):
    legal = OrgUnit.objects.get(code="daj")
    manager = UserFactory(roles=[Role.STAFF, Role.RECORDS], org_unit=OrgUnit.objects.get(code="sgd"))
    UserFactory(roles=[Role.STAFF], org_unit=legal, first_name="Louise", last_name="Lavoie")
    rule = RetentionRuleFactory(number="7200", title="Litiges")
    CopyRuleFactory(rule=rule, medium="paper")
    litigation = RecordClassFactory(code="7200", title="Litiges", retention_rule=rule)
    record_file = RecordFileFactory(record_class=litigation, medium="paper", title="Requête en révision judiciaire")
    session.sign_in(manager.username)

    # A shelf in the vault of the Québec office.
    page = session.visit("/documents/")
    page.get_by_role("link", name="Espaces de rangement", exact=True).click()
    session.check_page()
    page.get_by_role("link", name="Nouvel espace de rangement").click()
    session.check_page()
    page.get_by_label("Code").fill("q-10.12-c")
    page.get_by_label("Bureau").select_option(label="Bureau de Québec")
    page.get_by_label("Salle").fill("Salle 10.12 (voûte)")
    page.get_by_label("Tablette").fill("Rayonnage C")
    page.get_by_label("Capacité (boîtes)").fill("20")
    page.get_by_role("button", name="Enregistrer").click()
    session.check_page()
    expect(page.get_by_role("alert").first).to_contain_text("L’espace Q-10.12-C est enregistré.")

    # A box on it: a capacity of 0 is refused, then corrected; the box gets its number.
    page.get_by_role("link", name="Nouvelle boîte ici").click()
    session.check_page()
    expect(page.get_by_label("Espace de rangement")).to_have_value(re.compile(r"\d+"))
    page.get_by_label("Unité").select_option(label="Direction des affaires juridiques")
    page.get_by_label("Capacité (dossiers)").fill("0")
    page.get_by_role("button", name="Enregistrer").click()
    session.check_refused_form()
    expect(page.locator("main")).to_contain_text("Assurez-vous que cette valeur est supérieure ou égale à 1.")
    assert not Box.objects.exists()
    page.get_by_label("Capacité (dossiers)").fill("12")
    page.get_by_role("button", name="Enregistrer").click()
    session.check_page()
    box = Box.objects.get()
    expect(page.get_by_role("alert").first).to_contain_text(f"La boîte {box.number} est enregistrée.")
    expect(page.locator("main")).to_contain_text("0 dossier sur 12")

    # The file goes in the box, by the number on the box's label.
    page = session.visit(record_file.get_absolute_url())
    paper = page.get_by_role("region", name="Dossier papier")
    paper.get_by_label("Numéro de boîte").fill(box.number.lower())
    paper.get_by_role("button", name="Mettre dans la boîte").click()
    session.check_page()
    expect(page.get_by_role("alert").first).to_contain_text(
        f"Le dossier {record_file.reference} est dans la boîte {box.number}."
    )
    page.get_by_role("region", name="Dossier papier").get_by_role("link", name=box.number).click()
    session.check_page()
    expect(page.get_by_role("heading", level=1)).to_contain_text(box.number)
    expect(page.locator("main")).to_contain_text("1 dossier sur 12")
    expect(page.get_by_role("link", name=record_file.reference)).to_be_visible()

    # Its label, with the barcode of its number.
    with page.expect_download() as download:
        page.get_by_role("link", name="Étiquette (PDF)").click()
    content = Path(download.value.path()).read_bytes()
    assert content.startswith(b"%PDF-")
    label = PdfReader(download.value.path()).pages[0].extract_text()
    assert f"Boîte {box.number}" in label and record_file.reference in label

    # Lent to a colleague of the unit, 30 days; then returned.
    page = session.visit(record_file.get_absolute_url())
    paper = page.get_by_role("region", name="Dossier papier")
    paper.get_by_text("Prêter le dossier").click()
    paper.get_by_label("Emprunteur").select_option(label="Louise Lavoie (Direction des affaires juridiques)")
    paper.get_by_label("Note").fill("Pour l'audience du tribunal")
    paper.get_by_role("button", name="Prêter", exact=True).click()
    session.check_page()
    loan = PaperLoan.objects.get()
    expect(page.get_by_role("alert").first).to_contain_text(
        f"Le dossier {record_file.reference} est prêté à Louise Lavoie jusqu’au {loan.due_on.isoformat()}."
    )
    expect(page.locator("main")).to_contain_text("En cours")
    session.visit("/documents/prets/?state=open")
    expect(session.page.get_by_role("link", name=record_file.reference)).to_be_visible()
    session.page.get_by_role("link", name=record_file.reference).click()
    session.check_page()
    session.page.get_by_role("button", name="Enregistrer le retour").click()
    session.check_page()
    page = session.page
    expect(page.get_by_role("alert").first).to_contain_text(f"Le dossier {record_file.reference} est de retour.")
    expect(page.locator("main")).to_contain_text("Rendu")
    loan.refresh_from_db()
    assert loan.returned_on is not None and loan.returned_to == manager
