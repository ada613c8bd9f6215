"""The BDSP from end to end, as the Office's analyst and an order's déclarant would do it."""

import io
import re

from openpyxl import load_workbook
from playwright.sync_api import expect

from bdsp import services
from opq_intranet.accounts.roles import Role
from tests.factories import PartnerFactory, UserFactory, order

BALANCE_MESSAGE = "Les membres à la fin doivent égaler les membres au début"


ANNUAL_REPORT_PDF = (
    b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
    b"2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"
)


def type_in(page, code, key, value):
    page.locator(f"#f-{code}-{key}").fill(str(value))


def save_section(session):
    session.page.get_by_role("button", name="Enregistrer", exact=True).click()
    expect(session.page.locator("#save-message")).to_contain_text("Enregistré")
    session.check_page()


TYPED_BY_HAND = {"membres-debut", "inscriptions", "premieres-inscriptions", "radiations", "membres-fin"}


def fill_workbook(path):
    """The rest of the return, typed in the downloaded template as an order's clerk would."""
    workbook = load_workbook(path)
    answers = {
        ("membres-region", "03"): 700,
        ("membres-region", "06"): 400,
        ("membres-sexe", "f"): 800,
        ("membres-sexe", "h"): 300,
        ("membres-cotisation", "reguliere"): 1100,
        ("audiences", ""): 12,
    }
    typed = {code for code, _key in answers} | TYPED_BY_HAND
    for sheet in workbook.worksheets[1:]:
        for row in sheet.iter_rows(min_row=2):
            code, key = row[0].value, row[1].value or ""
            wanted = answers.get((code, key))
            if wanted is not None:
                row[4].value = wanted
            elif code == "rapport-annuel-depose":
                row[4].value = "oui"
            elif not key and code not in typed:
                row[5].value = "aucune activité"  # every indicator is answered
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def test_a_return_from_opening_to_statistics(new_session, tmp_path):
    analyst = UserFactory(roles=[Role.STAFF, Role.BDSP_ANALYST], first_name="Marc", last_name="Bouchard")
    filer = PartnerFactory(roles=[Role.ORDER_DECLARANT], professional_order=order("infirmieres"))
    services.form_create_from_regulation(year=2025)

    # The analyst opens the year.
    office = new_session()
    office.sign_in(analyst.username)
    page = office.visit("/bdsp/annees/2025/")
    page.get_by_role("button", name="Ouvrir la déclaration 2025 aux ordres").click()
    office.check_page()
    expect(page.get_by_role("alert")).to_contain_text("La déclaration 2025 est ouverte aux ordres.")

    # The déclarant signs in with two-step verification and starts the return.
    order_side = new_session()
    page = order_side.sign_in(filer.username)
    order_side.enrol_second_factor()
    expect(page.locator("main")).to_contain_text("La déclaration annuelle 2025 est ouverte.")
    page.get_by_role("link", name="Toutes les déclarations").click()
    order_side.check_page()
    page.get_by_role("button", name="Commencer la déclaration 2025").click()
    order_side.check_page()
    expect(page.get_by_role("heading", level=1)).to_have_text("Déclaration annuelle 2025")

    page.get_by_label("Fin de l'exercice financier").fill("2025-03-31")
    page.get_by_label("Date de l'assemblée générale annuelle").fill("2025-06-05")
    page.get_by_role("button", name="Enregistrer les dates").click()
    order_side.check_page()

    # Part of the return by hand, with a figure that breaks the balance of the roll.
    page.get_by_role("link", name="Tableau de l'ordre (art. 21)").click()
    order_side.check_page()
    type_in(page, "membres-debut", "", 1000)
    type_in(page, "inscriptions", "", 120)
    type_in(page, "premieres-inscriptions", "", 80)
    type_in(page, "radiations", "cotisation", 15)
    type_in(page, "radiations", "retraite", 5)
    type_in(page, "radiations", "", 20)
    type_in(page, "membres-fin", "", 1101)
    save_section(order_side)
    expect(page.locator("#findings-membres-fin")).to_contain_text(BALANCE_MESSAGE)

    type_in(page, "membres-fin", "", 1100)
    save_section(order_side)
    expect(page.locator("#findings-membres-fin")).not_to_contain_text(BALANCE_MESSAGE)

    # The rest from the spreadsheet template.
    with page.expect_download() as download:
        page.get_by_role("link", name="Télécharger le gabarit (XLSX)").click()
    template = tmp_path / "gabarit.xlsx"
    download.value.save_as(template)
    filled = tmp_path / "declaration.xlsx"
    filled.write_bytes(fill_workbook(template))
    page.get_by_label("Gabarit rempli (XLSX)").set_input_files(str(filled))
    page.get_by_role("button", name="Importer").click()
    order_side.check_page()
    expect(page.get_by_role("alert")).to_contain_text("Le classeur a été importé")

    # The annual report, as PDF.
    report = tmp_path / "rapport-annuel-2025.pdf"
    report.write_bytes(ANNUAL_REPORT_PDF)
    page.get_by_label("Type de document").select_option(label="Rapport annuel")
    page.get_by_label(re.compile(r"^Fichier")).set_input_files(str(report))
    page.get_by_role("button", name="Joindre", exact=True).click()
    order_side.check_page()
    expect(page.get_by_role("alert").first).to_contain_text("rapport-annuel-2025.pdf est joint à la déclaration.")

    # Submit with the attestation.
    page.get_by_role("link", name="Transmettre à l'Office").click()
    order_side.check_page()
    page.get_by_label("Votre nom et votre titre").fill("Julie Pelletier, secrétaire de l'ordre")
    page.get_by_label("J’atteste que cette déclaration est exacte et complète.").check()
    page.get_by_role("button", name="Transmettre à l'Office").click()
    order_side.check_page()
    expect(page.locator("main")).to_contain_text("Transmise")
    with page.expect_download() as download:
        page.get_by_role("link", name="Télécharger la déclaration telle que transmise (PDF)").click()
    assert download.value.suggested_filename.startswith("declaration-2025-infirmieres-v1-")

    # The analyst returns it with a comment.
    page = office.visit("/")
    page.get_by_role("link", name=re.compile("Ordre des infirmières et infirmiers du Québec")).first.click()
    office.check_page()
    page.get_by_label("Ce que l'ordre doit corriger").fill("Les audiences semblent élevées : vérifiez.")
    page.get_by_role("button", name="Retourner pour correction").click()
    office.check_page()
    expect(page.locator("main")).to_contain_text("Retournée pour correction")

    # The déclarant corrects and submits again.
    page = order_side.page
    page.reload()
    order_side.check_page()
    expect(page.get_by_role("alert").first).to_contain_text("Les audiences semblent élevées")
    page.get_by_role("link", name="Conseil de discipline (art. 18)").click()
    order_side.check_page()
    type_in(page, "audiences", "", 9)
    save_section(order_side)
    page.get_by_role("link", name="Transmettre à l'Office").click()
    order_side.check_page()
    page.get_by_label("Votre nom et votre titre").fill("Julie Pelletier, secrétaire de l'ordre")
    page.get_by_label("J’atteste que cette déclaration est exacte et complète.").check()
    page.get_by_role("button", name="Transmettre à l'Office").click()
    order_side.check_page()

    # The analyst accepts; the figure appears in the statistics.
    page = office.visit("/bdsp/campagne/2025/")
    page.get_by_role("link", name="Ordre des infirmières et infirmiers du Québec").click()
    office.check_page()
    page.get_by_role("button", name="Accepter la déclaration").click()
    office.check_page()
    expect(page.locator("main")).to_contain_text("Acceptée")
    page.get_by_role("link", name="Historique de toutes les modifications").click()
    office.check_page()
    expect(page.get_by_role("row", name=re.compile("Journées d.audience")).first).to_be_visible()
    page = office.visit("/bdsp/statistiques/?indicator=membres-fin&category=&start=2025&end=2025")
    row = page.get_by_role("row", name=re.compile("Ordre des infirmières et infirmiers du Québec"))
    expect(row).to_contain_text("1\u00a0100")
