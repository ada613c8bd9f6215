"""The analyst builds next year's form from last year's, without code, then opens it."""

from playwright.sync_api import expect

from bdsp import services
from bdsp.models import Indicator, ValidationRule
from opq_intranet.accounts.roles import Role
from tests.factories import UserFactory


def test_analyst_copies_adjusts_and_opens_a_form(session):
    analyst = UserFactory(roles=[Role.STAFF, Role.BDSP_ANALYST])
    services.form_create_from_regulation(year=2025)
    session.sign_in(analyst.username)

    # A copy of 2025 for 2026.
    page = session.visit("/bdsp/annees/")
    page.get_by_label("Année de déclaration").fill("2026")
    page.get_by_label("Copier le formulaire de").select_option(label="2025")
    page.get_by_role("button", name="Créer").click()
    session.check_page()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Formulaire 2026")
    expect(page.locator("main")).to_contain_text("Copié du formulaire de 2025.")

    # A new indicator in the roll's section, with a disaggregation by sex.
    page.get_by_role("link", name="Ajouter un indicateur : Tableau de l'ordre (art. 21)").click()
    session.check_page()
    page.get_by_label("Code").fill("membres-retraites")
    page.get_by_label("Libellé").fill("Membres retraités inscrits au tableau")
    page.get_by_label("Première ventilation").select_option(label="Sexe")
    page.get_by_label("Libellé").press("Enter")  # the keyboard submits the form
    session.check_page()
    expect(page.get_by_role("alert")).to_contain_text(
        "L'indicateur « Membres retraités inscrits au tableau » a été enregistré."
    )
    expect(page.locator("#i-membres-retraites")).to_contain_text("Sexe")

    # A rule that cannot work is refused on its parameter, in French; then fixed.
    page.get_by_role("link", name="Ajouter une règle de validation").click()
    session.check_page()
    page.get_by_label("Code").fill("retraites-max")
    page.get_by_label("Type de règle").select_option(label="Plage de valeurs")
    expect(page.get_by_label("Données ajoutées")).to_be_hidden()  # not a parameter of a range
    page.get_by_label("Indicateur vérifié").select_option(
        label="Membres retraités inscrits au tableau (membres-retraites)"
    )
    page.get_by_label("Gravité").select_option(label="Avertissement")
    page.get_by_label("Message affiché à l'ordre (en français)").fill("Plus de retraités que de membres : vérifiez.")
    page.get_by_label("Minimum").fill("10")
    page.get_by_label("Maximum").fill("2")
    page.get_by_role("button", name="Enregistrer").click()
    session.check_refused_form()
    expect(page.get_by_role("alert")).to_contain_text("Le maximum est inférieur au minimum.")
    assert not ValidationRule.objects.filter(code="retraites-max").exists()
    page.get_by_label("Minimum").fill("0")
    page.get_by_label("Maximum").fill("100000")
    page.get_by_role("button", name="Enregistrer").click()
    session.check_page()
    expect(page.locator("#r-retraites-max")).to_contain_text("Avertissement")

    # A used indicator cannot be deleted; an unused one can.
    page.get_by_role("link", name="Supprimer : membres-fin", exact=True).click()
    session.check_page()
    page.get_by_role("button", name="Supprimer").click()
    session.check_refused_form()  # 422: the confirmation page again, with the reason
    expect(page.get_by_role("alert")).to_contain_text("la formule de part-femmes")
    page.get_by_role("link", name="Annuler").click()  # back to the year's page
    session.check_page()
    page.get_by_role("link", name="Supprimer : appels", exact=True).click()
    page.get_by_role("button", name="Supprimer").click()
    session.check_page()
    assert not Indicator.objects.filter(reporting_year__year=2026, code="appels").exists()
    assert Indicator.objects.filter(reporting_year__year=2025, code="appels").exists()  # last year's stays

    # Opened, the form is frozen: no more editing links.
    page.get_by_role("button", name="Ouvrir la déclaration 2026 aux ordres").click()
    session.check_page()
    expect(page.get_by_role("alert")).to_contain_text("La déclaration 2026 est ouverte aux ordres.")
    expect(page.get_by_role("link", name="Ajouter une règle de validation")).to_have_count(0)
