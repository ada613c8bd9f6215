"""`make run` (development settings, DEBUG on) shows the project's French 404 page, not
Django's English technical page listing every URL pattern, unless the developer asks."""

import importlib

import pytest
from django.test import override_settings
from django.urls import reverse

pytestmark = pytest.mark.django_db


def development_middleware(monkeypatch, technical=False):
    if technical:
        monkeypatch.setenv("DJANGO_TECHNICAL_404", "1")
    else:
        monkeypatch.delenv("DJANGO_TECHNICAL_404", raising=False)
    import opq_intranet.settings.development as development

    return importlib.reload(development).MIDDLEWARE


@pytest.mark.parametrize("path", ["/nulle-part/", "/courrier/registre/999999/"])
def test_development_shows_the_french_404_page(monkeypatch, make_client, staff_user, path):
    with override_settings(DEBUG=True, MIDDLEWARE=development_middleware(monkeypatch)):
        response = make_client(staff_user).get(path)
    assert response.status_code == 404
    assert "Page introuvable" in response.text
    assert "URLconf" not in response.text and "Using the URLconf" not in response.text


def test_the_technical_page_when_asked_for(monkeypatch, make_client, staff_user):
    with override_settings(DEBUG=True, MIDDLEWARE=development_middleware(monkeypatch, technical=True)):
        response = make_client(staff_user).get("/nulle-part/")
    assert response.status_code == 404
    assert "URLconf" in response.text


def test_a_page_that_exists_is_untouched(monkeypatch, make_client, staff_user):
    with override_settings(DEBUG=True, MIDDLEWARE=development_middleware(monkeypatch)):
        response = make_client(staff_user).get(reverse("core:dashboard"))
    assert response.status_code == 200
