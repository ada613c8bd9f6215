"""The records manager builds the schedule and the plan: a rule with its periods, a class under it."""

import re

from playwright.sync_api import expect

from opq_intranet.accounts.roles import Role
from tests.factories import UserFactory


def test_a_rule_and_a_class_built_by_the_records_manager(session):
    manager = UserFactory(roles=[Role.STAFF, Role.RECORDS])
    session.sign_in(manager.username)
    page = session.visit("/documents/")
    page.get_by_role("link", name="Calendrier de conservation").first.click()
    session.check_page()

    # A rule: principal paper copy 2 years active from closing, 5 semi-active, kept (C).
    page.get_by_role("link", name="Nouvelle règle de conservation").click()
    session.check_page()
    page.get_by_label("Numéro de la règle").fill("03-200")
    page.get_by_label("Titre").fill("Dossiers des plaintes")
    page.get_by_label("Direction des affaires juridiques").check()
    first = page.get_by_role("group", name="Règle d’exemplaire 1")
    first.get_by_label("Exemplaire").select_option(label="Exemplaire principal")
    first.get_by_label("Support").select_option(label="Papier")
    first.get_by_label("Période active").fill("2")
    first.get_by_label("Période semi-active").fill("5")
    first.get_by_label("Disposition finale").select_option(label="C – Conservation permanente (versement à BAnQ)")
    # A wrong period first: refused with its reason, then corrected.
    first.get_by_label("Période active").fill("150")
    page.get_by_role("button", name="Enregistrer").click()
    session.check_refused_form()
    expect(page.locator("main")).to_contain_text("Une période est un nombre d’années de 0 à 99")
    first = page.get_by_role("group", name="Règle d’exemplaire 1")
    first.get_by_label("Période active").fill("2")
    page.get_by_role("button", name="Enregistrer").click()
    session.check_page()
    expect(page.get_by_role("alert").first).to_contain_text("La règle 03-200 est enregistrée.")

    # A class that takes the rule, and a subclass that inherits it.
    page = session.visit("/documents/plan/")
    page.get_by_role("link", name="Nouvelle classe").click()
    session.check_page()
    page.get_by_label("Code").fill("3000")
    page.get_by_label("Titre").fill("Plaintes et signalements")
    page.get_by_label("Règle de conservation").select_option(label="03-200 – Dossiers des plaintes")
    page.get_by_role("button", name="Enregistrer").click()
    session.check_page()
    page.get_by_role("link", name="Ajouter une sous-classe").click()
    session.check_page()
    page.get_by_label("Code").fill("3100")
    page.get_by_label("Titre").fill("Plaintes du public")
    page.get_by_label("Mots-clés").fill("signalement citoyen")
    page.get_by_role("button", name="Enregistrer").click()
    session.check_page()
    expect(page.locator("main")).to_contain_text("héritée de la classe 3000")

    # The tree finds it by a keyword, under its parent.
    page = session.visit("/documents/plan/")
    page.get_by_label("Trouver une classe (code, titre, mot-clé)").fill("citoyen")
    page.get_by_label("Trouver une classe (code, titre, mot-clé)").press("Enter")
    session.check_page()
    tree = page.locator(".plan-tree")
    expect(tree).to_contain_text("3000 Plaintes et signalements")
    expect(tree).to_contain_text(re.compile(r"3100 Plaintes du public.*règle 03-200 \(héritée\)"))


def test_the_plan_opens_collapsed_and_unfolds_with_the_keyboard(session):
    from tests.documents.factories import RecordClassFactory

    root = RecordClassFactory(code="1000", title="Administration")
    middle = RecordClassFactory(code="1100", title="Gestion du personnel", parent=root)
    RecordClassFactory(code="1110", title="Dossiers des employés", parent=middle)
    RecordClassFactory(code="2000", title="Affaires juridiques")
    session.sign_in(UserFactory(roles=[Role.STAFF]).username)
    page = session.visit("/documents/plan/")
    tree = page.locator(".plan-tree")
    expect(tree.get_by_role("link", name="1000 Administration")).to_be_visible()
    expect(tree.get_by_role("link", name="2000 Affaires juridiques")).to_be_visible()
    expect(tree.get_by_role("link", name="1100 Gestion du personnel")).to_be_hidden()

    # With the keyboard only: the class's link, then its toggle, which opens one level.
    tree.get_by_role("link", name="1000 Administration").focus()
    page.keyboard.press("Tab")
    toggle = page.locator(":focus")
    expect(toggle).to_have_text(re.compile(r"1 sous-classe"))
    page.keyboard.press("Enter")
    expect(tree.get_by_role("link", name="1100 Gestion du personnel")).to_be_visible()
    expect(tree.get_by_role("link", name="1110 Dossiers des employés")).to_be_hidden()
    session.check_page()

    # The page stays short: the first level only, until asked.
    height = page.evaluate("document.documentElement.scrollHeight")
    assert height < 2000, height
    page.get_by_role("link", name="Tout déplier").click()
    session.check_page()
    expect(tree.get_by_role("link", name="1110 Dossiers des employés")).to_be_visible()
