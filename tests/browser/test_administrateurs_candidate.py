"""A candidacy entered and brought to the bank, as the Nominations team works it (axe-core on
every page): entered, a refused date corrected, reviewed, declared eligible, put in the bank."""

import re

from django.utils import timezone
from playwright.sync_api import expect

from administrateurs.choices import CandidacyStatus
from administrateurs.models import Candidate
from opq_intranet.accounts.roles import Role
from tests.factories import UserFactory


def test_a_candidacy_from_entry_to_the_bank(session):
    officer = UserFactory(roles=[Role.STAFF, Role.APPOINTMENTS], first_name="Isabelle", last_name="Leblanc")
    session.sign_in(officer.username)
    page = session.visit("/administrateurs/")
    page.get_by_role("link", name="Saisir une candidature").first.click()
    session.check_page()
    page.get_by_label("Prénom").fill("Nadia")
    page.get_by_role("textbox", name=re.compile(r"^Nom")).fill("Tremblay")
    page.get_by_label("Région").select_option(label="Capitale-Nationale")
    page.get_by_label("Domaines d’expertise").fill("droit, gouvernance")
    tomorrow = timezone.localdate() + timezone.timedelta(days=1)
    page.get_by_label("Consentement donné le").fill(tomorrow.isoformat())
    page.get_by_role("button", name="Enregistrer").click()
    session.check_refused_form()
    expect(page.locator("main")).to_contain_text("postérieure à aujourd’hui")
    page.get_by_label("Consentement donné le").fill(timezone.localdate().isoformat())
    page.get_by_role("button", name="Enregistrer").click()
    session.check_page()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Nadia Tremblay")
    for label in ("Commencer l’examen", "Déclarer admissible", "Verser à la banque"):
        page.get_by_role("link", name=label).click()
        session.check_page()
        page.get_by_role("button", name="Confirmer").click()
        session.check_page()
    expect(page.locator("main")).to_contain_text("Dans la banque")
    assert Candidate.objects.get().status == CandidacyStatus.IN_BANK
