"""Where people land after signing in, and where the "access denied" page sends them.

The second factor comes before any access decision; a `next` the person may not open sends
them to their own home (one function: `opq_intranet.accounts.landing.home_url`).
"""

import re

import pytest
from django.urls import reverse
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from opq_intranet.accounts.landing import home_url
from opq_intranet.accounts.roles import Role
from tests.factories import PASSWORD, PartnerFactory, UserFactory, order

pytestmark = pytest.mark.django_db

NO_APP = "/compte/aucune-application/"


def login(client, username, next_url):
    return client.post("/connexion/", {"username": username, "password": PASSWORD, "next": next_url})


def current_code(device):
    return f"{totp(device.bin_key, step=device.step, t0=device.t0, digits=device.digits):06d}"


def home_link(response):
    """The href of the "Back to the home page" link of a 403 page."""
    match = re.search(r'<a href="([^"]*)"[^>]*>Retour à l', response.text)
    assert match, response.text
    return match.group(1)


def test_a_partner_who_opened_the_staff_home_gets_the_second_factor_first(client, partner_user):
    assert client.get("/")["Location"] == "/connexion/?next=%2F"
    response = login(client, partner_user.username, "/")
    assert response.status_code == 302
    assert response["Location"].startswith("/compte/deux-etapes/activer/"), response["Location"]
    client.get(response["Location"])
    device = TOTPDevice.objects.get(user=partner_user, confirmed=False)
    response = client.post(response["Location"], {"token": current_code(device)})
    # The recovery codes' "continue" leads to the portal, never to the staff page.
    assert response.status_code == 200
    assert response.context["next_url"] == "/portail/"
    assert client.get("/portail/").status_code == 200


def test_a_partner_with_a_device_verifies_then_lands_on_the_portal(client, partner_user):
    device = TOTPDevice.objects.create(user=partner_user, name="TOTP", confirmed=True)
    response = login(client, partner_user.username, "/ordres/")
    assert response["Location"].startswith("/compte/deux-etapes/verifier/")
    response = client.post(response["Location"], {"token": current_code(device)})
    assert response["Location"] == "/portail/"


def test_an_unverified_partner_on_a_staff_url_is_asked_for_the_second_factor_not_refused(make_client, partner_user):
    response = make_client(partner_user, verified=False).get("/")
    assert response.status_code == 302
    assert response["Location"].startswith("/compte/deux-etapes/activer/")


def test_staff_without_a_role_land_on_a_page_that_says_whom_to_ask(client, staff_without_role):
    it = UserFactory(roles=[Role.STAFF, Role.IT_ADMIN], first_name="Louis", last_name="Bergeron")
    response = login(client, staff_without_role.username, "/")
    assert response["Location"] == NO_APP
    page = client.get(NO_APP)
    assert page.status_code == 200
    assert "Votre compte ne donne encore accès à aucune application" in page.text
    assert "Louis Bergeron" in page.text and it.email in page.text


def test_a_next_the_person_may_not_open_sends_staff_to_mon_travail(client, staff_user):
    assert login(client, staff_user.username, "/bdsp/")["Location"] == "/"


def test_a_next_the_person_may_open_is_kept(client, staff_user):
    assert login(client, staff_user.username, "/ordres/?page=2")["Location"] == "/ordres/?page=2"


def test_an_unknown_next_sends_the_person_home(client, staff_user):
    assert login(client, staff_user.username, "/nulle-part/")["Location"] == "/"


@pytest.mark.parametrize(
    ("person", "home"),
    [("partner_user", "/portail/"), ("staff_without_role", NO_APP), ("staff_user", "/")],
)
def test_the_403_page_links_to_a_home_the_person_may_open(request, make_client, person, home):
    user = request.getfixturevalue(person)
    client = make_client(user)
    refused = client.get("/bdsp/")
    assert refused.status_code == 403
    link = home_link(refused)
    assert link == home == home_url(user)
    assert client.get(link).status_code == 200


def test_a_partner_without_a_portal_role_gets_the_no_app_page(make_client):
    partner = PartnerFactory(roles=[], professional_order=order("ingenieurs"))
    assert home_url(partner) == NO_APP
    assert make_client(partner).get(NO_APP).status_code == 200


def test_after_login_without_next_sends_each_person_home(make_client, partner_user, staff_without_role):
    assert make_client(partner_user).get(reverse("accounts:after_login"))["Location"] == "/portail/"
    assert make_client(staff_without_role).get(reverse("accounts:after_login"))["Location"] == NO_APP
