"""An account whose first device IT issues: the password alone enrols nothing and shows
nothing of the account; the one-time link from IT does, once."""

import re

from playwright.sync_api import expect

from opq_intranet.accounts.enrolment import enrolment_link_issue
from opq_intranet.accounts.roles import Role
from tests.factories import PASSWORD, PartnerFactory, order


def test_a_marked_partner_enrols_with_the_link_from_it(session):
    partner = PartnerFactory(
        roles=[Role.ORDER_DECLARANT], professional_order=order("infirmieres"), second_factor_from_it=True
    )
    # The password alone: no enrolment, and the account page stays closed.
    page = session.visit("/connexion/")
    page.get_by_label("Nom d'utilisateur").fill(partner.username)
    page.get_by_label("Mot de passe").fill(PASSWORD)
    page.get_by_role("button", name="Se connecter").click()
    session.check_refused_form(status=403)
    expect(page.get_by_role("heading", level=1)).to_have_text("La vérification en deux étapes s'active avec les TI")
    expect(page.locator("body")).not_to_contain_text("Ordre des infirmières")
    page = session.visit("/compte/", status=403)
    expect(page).to_have_url(re.compile(r"/compte/deux-etapes/activer/\?next=%2Fcompte%2F$"))
    expect(page.get_by_test_id("otp-secret")).to_have_count(0)
    page.get_by_role("button", name="Se déconnecter").click()
    session.check_page()

    # IT's link, opened before signing in: the sign-in page, then the enrolment.
    _link, url = enrolment_link_issue(user=partner)
    path = re.sub(r"^https?://[^/]+", "", url)
    page = session.visit(path)
    expect(page).to_have_url(re.compile(r"/connexion/\?next="))
    page.get_by_label("Nom d'utilisateur").fill(partner.username)
    page.get_by_label("Mot de passe").fill(PASSWORD)
    page.get_by_role("button", name="Se connecter").click()
    session.check_page()
    expect(page).to_have_url(re.compile(r"/compte/deux-etapes/activer/$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Activer la vérification en deux étapes")
    session.enrol_second_factor()
    expect(page).to_have_url(re.compile(r"/portail/$"))

    # Spent: the same link now says so, in French.
    page = session.visit(path, status=404)
    expect(page.get_by_role("alert")).to_contain_text("Ce lien d'activation n'est plus valide")
