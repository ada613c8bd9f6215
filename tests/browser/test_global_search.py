"""The top bar's search: each group loads by itself, the page says when it is done, and a
search that finds nothing says so."""

import re

from playwright.sync_api import expect

from opq_intranet.accounts.roles import Role
from tests.courrier.factories import MailItemFactory
from tests.factories import UserFactory


def search_from_the_top_bar(session, words):
    page = session.page
    page.get_by_label("Rechercher dans l'intranet").fill(words)
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/recherche/\?q="))
    groups = page.locator("[data-search-groups]")
    expect(groups).to_have_attribute("aria-busy", "false")  # every group has answered
    expect(page.locator("[data-search-pending]")).to_have_count(0)
    session.check_page()
    return page


def test_the_groups_load_their_results_and_an_empty_search_says_so(session):
    user = UserFactory(roles=[Role.STAFF])
    item = MailItemFactory(reference="E2026-00035", subject="Demande de l'Ordre des ingénieurs")
    session.sign_in(user.username)

    page = search_from_the_top_bar(session, "ingénieurs")
    orders = page.get_by_role("region", name="Ordres professionnels")
    expect(orders.get_by_role("link", name="Ordre des ingénieurs du Québec")).to_be_visible()
    expect(page.get_by_role("heading", name="Unités")).to_have_count(0)  # nothing found: nothing shown
    expect(page.get_by_text("Aucun résultat.")).to_be_hidden()

    page = search_from_the_top_bar(session, "e2026-00035")
    mail = page.get_by_role("region", name="Courrier")
    expect(mail.get_by_role("link", name=re.compile("E2026-00035"))).to_have_attribute("href", item.get_absolute_url())

    page = search_from_the_top_bar(session, "zzqqxx")
    expect(page.get_by_role("heading", level=2)).to_have_count(0)
    expect(page.get_by_text("Aucun résultat.")).to_be_visible()
