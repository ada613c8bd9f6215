"""Routing an item in the browser: the person list offers only the chosen unit's people who
can open the mail app, and follows the unit when it changes."""

from datetime import date

from playwright.sync_api import expect

from courrier import services
from courrier.models import MailItem
from opq_intranet.accounts.roles import Role
from opq_intranet.core.models import OrgUnit
from tests.courrier.factories import ContactFactory
from tests.factories import UserFactory


def test_the_person_list_follows_the_unit(new_session):
    legal, communications = OrgUnit.objects.get(code="daj"), OrgUnit.objects.get(code="dcom")
    clerk = UserFactory(roles=[Role.STAFF, Role.MAIL], org_unit=OrgUnit.objects.get(code="sgd"))
    UserFactory(roles=[Role.STAFF], org_unit=legal, first_name="Louise", last_name="Lavoie")
    UserFactory(roles=[Role.INVENTORY], org_unit=legal, first_name="Paul", last_name="Sansaccès")
    UserFactory(roles=[Role.STAFF], org_unit=communications, first_name="Marc", last_name="Gagné")
    item = services.mail_register(
        item=MailItem(direction="incoming", received_on=date(2026, 3, 2), contact=ContactFactory(), subject="Lettre"),
        user=clerk,
    )
    session = new_session()
    session.sign_in(clerk.username)
    page = session.visit(f"/courrier/registre/{item.pk}/")
    person = page.locator("select[name=assignee]")
    page.locator("select[name=unit]").select_option(label=legal.name)
    shown = person.locator("option:not([hidden])")
    expect(shown.filter(has_text="Louise Lavoie")).to_have_count(1)
    expect(shown.filter(has_text="Marc Gagné")).to_have_count(0)  # another unit's
    expect(person.locator("option", has_text="Sansaccès")).to_have_count(0)  # cannot open Courrier
    person.select_option(label=f"Louise Lavoie ({legal.name})")
    page.locator("select[name=unit]").select_option(label=communications.name)
    expect(person).to_have_value("")  # the chosen person was of the unit left
    expect(shown.filter(has_text="Marc Gagné")).to_have_count(1)
    session.check_page()
