"""The API's readable description (Redoc) is served by the intranet itself: no CDN, no inline
script; the page is public like the schema it reads (it holds no data)."""

import pytest
from django.contrib.staticfiles import finders
from django.urls import reverse

pytestmark = pytest.mark.django_db


def policy_of(response):
    return dict(part.strip().split(" ", 1) for part in response["Content-Security-Policy"].split(";") if part.strip())


def test_the_documentation_page_loads_redoc_from_the_site(client):
    response = client.get(reverse("bdsp_api:documentation"))
    assert response.status_code == 200
    html = response.content.decode()
    assert "/static/vendor/redoc/redoc.standalone.js" in html
    assert f'spec-url="{reverse("bdsp_api:schema")}"' in html
    assert "googleapis" not in html and "cdn." not in html and "<script>" not in html
    assert finders.find("vendor/redoc/redoc.standalone.js")  # installed from npm by make setup
    policy = policy_of(response)
    assert policy["script-src"] == "'self'"
    assert policy["worker-src"] == "blob:" and "'unsafe-inline'" in policy["style-src"]


def test_other_pages_keep_the_strict_styles(client):
    assert "'unsafe-inline'" not in policy_of(client.get(reverse("bdsp_api:schema")))["style-src"]
