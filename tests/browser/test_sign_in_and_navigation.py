"""A staff member signs in, finds their way with the keyboard and the mouse, and signs out."""

import re

from playwright.sync_api import expect

from opq_intranet.accounts.roles import Role
from tests.factories import UserFactory


def test_the_login_page_is_in_french(session):
    page = session.visit("/")
    expect(page).to_have_url(re.compile(r"/connexion/\?next=%2F$"))
    expect(page.locator("html")).to_have_attribute("lang", "fr-CA")
    expect(page.get_by_role("heading", level=1)).to_have_text("Se connecter")
    expect(page.get_by_role("link", name="Mot de passe oublié?")).to_be_visible()


def test_a_wrong_password_is_refused_with_a_french_message(session):
    user = UserFactory(roles=[Role.STAFF])
    page = session.sign_in(user.username, password="pas-le-bon")
    expect(page).to_have_url(re.compile(r"/connexion/"))
    expect(page.get_by_role("alert")).to_contain_text("Saisissez un nom d’utilisateur et un mot de passe valides")


def test_staff_navigate_by_keyboard_and_mouse(session):
    user = UserFactory(roles=[Role.STAFF, Role.RECORDS], first_name="Sylvie")
    page = session.sign_in(user.username)
    expect(page.get_by_role("heading", level=1)).to_have_text("Mon travail")
    menu = page.get_by_role("navigation", name="Navigation principale")
    expect(menu.get_by_role("link", name="Documents")).to_be_visible()
    expect(menu.get_by_role("link", name="Courrier et mandats")).to_be_visible()
    expect(menu.get_by_role("link", name="BDSP")).to_have_count(0)
    expect(menu.get_by_role("link", name="Inventaire")).to_have_count(0)

    # The first Tab reaches the skip link; Enter moves the focus to the main content.
    page.keyboard.press("Tab")
    expect(page.get_by_role("link", name="Passer au contenu principal")).to_be_focused()
    page.keyboard.press("Enter")
    expect(page.locator("main")).to_be_focused()

    # The Reference menu opens from the keyboard.
    page.locator("#reference-menu").focus()
    page.keyboard.press("Enter")
    orders = page.get_by_role("link", name="Ordres professionnels")
    expect(orders).to_be_visible()
    orders.focus()
    page.keyboard.press("Enter")
    page.wait_for_url("**/ordres/")
    session.check_page()
    expect(page.get_by_role("heading", level=1)).to_have_text("Ordres professionnels")

    # Filter the list by typing, without accents, and submit with Enter.
    page.get_by_label("Rechercher", exact=True).fill("ingenieurs")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"q=ingenieurs"))
    session.check_page()
    rows = page.locator("table tbody tr")
    expect(rows).to_have_count(2)
    page.get_by_role("link", name="Ordre des ingénieurs du Québec").click()
    session.check_page()
    expect(page.get_by_role("heading", level=1)).to_have_text("Ordre des ingénieurs du Québec")
    expect(page.get_by_role("heading", name="Modifications récentes")).to_be_visible()

    page.get_by_role("navigation", name="Fil d'Ariane").get_by_role("link", name="Ordres professionnels").click()
    session.check_page()
    session.sign_out()
    expect(page.get_by_role("heading", level=1)).to_have_text("Se connecter")


def test_staff_without_the_role_see_a_clear_refusal(session):
    user = UserFactory(roles=[Role.STAFF])
    session.sign_in(user.username)
    page = session.visit("/bdsp/", status=403)
    expect(page.get_by_role("heading", level=1)).to_have_text("Accès refusé")


def test_a_missing_page_is_accessible(session):
    user = UserFactory(roles=[Role.STAFF])
    session.sign_in(user.username)
    page = session.visit("/ordres/999999/", status=404)
    expect(page.get_by_role("heading", level=1)).to_have_text("Page introuvable")


def test_switching_to_english_and_back(session):
    user = UserFactory(roles=[Role.STAFF])
    page = session.sign_in(user.username)
    page.get_by_role("button", name="English").click()
    session.check_page()
    expect(page.locator("html")).to_have_attribute("lang", "en")
    expect(page.get_by_role("heading", level=1)).to_have_text("My work")
    page.get_by_role("button", name="Français").click()
    session.check_page()
    expect(page.get_by_role("heading", level=1)).to_have_text("Mon travail")
