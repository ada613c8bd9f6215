"""A professional order's user signs in for the first time: enrols an app, then uses it."""

import re

from playwright.sync_api import expect

from opq_intranet.accounts.roles import Role
from tests.browser.pages import totp_code
from tests.factories import PartnerFactory, order

# After a wrong code, django-otp refuses any code for one second (then 2, 4, 8…).
THROTTLE_MS = 1100


def enrol(session, partner):
    page = session.sign_in(partner.username)
    expect(page).to_have_url(re.compile(r"/compte/deux-etapes/activer/"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Activer la vérification en deux étapes")
    expect(page.get_by_alt_text("Code QR pour ajouter votre compte à l'application d'authentification")).to_be_visible()
    secret = page.get_by_test_id("otp-secret").inner_text()
    assert re.fullmatch(r"([A-Z2-7]{4} ?)+", secret.strip()), secret

    # A wrong code first: a clear French error, nothing activated.
    page.get_by_label("Code").fill("000000")
    page.get_by_role("button", name="Activer").click()
    session.check_page()
    expect(page.get_by_role("alert")).to_contain_text("Ce code n'est pas valide")
    page.wait_for_timeout(THROTTLE_MS)

    page.get_by_label("Code").fill(totp_code(secret))
    page.get_by_role("button", name="Activer").click()
    session.check_page()
    expect(page.get_by_role("heading", level=1)).to_have_text("Vos codes de récupération")
    codes = page.get_by_test_id("recovery-codes").locator("li")
    expect(codes).to_have_count(10)
    recovery = codes.first.inner_text()
    page.get_by_role("link", name="Je les ai conservés, continuer").click()
    session.check_page()
    return secret, recovery


def test_partner_enrols_then_signs_in_with_the_app(session):
    partner = PartnerFactory(roles=[Role.ORDER_DECLARANT], professional_order=order("infirmieres"))
    secret, _recovery = enrol(session, partner)
    page = session.page
    expect(page).to_have_url(re.compile(r"/portail/$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Portail des ordres professionnels")
    expect(page.locator("main")).to_contain_text("Ordre des infirmières et infirmiers du Québec")

    # The staff intranet stays closed to a partner.
    page = session.visit("/ordres/", status=403)
    expect(page.get_by_role("heading", level=1)).to_have_text("Accès refusé")

    # Next time, the password is followed by the app's code.
    session.visit("/portail/")
    session.sign_out()
    page = session.sign_in(partner.username)
    expect(page).to_have_url(re.compile(r"/compte/deux-etapes/verifier/"))
    page.get_by_label("Code").fill("123456")
    page.get_by_role("button", name="Vérifier").click()
    session.check_page()
    expect(page.get_by_role("alert")).to_contain_text("Ce code n'est pas valide ou a déjà été utilisé")
    page.wait_for_timeout(THROTTLE_MS)
    page.get_by_label("Code").fill(totp_code(secret, steps_ahead=1))
    page.get_by_role("button", name="Vérifier").click()
    session.check_page()
    expect(page).to_have_url(re.compile(r"/portail/$"))


def test_partner_signs_in_with_a_recovery_code(session):
    partner = PartnerFactory(roles=[Role.ORDER_READER], professional_order=order("ingenieurs"))
    _secret, recovery = enrol(session, partner)
    session.sign_out()
    page = session.sign_in(partner.username)
    page.get_by_label("Code").fill(recovery)
    page.get_by_role("button", name="Vérifier").click()
    session.check_page()
    expect(page.locator("main")).to_contain_text("Ordre des ingénieurs du Québec")
