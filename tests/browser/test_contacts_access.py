"""A staff member reads the name of the person who wrote on an item routed to them, and has no
way into the contacts directory; the mail room has."""

from playwright.sync_api import expect

from courrier import services
from opq_intranet.accounts.roles import Role
from opq_intranet.core.models import OrgUnit
from tests.courrier.factories import ContactFactory, MailItemFactory
from tests.factories import UserFactory


def test_staff_see_the_writers_name_but_not_the_directory(new_session):
    legal = OrgUnit.objects.get(code="daj")
    clerk = UserFactory(roles=[Role.STAFF, Role.MAIL], first_name="Nathalie", last_name="Roy")
    lawyer = UserFactory(roles=[Role.STAFF], org_unit=legal, first_name="Louise", last_name="Lavoie")
    applicant = ContactFactory(name="Jeanne Requérante", email="jeanne@example.qc.ca")
    item = MailItemFactory(contact=applicant, registered_by=clerk, subject="Demande de renseignements")
    services.mail_route(item=item, user=clerk, unit=legal, assignee=lawyer)

    session = new_session()
    session.sign_in(lawyer.username)
    page = session.visit(item.get_absolute_url())
    expect(page.locator("main")).to_contain_text("Jeanne Requérante")
    expect(page.locator("main").get_by_role("link", name="Jeanne Requérante")).to_have_count(0)
    app_menu = page.get_by_role("navigation", name="Courrier et mandats")
    expect(app_menu.get_by_role("link", name="Contacts")).to_have_count(0)
    page = session.visit("/courrier/contacts/", status=403)
    expect(page.get_by_role("heading", level=1)).to_have_text("Accès refusé")

    room = new_session()
    room.sign_in(clerk.username)
    page = room.visit(item.get_absolute_url())
    page.locator("main").get_by_role("link", name="Jeanne Requérante").click()
    room.check_page()
    expect(page.get_by_role("heading", level=1)).to_have_text("Jeanne Requérante")
