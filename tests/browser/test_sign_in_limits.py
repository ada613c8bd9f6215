"""What a person sees when a limit holds them back: a clear French page, nothing sent."""

import pytest
from django.core import mail
from django.core.cache import cache
from playwright.sync_api import expect

from opq_intranet.accounts.throttling import password_reset_limits
from tests.factories import UserFactory


@pytest.fixture
def empty_cache():
    """The live server's cache rows are committed: leave none behind for the next test."""
    cache.clear()
    yield
    cache.clear()


def test_too_many_reset_requests_from_one_address_get_a_french_message(session, empty_cache, settings):
    person = UserFactory()
    _per_address, per_ip = password_reset_limits()
    for _ in range(per_ip.limit):
        per_ip.hit("127.0.0.1")  # the browser's address, as the live server sees it
    page = session.visit("/mot-de-passe-oublie/")
    page.get_by_label("Courriel").fill(person.email)
    page.get_by_role("button", name="Envoyez-moi le lien").click()
    session.check_refused_form(status=429)
    expect(page.get_by_role("alert")).to_contain_text("Trop de demandes de réinitialisation du mot de passe")
    assert mail.outbox == []


def test_password_spraying_from_one_address_shows_the_lockout_page(session, settings):
    people = UserFactory.create_batch(settings.AXES_IP_FAILURE_LIMIT // 4 + 1)
    page = session.visit("/connexion/")
    for attempt in range(settings.AXES_IP_FAILURE_LIMIT):
        page.get_by_label("Nom d'utilisateur").fill(people[attempt // 4].username)
        page.get_by_label("Mot de passe").fill("pas-le-bon")
        page.get_by_role("button", name="Se connecter").click()
        page.wait_for_load_state("load")
    session.check_refused_form(status=429)
    expect(page.get_by_role("heading", level=1)).to_have_text("Trop de tentatives")
