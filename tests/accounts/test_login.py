"""Signing in: password, throttling, where people land, idle timeout, password reset."""

import re
import time

import pytest
from django.core import mail

from opq_intranet.accounts.middleware import LAST_ACTIVITY_KEY
from tests.factories import PASSWORD

pytestmark = pytest.mark.django_db


def login(client, username, password=PASSWORD, next_url=""):
    return client.post("/connexion/", {"username": username, "password": password, "next": next_url})


def test_login_page_is_french_by_default(client):
    response = client.get("/connexion/")
    assert response.status_code == 200
    assert response.headers["Content-Language"] == "fr-ca"
    assert '<html lang="fr-CA">' in response.text


def test_staff_lands_on_the_dashboard(client, staff_user):
    response = login(client, staff_user.username)
    assert response.status_code == 302
    assert response["Location"] == "/connexion/suite/"
    assert client.get("/connexion/suite/")["Location"] == "/"
    assert client.get("/").status_code == 200


def test_staff_goes_back_to_the_page_they_asked_for(client, staff_user):
    response = login(client, staff_user.username, next_url="/ordres/")
    assert response["Location"] == "/ordres/"


def test_login_refuses_an_external_next(client, staff_user):
    response = login(client, staff_user.username, next_url="https://evil.example.com/")
    assert response["Location"] == "/connexion/suite/"


def test_partner_is_asked_to_enrol_a_second_factor(client, partner_user):
    login(client, partner_user.username)
    response = client.get("/connexion/suite/")
    assert response["Location"] == "/compte/deux-etapes/activer/"


def test_wrong_password_shows_an_error_and_signs_nobody_in(client, staff_user):
    response = login(client, staff_user.username, password="mauvais")
    assert response.status_code == 200
    assert response.context["form"].errors
    assert "_auth_user_id" not in client.session


def test_five_failures_lock_the_account_for_this_address(client, staff_user, settings):
    for _ in range(settings.AXES_FAILURE_LIMIT):
        login(client, staff_user.username, password="mauvais")
    # Even the right password is refused while locked out.
    response = login(client, staff_user.username)
    assert response.status_code == 429
    assert "_auth_user_id" not in client.session


def test_inactive_account_cannot_sign_in(client, staff_user):
    staff_user.is_active = False
    staff_user.save()
    response = login(client, staff_user.username)
    assert response.status_code == 200
    assert "_auth_user_id" not in client.session


def test_logout_needs_post_and_ends_the_session(make_client, staff_user):
    client = make_client(staff_user)
    assert client.get("/deconnexion/").status_code == 405
    response = client.post("/deconnexion/")
    assert response.status_code == 302
    assert client.get("/")["Location"].startswith("/connexion/")


def test_idle_session_expires(make_client, staff_user, settings):
    client = make_client(staff_user)
    assert client.get("/").status_code == 200
    session = client.session
    session[LAST_ACTIVITY_KEY] = int(time.time()) - settings.SESSION_IDLE_TIMEOUT - 5
    session.save()
    response = client.get("/")
    assert response.status_code == 302
    assert response["Location"].startswith("/connexion/")
    # The login page says why.
    assert client.get("/connexion/").context["session_expired"] is True


def test_activity_keeps_the_session_alive(make_client, staff_user, settings):
    client = make_client(staff_user)
    session = client.session
    session[LAST_ACTIVITY_KEY] = int(time.time()) - settings.SESSION_IDLE_TIMEOUT + 60
    session.save()
    assert client.get("/").status_code == 200
    # The clock restarted: the stored activity time is now.
    assert client.session[LAST_ACTIVITY_KEY] >= int(time.time()) - 2


def test_password_reset_sends_a_link_that_works(client, staff_user):
    response = client.post("/mot-de-passe-oublie/", {"email": staff_user.email})
    assert response["Location"] == "/mot-de-passe-oublie/envoye/"
    assert len(mail.outbox) == 1
    link = re.search(r"http://testserver(/mot-de-passe-oublie/\S+/)", mail.outbox[0].body).group(1)
    form_url = client.get(link)["Location"]  # Django moves the token into the session
    new_password = "un-nouveau-mot-de-passe-2026"
    response = client.post(form_url, {"new_password1": new_password, "new_password2": new_password})
    assert response["Location"] == "/mot-de-passe-oublie/termine/"
    staff_user.refresh_from_db()
    assert staff_user.check_password(new_password)


def test_password_reset_for_an_unknown_address_says_the_same_and_sends_nothing(client):
    response = client.post("/mot-de-passe-oublie/", {"email": "personne@inconnu.qc.ca"})
    assert response["Location"] == "/mot-de-passe-oublie/envoye/"
    assert mail.outbox == []


def test_password_change_rejects_a_weak_password(make_client, staff_user):
    client = make_client(staff_user)
    response = client.post(
        "/compte/mot-de-passe/",
        {"old_password": PASSWORD, "new_password1": "123", "new_password2": "123"},
    )
    assert response.status_code == 200
    assert response.context["form"].errors["new_password2"]
    staff_user.refresh_from_db()
    assert staff_user.check_password(PASSWORD)


def test_an_english_browser_still_gets_french(client):
    response = client.get("/connexion/", HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9")
    assert response.headers["Content-Language"] == "fr-ca"
    assert "<h1" in response.text and "Se connecter" in response.text


def test_english_is_an_explicit_choice_that_sticks(client):
    response = client.post("/langue/", {"language": "en", "next": "/connexion/"})
    assert response.status_code == 302
    response = client.get("/connexion/")
    assert response.headers["Content-Language"] == "en"
    assert "Sign in" in response.text
    client.post("/langue/", {"language": "fr-ca", "next": "/connexion/"})
    assert client.get("/connexion/").headers["Content-Language"] == "fr-ca"
