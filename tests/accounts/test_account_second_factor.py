"""The account pages need the second factor; a first device of an account marked by IT
(and of every account with admin rights) comes only with a one-time link that IT issues."""

import html
import io
import re
from datetime import timedelta

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from opq_intranet.accounts import enrolment
from opq_intranet.accounts.models import EnrolmentLink
from opq_intranet.accounts.roles import Role
from tests.factories import PASSWORD, PartnerFactory, UserFactory, order

pytestmark = pytest.mark.django_db

SETUP = "/compte/deux-etapes/activer/"


def current_code(device):
    return f"{totp(device.bin_key, step=device.step, t0=device.t0, digits=device.digits):06d}"


@pytest.fixture
def marked_partner(db):
    """A partner whose first device IT issues."""
    return PartnerFactory(
        roles=[Role.ORDER_DECLARANT], professional_order=order("infirmieres"), second_factor_from_it=True
    )


# --- Account pages before the second factor -----------------------------------------------------


@pytest.mark.parametrize("url", ["/compte/", "/compte/mot-de-passe/", "/compte/mot-de-passe/modifie/"])
def test_a_partner_with_the_password_only_is_asked_for_the_second_factor(make_client, partner_user, url):
    response = make_client(partner_user, verified=False).get(url)
    assert response.status_code == 302
    assert response["Location"].startswith("/compte/deux-etapes/")


def test_the_account_page_shows_nothing_of_the_person_before_the_second_factor(make_client, partner_user):
    response = make_client(partner_user, verified=False).get("/compte/", follow=True)
    assert partner_user.email not in response.text
    assert "Ordre des infirmières" not in response.text


def test_a_partner_with_the_password_only_cannot_change_it(make_client, partner_user):
    client = make_client(partner_user, verified=False)
    new = "un-tout-nouveau-mot-de-passe-2026"
    response = client.post(
        "/compte/mot-de-passe/", {"old_password": PASSWORD, "new_password1": new, "new_password2": new}
    )
    assert response.status_code == 302 and response["Location"].startswith("/compte/deux-etapes/")
    partner_user.refresh_from_db()
    assert partner_user.check_password(PASSWORD)


def test_a_verified_partner_changes_their_password(make_client, partner_user):
    new = "un-tout-nouveau-mot-de-passe-2026"
    response = make_client(partner_user).post(
        "/compte/mot-de-passe/", {"old_password": PASSWORD, "new_password1": new, "new_password2": new}
    )
    assert response["Location"] == "/compte/mot-de-passe/modifie/"
    partner_user.refresh_from_db()
    assert partner_user.check_password(new)


def test_staff_reach_their_account_without_a_second_factor(make_client, staff_user):
    assert make_client(staff_user, verified=False).get("/compte/").status_code == 200


def test_an_admin_account_needs_its_second_factor_for_its_account_pages(make_client, it_admin):
    response = make_client(it_admin, verified=False).get("/compte/mot-de-passe/")
    assert response["Location"].startswith("/compte/deux-etapes/")


# --- A first device issued by IT -----------------------------------------------------------------


@pytest.mark.parametrize("person", ["marked_partner", "it_admin"])
def test_a_password_alone_cannot_enrol_the_first_device_of_a_marked_account(request, make_client, person):
    user = request.getfixturevalue(person)
    client = make_client(user, verified=False)
    page = client.get(SETUP)
    assert page.status_code == 403
    assert "lien d'activation à usage unique" in html.unescape(page.text)
    assert "qr_code" not in page.context
    assert not TOTPDevice.objects.filter(user=user).exists()
    # Posting a code by hand changes nothing either.
    refused = client.post(SETUP, {"token": "123456"})
    assert refused.status_code == 403
    assert not TOTPDevice.objects.filter(user=user).exists()


def test_an_unmarked_partner_still_enrols_at_first_sign_in(make_client, partner_user):
    assert make_client(partner_user, verified=False).get(SETUP).status_code == 200


def issue(username, *hours):
    out = io.StringIO()
    call_command("issue_enrolment_link", username, *hours, stdout=out)
    link = re.search(r"https?://\S+/compte/deux-etapes/lien/(\S+)/", out.getvalue())
    assert link, out.getvalue()
    return link.group(0), link.group(1)


def path_of(url):
    return re.sub(r"^https?://[^/]+", "", url)


def test_the_link_from_it_lets_the_person_enrol_once(client, marked_partner):
    url, _token = issue(marked_partner.username)
    # Opened before signing in: the sign-in page, then straight back to the link.
    response = client.get(path_of(url))
    assert response["Location"].startswith("/connexion/?next=")
    credentials = {"username": marked_partner.username, "password": PASSWORD, "next": path_of(url)}
    response = client.post("/connexion/", credentials)
    assert response["Location"] == path_of(url)
    assert client.get(path_of(url))["Location"] == SETUP
    page = client.get(SETUP)
    assert page.status_code == 200 and page.context["qr_code"]
    device = TOTPDevice.objects.get(user=marked_partner, confirmed=False)
    done = client.post(SETUP, {"token": current_code(device)})
    assert done.status_code == 200 and len(done.context["codes"]) == 10
    assert EnrolmentLink.objects.get(user=marked_partner).used_at is not None
    assert client.get("/portail/").status_code == 200

    # The link is spent: a second use is refused with a French message, nothing changes.
    again = client.get(path_of(url))
    assert again.status_code == 404
    assert "Ce lien d'activation n'est plus valide" in html.unescape(again.text)


def test_a_link_is_personal(make_client, marked_partner, other_partner_user):
    url, _token = issue(marked_partner.username)
    client = make_client(other_partner_user, verified=False)
    assert client.get(path_of(url)).status_code == 404
    assert not EnrolmentLink.objects.filter(used_at__isnull=False).exists()


def test_an_expired_link_is_refused(make_client, marked_partner):
    url, _token = issue(marked_partner.username)
    EnrolmentLink.objects.update(expires_at=timezone.now() - timedelta(minutes=1))
    client = make_client(marked_partner, verified=False)
    assert client.get(path_of(url)).status_code == 404
    assert client.get(SETUP).status_code == 403


def test_a_new_link_replaces_the_previous_one(make_client, marked_partner):
    first, _ = issue(marked_partner.username)
    second, _ = issue(marked_partner.username)
    client = make_client(marked_partner, verified=False)
    assert client.get(path_of(first)).status_code == 404
    assert client.get(path_of(second))["Location"] == SETUP


def test_only_the_digest_of_the_link_is_stored(marked_partner):
    _url, token = issue(marked_partner.username)
    link = EnrolmentLink.objects.get()
    assert token not in link.digest
    assert enrolment.link_for_token(token) == link


def test_the_command_refuses_an_unknown_account():
    with pytest.raises(Exception, match="personne-inconnue"):
        call_command("issue_enrolment_link", "personne-inconnue", stdout=io.StringIO())


def test_it_issues_a_link_from_the_admin(make_client, it_admin, marked_partner):
    response = make_client(it_admin).post(
        reverse("admin:accounts_user_changelist"),
        {"action": "issue_enrolment_link", "_selected_action": [marked_partner.pk]},
    )
    assert response.status_code == 200
    assert re.search(r"/compte/deux-etapes/lien/[\w-]+/", response.text)
    assert response.context["qr_code"].startswith("data:image/png;base64,")
    assert EnrolmentLink.objects.filter(user=marked_partner, issued_by=it_admin).exists()


def test_admin_rights_always_mean_a_first_device_from_it(it_admin, staff_user):
    assert it_admin.first_device_from_it
    assert not staff_user.first_device_from_it
    assert UserFactory(second_factor_from_it=True).first_device_from_it
