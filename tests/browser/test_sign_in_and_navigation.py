"""A staff member signs in, finds their way with the keyboard and the mouse, and signs out."""

import re

import pytest
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


def test_with_every_role_the_top_bar_holds_on_one_line_at_1366_px_and_works_on_a_phone(session):
    """Apps beyond three go in one "Applications" menu: the bar stays one line, the search
    box keeps its width; on a phone, the menu button opens the same links."""
    staff_roles = [Role.STAFF, Role.RECORDS, Role.MAIL, Role.DISCIPLINE, Role.APPOINTMENTS, Role.BDSP_ANALYST]
    user = UserFactory(
        roles=[*staff_roles, Role.INVENTORY, Role.IT_ADMIN], first_name="Geneviève", last_name="Desrosiers-Bélanger"
    )
    page = session.sign_in(user.username)
    page.set_viewport_size({"width": 1366, "height": 768})
    bar = page.get_by_role("navigation", name="Navigation principale")
    tops = [
        bar.get_by_role("link", name="Mon travail").bounding_box()["y"],
        page.locator("#apps-menu").bounding_box()["y"],
        page.locator("#reference-menu").bounding_box()["y"],
        page.locator("#user-menu").bounding_box()["y"],
        page.locator("#global-search").bounding_box()["y"],
    ]
    assert max(tops) - min(tops) < 12, tops  # one line
    assert bar.bounding_box()["height"] < 80
    assert page.locator("#global-search").bounding_box()["width"] >= 150

    page.locator("#apps-menu").focus()
    page.keyboard.press("Enter")
    page.get_by_role("link", name="Courrier et mandats").click()
    page.wait_for_url("**/courrier/**")
    session.check_page()
    expect(page.locator("#apps-menu")).to_contain_text("Courrier et mandats")  # where the person is

    page.set_viewport_size({"width": 390, "height": 844})
    toggler = page.get_by_role("button", name="Afficher ou masquer le menu")
    expect(toggler).to_be_visible()
    toggler.click()
    page.locator("#apps-menu").click()
    expect(page.get_by_role("link", name="Documents")).to_be_visible()
    session.check_page()


def test_a_form_page_opens_with_the_cursor_in_its_first_field(session):
    user = UserFactory(roles=[Role.STAFF])
    session.sign_in(user.username)
    page = session.visit("/courrier/mandats/nouveau/")
    page.keyboard.type("Avis sur le projet de règlement")  # no Tab first
    expect(page.get_by_label("Titre")).to_have_value("Avis sur le projet de règlement")


THREE_APPS = [Role.STAFF, Role.BDSP_ANALYST]  # Documents, Courrier et mandats, BDSP: all in the bar
EVERY_ROLE = [
    Role.STAFF, Role.RECORDS, Role.MAIL, Role.DISCIPLINE, Role.APPOINTMENTS,
    Role.BDSP_ANALYST, Role.INVENTORY, Role.IT_ADMIN,
]  # fmt: skip


@pytest.mark.parametrize("width", [1200, 1280, 1366])
@pytest.mark.parametrize("roles", [THREE_APPS, EVERY_ROLE], ids=["three apps", "every role"])
def test_the_top_bar_fits_its_width_on_one_line(session, width, roles):
    """From 1 200 px the bar is laid out in one line; nothing runs past the window's edge,
    whatever the roles and however long the person's name."""
    user = UserFactory(roles=roles, first_name="Marie-Geneviève", last_name="Desrosiers-Bélanger-Tremblay")
    page = session.sign_in(user.username)
    page.set_viewport_size({"width": width, "height": 800})
    page.wait_for_timeout(100)
    bar = page.get_by_role("navigation", name="Navigation principale")
    assert bar.bounding_box()["height"] < 80
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    language = page.get_by_role("button", name="English").bounding_box()
    assert language["x"] + language["width"] <= width
    assert page.locator("#global-search").bounding_box()["width"] >= (96 if width < 1280 else 120)  # was 30 px
    session.check_page()
