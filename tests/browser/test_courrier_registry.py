"""The mail room at work on the registry: a letter's receipt date cannot be tomorrow, nor move
to another year than its number's once corrected; a sender's postal address is entered on
their contact card, its postal code checked; an outgoing letter's page says who handled it,
never that it was routed and not routed at once."""

from datetime import date, timedelta

from django.utils import timezone
from playwright.sync_api import expect

from courrier import services
from courrier.models import Contact, MailItem
from opq_intranet.accounts.roles import Role
from opq_intranet.core.models import OrgUnit
from tests.courrier.factories import ContactFactory
from tests.factories import UserFactory


def test_dates_corrections_addresses_and_an_outgoing_letter(new_session):
    clerk = UserFactory(
        roles=[Role.STAFF, Role.MAIL], org_unit=OrgUnit.objects.get(code="dso"), first_name="Nathalie", last_name="Roy"
    )
    today = timezone.localdate()
    session = new_session()
    session.sign_in(clerk.username)

    # A receipt date in the future is refused, in French; nothing is registered, no number taken.
    page = session.visit("/courrier/registre/enregistrer/")
    page.get_by_label("Reçu le").fill((today + timedelta(days=1)).isoformat())
    page.get_by_label("ou un nouveau contact : nom").fill("Jeanne Bouchard")
    page.get_by_label("Objet").fill("Demande d'avis sur l'inscription")
    page.get_by_role("button", name="Enregistrer", exact=True).click()
    session.check_refused_form()
    expect(page.locator("main")).to_contain_text("La date ne peut pas être postérieure à aujourd’hui.")
    assert not MailItem.objects.exists()
    page.get_by_label("Reçu le").fill(today.isoformat())
    page.get_by_role("button", name="Enregistrer", exact=True).click()
    session.check_page()
    item = MailItem.objects.get()
    assert item.reference == f"E{today.year}-00001"

    # A correction within the year says its changes are saved; into another year, it is refused.
    page.get_by_role("link", name="Corriger").click()
    session.check_page()
    page.get_by_label("Reçu le").fill(date(today.year - 1, 12, 31).isoformat())
    page.get_by_role("button", name="Enregistrer", exact=True).click()
    session.check_refused_form()
    expect(page.locator("main")).to_contain_text(
        f"Le numéro {item.reference} appartient à l’année {today.year} : la date de réception reste en {today.year}."
    )
    page.get_by_label("Reçu le").fill(date(today.year, 1, 2).isoformat())
    page.get_by_label("Objet").fill("Demande d'avis sur l'inscription au tableau")
    page.get_by_role("button", name="Enregistrer", exact=True).click()
    session.check_page()
    expect(page.get_by_role("alert").first).to_contain_text(f"Les modifications de {item.reference} sont enregistrées.")
    item.refresh_from_db()
    assert (item.reference, item.received_on) == (f"E{today.year}-00001", date(today.year, 1, 2))

    # The sender's address, on her contact card: a postal code that is not Canadian is refused.
    page.get_by_role("link", name="Jeanne Bouchard").click()
    session.check_page()
    page.get_by_role("link", name="Modifier").click()
    session.check_page()
    page.get_by_label("Adresse (numéro et rue)").fill("1234, rue Saint-Denis\nbureau 200")
    page.get_by_label("Ville").fill("Montréal")
    page.get_by_label("Province").select_option(label="Québec")
    page.get_by_label("Code postal").fill("12345")
    page.get_by_role("button", name="Enregistrer").click()
    session.check_refused_form()
    expect(page.locator("main")).to_contain_text("Indiquez un code postal canadien, par exemple H2X 1Y4.")
    assert Contact.objects.get(name="Jeanne Bouchard").city == ""
    page.get_by_label("Code postal").fill("h2x1y4")
    page.get_by_role("button", name="Enregistrer").click()
    session.check_page()
    expect(page.locator("main")).to_contain_text("Montréal (Québec) H2X 1Y4")

    # An outgoing letter registered by the mail room: no routing, and the page says nothing of it.
    sent = services.mail_register(
        item=MailItem(direction="outgoing", sent_on=today, contact=ContactFactory(), subject="Avis de convocation"),
        user=clerk,
    )
    page = session.visit(sent.get_absolute_url())
    main = page.locator("main")
    expect(main).not_to_contain_text("Acheminé à")
    expect(main).not_to_contain_text("Pas encore acheminé")
    expect(page.get_by_role("button", name="Acheminer")).to_have_count(0)
