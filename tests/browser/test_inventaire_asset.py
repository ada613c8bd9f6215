"""An asset from purchase to disposal, as the IT technician and a staff member work it: he
registers a laptop, checks it out to her; she acknowledges it on Mon équipement from her
phone; a stock-taking of the floor, scanned from a phone, finds it in the wrong room (read
twice: harmless), he fixes its location from the results and closes the stock-taking with its
report; he checks it in, is refused its disposal without the proof of data wipe, and disposes
of it with the proof. axe-core runs on every page, at a phone's width where it is used."""

import re

from django.utils import timezone
from playwright.sync_api import expect

from inventaire.choices import AssetStatus
from inventaire.models import Asset, HandOver
from opq_intranet.accounts.roles import Role
from opq_intranet.core import pdf
from tests.factories import UserFactory
from tests.inventaire.factories import CategoryFactory, LocationFactory

PHONE = {"width": 390, "height": 844}


def test_an_asset_from_purchase_to_disposal(new_session, tmp_path):
    technician = UserFactory(roles=[Role.STAFF, Role.INVENTORY], first_name="Daniel", last_name="Morin")
    holder = UserFactory(roles=[Role.STAFF], first_name="Marie", last_name="Tremblay")
    CategoryFactory()
    office = LocationFactory(floor="10", room="10.12")
    meeting_room = LocationFactory(floor="10", room="10.14")
    today = timezone.localdate()

    it = new_session()
    it.sign_in(technician.username)
    page = it.visit("/inventaire/")
    page.get_by_role("link", name="Inscrire un actif").first.click()
    it.check_page()
    page.get_by_label("Catégorie").select_option(label="Ordinateur portable")
    page.get_by_label("Fabricant").fill("Dell")
    page.get_by_label("Modèle").fill("Latitude 7450")
    page.get_by_label("Numéro de série").fill("DL-7450-0042")
    page.get_by_label("Emplacement").select_option(label=str(office))
    page.get_by_label("Date d’achat").fill(today.isoformat())
    page.get_by_label("Coût").fill("1890.00")
    page.get_by_label("Nom d’hôte").fill("OPQ-POR-0042")
    page.get_by_label("Système d’exploitation").fill("Windows 11")
    page.get_by_label("Chiffrement du disque").select_option(label="Oui")
    page.get_by_role("button", name="Inscrire l’actif").click()
    it.check_page()
    asset = Asset.objects.get(serial_number="DL-7450-0042")
    expect(page.get_by_role("heading", level=1)).to_contain_text(asset.tag)
    expect(page.get_by_role("img", name=f"Code-barres de {asset.tag}")).to_be_visible()

    # Check-out from the asset's page: the tag is filled in; the person is chosen.
    page.get_by_role("link", name="Sortie", exact=True).last.click()
    it.check_page()
    expect(page.get_by_label("Étiquettes")).to_have_value(asset.tag)
    page.get_by_label("À une personne").select_option(label="Marie Tremblay")
    page.get_by_role("button", name="Sortie").click()
    it.check_page()
    expect(page.get_by_role("alert").or_(page.locator(".alert")).first).to_contain_text("Marie Tremblay")
    assert Asset.objects.get(pk=asset.pk).holder == holder

    # She acknowledges on her phone.
    mine = new_session()
    mine.page.set_viewport_size(PHONE)
    mine.sign_in(holder.username)
    phone = mine.visit("/inventaire/mon-equipement/")
    expect(phone.locator("main")).to_contain_text(asset.tag)
    phone.get_by_role("button", name="J’accuse réception").click()
    mine.check_page()
    expect(phone.locator("main")).to_contain_text("votre accusé de réception est inscrit")
    expect(phone.get_by_role("link", name="PDF")).to_be_visible()
    assert HandOver.objects.get().acknowledged_at is not None

    # A stock-taking of floor 10 from a phone finds the laptop in the meeting room.
    counter = new_session()
    counter.page.set_viewport_size(PHONE)
    counter.sign_in(technician.username)
    scan = counter.visit("/inventaire/inventaires/")
    scan.get_by_role("link", name="Ouvrir un inventaire").click()
    counter.check_page()
    scan.get_by_label("Bureau").select_option(label="Bureau de Québec")
    scan.get_by_label("Étage").fill("10")
    scan.get_by_role("button", name="Ouvrir").click()
    counter.check_page()
    scan.get_by_label("Local où je suis").select_option(label=str(meeting_room))
    tag_field = scan.get_by_label("Étiquette")
    expect(tag_field).to_be_focused()
    tag_field.fill(asset.tag.lower())
    tag_field.press("Enter")  # as a barcode scanner ends a tag
    expect(scan.locator("[data-scan-outcome]")).to_contain_text("trouvé ici, mais inscrit à")
    expect(tag_field).to_be_focused()
    scan.get_by_label("Étiquette").fill(asset.tag)
    scan.get_by_label("Étiquette").press("Enter")
    expect(scan.locator("[data-scan-outcome]")).to_contain_text("a déjà été lu : rien ne change")
    counter.assert_accessible()
    scan.get_by_role("link", name="Voir les résultats").click()
    counter.check_page()
    expect(scan.locator("#results")).to_contain_text(asset.tag)
    scan.get_by_role("link", name="Corriger les emplacements").click()
    counter.check_page()
    scan.get_by_role("button", name="Les déplacer").click()
    counter.check_page()
    expect(scan.locator("main")).to_contain_text("1 actif déplacé là où il a été trouvé.")
    assert Asset.objects.get(pk=asset.pk).location == meeting_room
    scan.get_by_role("link", name="Fermer").click()
    counter.check_page()
    scan.get_by_role("button", name="Fermer").click()
    counter.check_page()
    expect(scan.get_by_role("link", name="Rapport (PDF)")).to_be_visible()

    # Back in stock, then disposed of: refused without the wipe proof, accepted with it.
    page.goto(it.base_url + asset.get_absolute_url())
    it.check_page()
    page.get_by_role("link", name="Retour", exact=True).last.click()
    it.check_page()
    page.get_by_role("button", name="Retour").click()
    it.check_page()
    page.get_by_role("link", name="Aliéner").click()
    it.check_page()
    page.get_by_label("Motif").select_option(label="Recyclé")
    page.get_by_role("button", name="L’aliéner").click()
    it.check_refused_form()
    expect(page.locator("main")).to_contain_text("joignez la preuve de leur effacement")
    proof = tmp_path / "certificat-effacement.pdf"
    proof.write_bytes(pdf.render([pdf.paragraph("Effacement certifié")], title="Certificat"))
    page.get_by_label("Preuve d’effacement des données").set_input_files(str(proof))
    page.get_by_role("button", name="L’aliéner").click()
    it.check_page()
    expect(page.locator("main")).to_contain_text("Aliéné")
    expect(page.get_by_role("link", name=re.compile("certificat-effacement"))).to_be_visible()
    assert Asset.objects.get(pk=asset.pk).status == AssetStatus.DISPOSED
