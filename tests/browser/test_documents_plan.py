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
