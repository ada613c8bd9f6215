"""Someone opens the intranet's home, signs in, and lands on a page they may open: a partner
passes the second factor first and reaches the portal; staff without a role are told whom
to ask. The "access denied" page's link leads home, never back to the refusal."""

import re

from playwright.sync_api import expect

from opq_intranet.accounts.roles import Role
from tests.factories import PASSWORD, PartnerFactory, UserFactory, order


def sign_in_from_the_home_page(session, username):
    page = session.visit("/")
    expect(page).to_have_url(re.compile(r"/connexion/\?next=%2F$"))
    page.get_by_label("Nom d'utilisateur").fill(username)
    page.get_by_label("Mot de passe").fill(PASSWORD)
    page.get_by_role("button", name="Se connecter").click()
    return session.check_page()


def test_a_partner_who_opens_the_staff_home_enrols_then_reaches_the_portal(session):
    partner = PartnerFactory(roles=[Role.ORDER_DECLARANT], professional_order=order("infirmieres"))
    page = sign_in_from_the_home_page(session, partner.username)
    # The second factor first, never "access denied".
    expect(page).to_have_url(re.compile(r"/compte/deux-etapes/activer/"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Activer la vérification en deux étapes")
    session.enrol_second_factor()
    expect(page).to_have_url(re.compile(r"/portail/$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Portail des ordres professionnels")

    # A staff page refuses them; its link leads back to the portal, not to the refusal.
    page = session.visit("/", status=403)
    expect(page.get_by_role("heading", level=1)).to_have_text("Accès refusé")
    page.get_by_role("link", name="Retour à l'accueil").click()
    session.check_page()
    expect(page).to_have_url(re.compile(r"/portail/$"))


def test_staff_without_a_role_are_told_whom_to_ask(session):
    UserFactory(roles=[Role.STAFF, Role.IT_ADMIN], first_name="Louis", last_name="Bergeron")
    newcomer = UserFactory(roles=[])
    page = sign_in_from_the_home_page(session, newcomer.username)
    expect(page).to_have_url(re.compile(r"/compte/aucune-application/$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Aucune application pour l'instant")
    expect(page.locator("main")).to_contain_text("Louis Bergeron")

    page = session.visit("/bdsp/", status=403)
    page.get_by_role("link", name="Retour à l'accueil").click()
    session.check_page()
    expect(page).to_have_url(re.compile(r"/compte/aucune-application/$"))
