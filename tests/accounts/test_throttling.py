"""Limits that every worker shares (the cache is in PostgreSQL): password reset emails per
address and per source address, failed sign-ins per source address across usernames."""

import html

import pytest
from django.conf import settings
from django.core import mail
from django.core.cache import caches

from opq_intranet.accounts.throttling import client_ip
from tests.factories import PASSWORD, UserFactory

pytestmark = pytest.mark.django_db

RESET = "/mot-de-passe-oublie/"
DONE = "/mot-de-passe-oublie/envoye/"


def reset(client, email, ip="198.51.100.7"):
    return client.post(RESET, {"email": email}, REMOTE_ADDR=ip)


# --- The shared cache -----------------------------------------------------------------------------


def test_the_cache_is_in_the_database_that_every_worker_shares():
    assert settings.CACHES["default"]["BACKEND"] == "django.core.cache.backends.db.DatabaseCache"
    # Two workers hold two cache clients: what one writes, the other reads.
    first, second = caches.create_connection("default"), caches.create_connection("default")
    first.set("opq-test-shared", 42)
    assert second.get("opq-test-shared") == 42


# --- Password reset -------------------------------------------------------------------------------


def test_one_address_gets_at_most_three_emails_an_hour_and_the_page_says_the_same(client, staff_user):
    # 17 requests in a row, from as many addresses (so that only the per-address limit plays).
    responses = [reset(client, staff_user.email, ip=f"203.0.113.{n}") for n in range(17)]
    assert len(mail.outbox) == 3
    assert {(r.status_code, r["Location"]) for r in responses} == {(302, DONE)}


def test_the_address_limit_ignores_case(client, staff_user):
    for n, email in enumerate([staff_user.email, staff_user.email.upper(), f" {staff_user.email} ", staff_user.email]):
        reset(client, email, ip=f"203.0.113.{n}")
    assert len(mail.outbox) == 3


def test_an_unknown_address_answers_exactly_as_a_known_one(client, staff_user):
    known = [reset(client, staff_user.email, ip=f"203.0.113.{n}") for n in range(5)]
    unknown = [reset(client, "personne@inconnu.qc.ca", ip=f"203.0.114.{n}") for n in range(5)]
    assert [(r.status_code, r["Location"]) for r in known] == [(r.status_code, r["Location"]) for r in unknown]


def test_one_source_address_sends_at_most_ten_requests_an_hour(client):
    people = UserFactory.create_batch(12)
    answers = [reset(client, person.email) for person in people]
    assert len(mail.outbox) == 10
    assert all(a.status_code == 302 for a in answers[:10])
    refused = answers[10]
    assert refused.status_code == 429
    assert "Trop de demandes de réinitialisation" in html.unescape(refused.text)
    assert refused.context["form"].non_field_errors()
    # Another source address is not held back.
    assert reset(client, people[11].email, ip="192.0.2.50")["Location"] == DONE
    assert len(mail.outbox) == 11


# --- Sign-in: password spraying from one address --------------------------------------------------


WRONG = "mauvais-mot-de-passe"


def login(client, username, password=WRONG, ip="198.51.100.9"):
    return client.post("/connexion/", {"username": username, "password": password}, REMOTE_ADDR=ip)


def test_spraying_many_usernames_from_one_address_locks_that_address(client, settings):
    people = UserFactory.create_batch(30)
    statuses = [login(client, people[n % 30].username).status_code for n in range(120)]
    # Four tries per username stay under the per-username limit; the address is locked.
    assert statuses.count(429) >= 120 - settings.AXES_IP_FAILURE_LIMIT
    assert statuses[: settings.AXES_IP_FAILURE_LIMIT - 1] == [200] * (settings.AXES_IP_FAILURE_LIMIT - 1)
    # Even a right password is refused from that address, with the French lockout page...
    locked = login(client, people[0].username, password=PASSWORD)
    assert locked.status_code == 429
    assert "Trop de tentatives" in html.unescape(locked.text)
    assert "_auth_user_id" not in client.session
    # ...while the same person signs in from elsewhere.
    assert login(client, people[0].username, password=PASSWORD, ip="192.0.2.60").status_code == 302


def test_an_attackers_own_sign_in_does_not_clear_the_address(client, settings):
    people = UserFactory.create_batch(settings.AXES_IP_FAILURE_LIMIT)
    own = UserFactory()
    for person in people[:-1]:
        login(client, person.username)
    # A success from the same address between the tries (the attacker's own account).
    assert login(client, own.username, password=PASSWORD).status_code == 302
    client.logout()
    login(client, people[-1].username)
    assert login(client, people[0].username, password=PASSWORD).status_code == 429


def test_a_person_who_mistypes_a_few_times_is_not_locked(client, staff_user):
    for _ in range(3):
        login(client, staff_user.username)
    assert login(client, staff_user.username, password=PASSWORD).status_code == 302


# --- The client's address behind the reverse proxy ------------------------------------------------


def test_the_source_address_is_the_one_the_proxy_saw(rf, settings):
    request = rf.get("/", REMOTE_ADDR="10.0.0.2", HTTP_X_FORWARDED_FOR="6.6.6.6, 203.0.113.5")
    settings.PROXY_COUNT = 0
    assert client_ip(request) == "10.0.0.2"  # no proxy: the header is the client's own, ignored
    settings.PROXY_COUNT = 1
    assert client_ip(request) == "203.0.113.5"  # the address our proxy appended, not a forged one
