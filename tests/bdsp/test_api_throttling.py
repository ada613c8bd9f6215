"""The API's throttles count in the cache every worker shares, and wrong tokens are throttled
per source address even though their authentication fails before DRF's throttles run."""

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from django.db import connection
from django.urls import reverse
from rest_framework.test import APIClient
from rest_framework.throttling import UserRateThrottle

from bdsp.api.throttles import FailedTokenThrottle
from bdsp.models import ApiToken
from opq_intranet.accounts.roles import Role
from tests.factories import PartnerFactory, order

ROOT = Path(__file__).resolve().parents[2]


def api(token=None, ip="198.51.100.20"):
    client = APIClient(REMOTE_ADDR=ip)
    if token:
        client.credentials(HTTP_AUTHORIZATION=f"Token {token}")
    return client


def another_worker(url, token, requests, rate):
    """Requests made by a separate Python process, as a second gunicorn worker would."""
    db = connection.settings_dict
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "opq_intranet.settings.test",
        "DATABASE_URL": f"postgres://{db['USER']}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{db['NAME']}",
    }
    script = textwrap.dedent(f"""
        import json, django
        django.setup()
        from rest_framework.throttling import UserRateThrottle
        from rest_framework.test import APIClient
        UserRateThrottle.rate = {rate!r}
        client = APIClient(REMOTE_ADDR="198.51.100.21")
        client.credentials(HTTP_AUTHORIZATION="Token {token}")
        print(json.dumps([client.get({url!r}).status_code for _ in range({requests})]))
    """)
    done = subprocess.run(
        [sys.executable, "-c", script], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120, check=False
    )
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout.strip().splitlines()[-1])


@pytest.mark.django_db(transaction=True)
def test_two_workers_count_one_limit(reference_data, monkeypatch):
    filer = PartnerFactory(roles=[Role.ORDER_DECLARANT], professional_order=order("infirmieres"))
    token = ApiToken.objects.issue(filer)
    url = reverse("bdsp_api:return_list")
    monkeypatch.setattr(UserRateThrottle, "rate", "4/min", raising=False)
    here = [api(token).get(url).status_code for _ in range(2)]
    there = another_worker(url, token, 4, "4/min")
    assert here == [200, 200]
    assert there == [200, 200, 429, 429]
    # And back in this worker, the limit holds too.
    assert api(token).get(url).status_code == 429


@pytest.mark.django_db
def test_wrong_tokens_are_throttled_per_source_address(monkeypatch, filer_with_token):
    monkeypatch.setattr(FailedTokenThrottle, "rate", "3/min", raising=False)
    url = reverse("bdsp_api:return_list")
    statuses = [api(f"{n:040d}").get(url).status_code for n in range(5)]
    assert statuses == [401, 401, 401, 429, 429]
    refused = api("f" * 40).get(url)
    assert refused.status_code == 429
    assert 0 < int(refused["Retry-After"]) <= 60
    assert "detail" in refused.json()
    # Once an address is throttled, even a valid token waits: guessing learns nothing more.
    _filer, token = filer_with_token
    assert api(token).get(url).status_code == 429
    # Another address is not held back, neither for a valid token nor for a first wrong one.
    assert api(token, ip="192.0.2.80").get(url).status_code == 200
    assert api("e" * 40, ip="192.0.2.81").get(url).status_code == 401


@pytest.mark.django_db
def test_valid_tokens_do_not_count_as_failures(monkeypatch, filer_with_token):
    monkeypatch.setattr(FailedTokenThrottle, "rate", "2/min", raising=False)
    _filer, token = filer_with_token
    url = reverse("bdsp_api:return_list")
    assert [api(token).get(url).status_code for _ in range(4)] == [200] * 4
    assert api("0" * 40).get(url).status_code == 401


@pytest.mark.django_db
def test_a_request_without_a_token_is_still_told_to_authenticate(monkeypatch):
    monkeypatch.setattr(FailedTokenThrottle, "rate", "1/min", raising=False)
    url = reverse("bdsp_api:return_list")
    assert [api().get(url).status_code for _ in range(3)] == [401, 401, 401]


@pytest.fixture
def filer_with_token(db):
    filer = PartnerFactory(roles=[Role.ORDER_DECLARANT], professional_order=order("ingenieurs"))
    return filer, ApiToken.objects.issue(filer)


@pytest.mark.django_db
def test_a_forged_forwarded_for_header_gets_no_fresh_count(monkeypatch):
    monkeypatch.setattr(FailedTokenThrottle, "rate", "2/min", raising=False)
    url = reverse("bdsp_api:return_list")
    statuses = [api("0" * 40).get(url, HTTP_X_FORWARDED_FOR=f"10.1.1.{n}").status_code for n in range(4)]
    assert statuses == [401, 401, 429, 429]
