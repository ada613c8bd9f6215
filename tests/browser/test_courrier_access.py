"""An access-to-information request from the mail room to its closing, as the Office handles it:
registered with its scan, routed to the person responsible for access, extended by 10 days
with the notice, answered with the generated letter and its notice of recourse, closed."""

import io
import re
from datetime import timedelta

from django.utils import timezone
from playwright.sync_api import expect
from pypdf import PdfReader

from courrier.models import AccessRequest, MailItem
from opq_intranet.accounts.roles import Role
from opq_intranet.core.models import OrgUnit
from tests.documents.samples import pdf_bytes
from tests.factories import UserFactory


def test_an_access_request_from_registration_to_closing(new_session, tmp_path):
    clerk = UserFactory(roles=[Role.STAFF, Role.MAIL], org_unit=OrgUnit.objects.get(code="sgd"))
    officer = UserFactory(
        roles=[Role.STAFF, Role.MAIL],
        org_unit=OrgUnit.objects.get(code="sg"),
        first_name="Guylaine",
        last_name="Couture",
        job_title="Secrétaire et conseillère à la présidence",
    )
    scan = tmp_path / "demande.pdf"
    scan.write_bytes(pdf_bytes("Je souhaite obtenir une copie du plan directeur en ressources informationnelles."))
    received = timezone.localdate() - timedelta(days=3)

    # The mail room registers the letter, with a new sender and the scan.
    room = new_session()
    room.sign_in(clerk.username)
    page = room.visit("/courrier/registre/enregistrer/")
    page.get_by_label("Reçu le").fill(received.isoformat())
    page.get_by_label("Canal").select_option(label="Courriel")
    page.get_by_label("Type").select_option(label="Demande d’accès")
    page.get_by_label("ou un nouveau contact : nom").fill("Pierre Lavoie")
    page.get_by_label("Objet").fill("Demande d’accès au plan directeur en ressources informationnelles")
    page.get_by_label("Confidentialité").select_option(label="Renseignements personnels")
    page.get_by_label("Copie numérisée ou fichier de courriel").set_input_files(str(scan))
    page.get_by_role("button", name="Enregistrer", exact=True).click()
    room.check_page()
    item = MailItem.objects.get()
    expect(page.get_by_role("heading", level=1)).to_contain_text(item.reference)

    # Routed to the person responsible for access.
    page.get_by_label("Unité").select_option(label="Secrétariat général")
    page.get_by_label("Personne (facultatif)").select_option(label="Guylaine Couture (Secrétariat général)")
    page.get_by_label("Directives").fill("Demande d’accès : délai de 20 jours")
    page.get_by_role("button", name="Acheminer").click()
    room.check_page()
    expect(page.locator("main")).to_contain_text("Guylaine Couture")

    # The officer finds it on Mon travail and opens the access request.
    desk = new_session()
    page = desk.sign_in(officer.username)
    page.get_by_role("link", name=item.reference).first.click()
    desk.check_page()
    page.get_by_role("link", name="Ouvrir la demande d’accès").click()
    desk.check_page()
    # The documents requested are the applicant's words: required, never the item's subject.
    expect(page.get_by_label("Documents demandés")).to_have_value("")
    page.get_by_role("button", name="Ouvrir la demande").click()
    desk.check_refused_form()
    expect(page.locator("main")).to_contain_text("Ce champ est obligatoire.")
    assert not AccessRequest.objects.exists()
    page.get_by_label("Documents demandés").fill("Le plan directeur en ressources informationnelles")
    page.get_by_role("button", name="Ouvrir la demande").click()
    desk.check_page()
    access_request = AccessRequest.objects.get()
    expect(page.locator("main")).to_contain_text(access_request.reference)

    # Extended once, with the notice; then the decision and the generated response.
    page.get_by_label(re.compile(r"^Motif")).fill("Le document doit être caviardé par la direction concernée.")
    page.get_by_role("button", name="Prolonger et enregistrer l’avis").click()
    desk.check_page()
    access_request.refresh_from_db()
    assert access_request.extended_deadline is not None
    expect(page.locator("main")).to_contain_text("Délai prolongé")
    # The notice is an outgoing letter: its page says who handled it, not that it was routed.
    notice = MailItem.objects.get(in_reply_to=item)
    page = desk.visit(notice.get_absolute_url())
    expect(page.locator("main dl")).to_contain_text("Traité par")
    expect(page.locator("main dl")).to_contain_text("Guylaine Couture")
    expect(page.locator("main")).not_to_contain_text("Pas encore acheminé")
    expect(page.locator("main dl")).not_to_contain_text("Acheminé à")
    page = desk.visit(access_request.get_absolute_url())
    page.get_by_role("combobox", name=re.compile(r"^Décision")).select_option(label="Accès accordé en partie")
    page.get_by_label("Articles invoqués").fill("53, 54")
    page.get_by_role("button", name="Consigner la décision").click()
    desk.check_page()
    page.get_by_role("button", name="Générer et enregistrer la réponse").click()
    desk.check_page()
    access_request.refresh_from_db()
    assert access_request.status == "answered" and access_request.answered_in_time
    with page.expect_download() as download:
        page.get_by_role("link", name=f"{access_request.reference}-reponse.pdf").click()
    letter = PdfReader(io.BytesIO(download.value.path().read_bytes()))
    text = " ".join(" ".join(p.extract_text() for p in letter.pages).split())
    assert "800, place D'Youville, 10e étage Québec (Québec) G1R 5Z3" in text
    assert "Pierre Lavoie" in text and "articles 53 et 54" in text and "AVIS DE RECOURS" in text

    # Closed: the request and its mail item.
    page.get_by_role("button", name="Fermer la demande").click()
    desk.check_page()
    item.refresh_from_db()
    assert item.status == "closed"
    assert MailItem.objects.filter(in_reply_to=item).count() == 2  # the notice and the response
