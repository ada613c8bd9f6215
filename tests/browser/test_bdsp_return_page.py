"""The return page in a browser that enforces the site's Content-Security-Policy, as the
orders' and the Office's browsers do: no style or script the policy refuses (style-src 'self'),
a refused document said next to the attachment form, in plain French; and the portal's home
starts the year's return."""

import re

import pytest
from playwright.sync_api import expect

from bdsp import services
from opq_intranet.accounts.roles import Role
from tests.bdsp.conftest import a_clean_return_entries
from tests.factories import PartnerFactory, UserFactory, order

# A Windows program renamed as a PDF: what an order's clerk might send by mistake.
PROGRAM = b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff\x00\x00" + b"\x00" * 48 + b"PE\x00\x00" + b"\x00" * 400


@pytest.fixture
def policy_session(new_session):
    """The shared browser session (the site's CSP in force, every refusal an error), at the
    width the top bar is checked on one line with every role (README, Navigation)."""

    def open_session():
        session = new_session()
        session.page.set_viewport_size({"width": 1366, "height": 900})
        return session

    return open_session


def test_the_csp_can_refuse_an_inline_style(policy_session):
    """The check itself can fail: an inline style on a page of the site is refused and reported."""
    session = policy_session()
    session.visit("/connexion/")
    session.page.evaluate("document.body.insertAdjacentHTML('beforeend', '<p style=\"color: red\">x</p>')")
    session.page.wait_for_timeout(200)
    assert any("style" in refusal for refusal in session.refusals), session.refusals
    session.errors.clear()


def a_year_with_returns():
    analyst = UserFactory(roles=[Role.STAFF, Role.BDSP_ANALYST])
    filer = PartnerFactory(roles=[Role.ORDER_DECLARANT], professional_order=order("infirmieres"))
    year = services.form_open(reporting_year=services.form_create_from_regulation(year=2025), user=analyst)
    draft = services.return_start(order=filer.professional_order, reporting_year=year, user=filer)
    services.return_save_values(annual_return=draft, user=filer, entries=a_clean_return_entries())
    # Another order's return, submitted, with a comment: the analyst's review forms show.
    other = PartnerFactory(roles=[Role.ORDER_DECLARANT], professional_order=order("ingenieurs"))
    submitted = services.return_start(order=other.professional_order, reporting_year=year, user=other)
    services.return_save_values(annual_return=submitted, user=other, entries=a_clean_return_entries())
    from datetime import date

    services.return_save_general(
        annual_return=submitted, user=other, fiscal_year_end=date(2025, 3, 31), general_meeting_date=date(2025, 6, 5)
    )
    services.return_submit(annual_return=submitted, user=other, attestation="Jean Roy, secrétaire")
    services.comment_add(
        annual_return=submitted, user=analyst, text="Vérifiez les audiences.", indicator_code="audiences"
    )
    return analyst, filer, draft, submitted


def test_no_inline_style_on_the_return_page(policy_session):
    analyst, filer, draft, submitted = a_year_with_returns()

    order_side = policy_session()
    order_side.sign_in(filer.username)
    order_side.enrol_second_factor()
    for section in ("permis", "tableau", "discipline", "finances"):
        page = order_side.visit(f"/portail/declarations/{draft.pk}/?section={section}")
    # The autosave answers fragments that htmx swaps in: they must pass the policy too.
    page.locator("#f-revenus-").fill("530 001")
    page.locator("#f-revenus-").press("Tab")  # "change": the autosave
    expect(page.locator("#save-message")).to_contain_text("Enregistré")
    order_side.check_page()
    page.locator("#f-revenus-").fill("beaucoup")  # refused: its error is swapped in
    page.locator("#f-revenus-").press("Tab")
    expect(page.locator("#error-revenus-")).to_contain_text("Inscrivez un nombre")
    order_side.check_page()
    order_side.visit(f"/portail/declarations/{draft.pk}/transmettre/")
    order_side.visit(f"/portail/declarations/{draft.pk}/historique/")
    order_side.visit("/portail/")
    order_side.assert_no_refusal()

    office = policy_session()
    office.sign_in(analyst.username)
    for section in ("tableau", "discipline"):
        office.visit(f"/portail/declarations/{submitted.pk}/?section={section}")
    office.visit("/bdsp/statistiques/?indicator=membres-fin&category=&start=2025&end=2025")
    office.assert_no_refusal()


def test_a_refused_document_is_said_next_to_its_form_in_plain_french(policy_session, tmp_path):
    _analyst, filer, draft, _submitted = a_year_with_returns()
    session = policy_session()
    page = session.sign_in(filer.username)
    session.enrol_second_factor()
    page = session.visit(f"/portail/declarations/{draft.pk}/")
    program = tmp_path / "rapport-annuel.pdf"
    program.write_bytes(PROGRAM)
    page.get_by_label("Type de document").select_option(label="Autre document")
    page.get_by_label(re.compile(r"^Fichier")).set_input_files(str(program))
    page.get_by_role("button", name="Joindre", exact=True).click()
    session.check_refused_form()
    error = page.locator("#error-attachment-file, #attachment-file ~ .invalid-feedback").first
    expect(error).to_contain_text("Ce fichier n’est pas d’un type accepté (PDF,")
    expect(error).to_be_in_viewport()  # where the person is looking, not 1 850 px away
    expect(page.get_by_role("alert").first).to_be_in_viewport()
    expect(page.locator("main")).not_to_contain_text("application/")
    assert not draft.attachments.exists()


def test_the_portal_home_starts_the_years_return(policy_session):
    analyst = UserFactory(roles=[Role.STAFF, Role.BDSP_ANALYST])
    filer = PartnerFactory(roles=[Role.ORDER_DECLARANT], professional_order=order("infirmieres"))
    reader = PartnerFactory(roles=[Role.ORDER_READER], professional_order=order("infirmieres"))
    services.form_open(reporting_year=services.form_create_from_regulation(year=2025), user=analyst)

    viewer = policy_session()
    page = viewer.sign_in(reader.username)
    viewer.enrol_second_factor()
    expect(page.locator("main")).to_contain_text("La déclaration annuelle 2025 est ouverte.")
    expect(page.get_by_role("button", name="Commencer la déclaration 2025")).to_have_count(0)

    session = policy_session()
    page = session.sign_in(filer.username)
    session.enrol_second_factor()
    expect(page.locator("main")).to_contain_text("La déclaration annuelle 2025 est ouverte.")
    page.get_by_role("button", name="Commencer la déclaration 2025").click()
    session.check_page()
    expect(page.get_by_role("heading", level=1)).to_have_text("Déclaration annuelle 2025")
    page = session.visit("/portail/")
    page.get_by_role("link", name="Continuer la déclaration 2025").click()
    session.check_page()
    expect(page.get_by_role("heading", level=1)).to_have_text("Déclaration annuelle 2025")
