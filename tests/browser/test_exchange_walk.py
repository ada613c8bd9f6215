"""The exchange spaces from end to end, as the issue's acceptance tells it: a staff member
creates a space for an order and uploads a file; the order's user signs in with the second
factor, downloads it and uploads an answer; the staff member gets the news in « À traiter »
and files the answer into a records file; a share link is opened in a fresh browser, then
revoked. axe-core runs on every page visited."""

import datetime
import hashlib
import re
from pathlib import Path

from django.utils import timezone
from playwright.sync_api import expect

from documents.exchange import services
from documents.exchange.choices import EventAction
from documents.exchange.models import ExchangeEvent, ExchangeSpace, SharedFile
from documents.models import Record
from opq_intranet.accounts.roles import Role
from opq_intranet.core.models import OrgUnit
from tests.documents.factories import RecordFileFactory
from tests.documents.samples import pdf_bytes
from tests.factories import PartnerFactory, UserFactory, order

ORDER = "Ordre des infirmières et infirmiers du Québec"


def upload_through_the_zone(page, path):
    zone = page.get_by_role("region", name="Ajouter des fichiers")
    zone.get_by_label("Choisir des fichiers", exact=True).set_input_files(str(path))
    item = zone.get_by_role("listitem").filter(has_text=path.name)
    expect(item.get_by_role("status")).to_have_text("Terminé", timeout=30_000)


def test_a_space_shared_with_an_order_from_creation_to_filing(new_session, tmp_path):
    daj = OrgUnit.objects.get(code="daj")
    clerk = UserFactory(roles=[Role.STAFF], org_unit=daj, first_name="Louise", last_name="Lavoie")
    nurse = PartnerFactory(roles=[Role.ORDER_DECLARANT], professional_order=order("infirmieres"))
    records_file = RecordFileFactory(org_unit=daj, title="Correspondance avec l'Ordre des infirmières")

    # --- The staff member creates the space: first without its partner (refused, in French).
    staff = new_session()
    staff.sign_in(clerk.username)
    page = staff.visit("/portail/echanges/")
    page.get_by_role("link", name="Nouvel espace d’échange").click()
    staff.check_page()
    page.locator("#id_name").fill("Inspection professionnelle 2026")
    page.locator("main form button[type=submit]").click()
    staff.check_refused_form()
    expect(page.locator("main")).to_contain_text("Choisissez l’ordre professionnel")
    assert not ExchangeSpace.objects.exists()
    page.locator("#id_professional_order").select_option(label=ORDER)
    page.locator("main form button[type=submit]").click()
    staff.check_page()
    space = ExchangeSpace.objects.get()
    assert (space.professional_order.code, space.owner_unit) == ("infirmieres", daj)
    expect(page.get_by_role("heading", level=1)).to_contain_text("Inspection professionnelle 2026")

    # ... and uploads a file by the drag-and-drop zone.
    letter = tmp_path / "demande-de-documents.pdf"
    letter.write_bytes(pdf_bytes("Demande de documents"))
    upload_through_the_zone(page, letter)
    staff.check_page()

    # --- The order's user: the password, then the second factor, then the portal.
    partner = new_session()
    page_p = partner.sign_in(nurse.username)
    expect(page_p).to_have_url(re.compile(r"/compte/deux-etapes/activer/"))
    partner.enrol_second_factor()
    page_p.get_by_role("link", name="Espaces d’échange").first.click()
    partner.check_page()
    page_p.get_by_role("link", name="Inspection professionnelle 2026").click()
    partner.check_page()
    page_p.get_by_role("link", name="demande-de-documents.pdf").click()
    partner.check_page()
    with page_p.expect_download() as download:
        page_p.get_by_role("link", name="Télécharger").first.click()
    assert Path(download.value.path()).read_bytes() == letter.read_bytes()
    assert ExchangeEvent.objects.filter(action=EventAction.DOWNLOADED, user=nurse).exists()

    # ... and answers with a file of their own.
    page_p.get_by_role("link", name="Inspection professionnelle 2026").first.click()
    partner.check_page()
    answer = tmp_path / "reponse-de-l-ordre.pdf"
    answer.write_bytes(pdf_bytes("Réponse de l'Ordre"))
    upload_through_the_zone(page_p, answer)
    partner.check_page()
    answered = SharedFile.objects.get(name="reponse-de-l-ordre.pdf")

    # --- The digest job tells the Office's side (one notification for the space).
    services.space_news_send(space=space, now=timezone.now() + datetime.timedelta(minutes=5))
    page = staff.visit("/")
    todo = page.get_by_role("link", name=re.compile("Inspection professionnelle 2026"))
    expect(todo.first).to_be_visible()
    todo.first.click()
    staff.check_page()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Inspection professionnelle 2026")

    # ... opens the answer and files it into the unit's records file.
    page.get_by_role("link", name="reponse-de-l-ordre.pdf").click()
    staff.check_page()
    page.get_by_role("link", name="Verser au dossier").click()
    staff.check_page()
    page.get_by_label("Numéro du dossier").fill(records_file.reference)
    page.locator("main form button[type=submit]").click()
    staff.check_page()
    record = Record.objects.get(record_file=records_file)
    stored = record.current_version.stored_file
    assert stored.sha256 == hashlib.sha256(answer.read_bytes()).hexdigest()
    answered.refresh_from_db()
    assert answered.filed_record == record

    # --- A share link of the answer, opened by someone without an account, then revoked.
    page.get_by_role("link", name="Partager").click()
    staff.check_page()
    page.locator("#id_label").fill("Me Tremblay, avocat")
    page.locator("main form button[type=submit]").click()
    staff.check_page()
    url = page.get_by_test_id("new-link-url").input_value().replace(staff.base_url, "")
    visitor = new_session()
    page_v = visitor.visit(url)
    expect(page_v.get_by_role("heading", level=1)).to_contain_text("reponse-de-l-ordre.pdf")
    with page_v.expect_download() as download:
        page_v.get_by_test_id("link-download").click()
    assert Path(download.value.path()).read_bytes() == answer.read_bytes()
    page = staff.visit(f"/portail/echanges/{space.pk}/liens/")
    page.get_by_test_id("revoke-link").click()
    staff.check_page()
    page.locator("main form button[type=submit]").click()
    staff.check_page()
    visitor.visit(url, status=404)
    expect(page_v.locator("main")).not_to_contain_text("reponse-de-l-ordre.pdf")

    # The journal has each step, the visitor's download with its address.
    page = staff.visit(f"/portail/echanges/{space.pk}/journal/")
    for action in ("Déposé", "Téléchargé", "Versé au dossier", "Lien créé", "Lien révoqué"):
        expect(page.locator("main table")).to_contain_text(action)
