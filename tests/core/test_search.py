"""The global search: the page (one lazily loaded section per provider, at a constant number of
queries), and each group's own URL (its results, its permission, the query's rules)."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from opq_intranet.accounts.roles import Role
from opq_intranet.core.registry import search
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

HTMX = {"HX-Request": "true"}
# Counts in tests/querycounts/core.json: the page ("core:search") pays the fixed per-request
# cost and never a provider's query; a group ("core:search_group") one query more.


def group(client, key, words, **headers):
    return client.get(reverse("core:search_group", args=[key]), {"q": words}, headers=headers or HTMX)


def titles(response):
    return [r.title for r in response.context["results"]]


def queries(client, url, params=None, headers=None):
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url, params or {}, headers=headers or {})
    assert response.status_code == 200
    return len(captured.captured_queries)


class Numbered(search.SearchProvider):
    """A provider as the next apps will add: it would cost a query if the page asked it."""

    label = "Dossiers"
    permission = "accounts.access_intranet"

    def __init__(self, key):
        self.key = key

    def search(self, request, query, limit):
        return [search.SearchResult(title=str(u), url="/") for u in UserFactory._meta.model.objects.all()[:limit]]


@pytest.fixture
def only_three_providers(monkeypatch):
    """The registry with the three core providers only, then with every provider and ten more."""
    everything = dict(search._providers)

    def use(count):
        if count == 3:
            kept = {k: p for k, p in everything.items() if k.startswith("core.")}
        else:
            kept = {**everything, **{f"test.more{n}": Numbered(f"test.more{n}") for n in range(10)}}
        monkeypatch.setattr(search, "_providers", kept)
        return len(kept)

    return use


# --- The page -------------------------------------------------------------------------------------


def test_the_page_costs_the_same_with_three_providers_as_with_all(
    make_client, staff_user, only_three_providers, assert_query_count
):
    client = make_client(staff_user)
    url = reverse("core:search")
    client.get(url, {"q": "direction"})  # warm the session
    counts = {}
    for wanted in (3, "all"):
        registered = only_three_providers(wanted)
        counts[registered] = queries(client, url, {"q": "direction"})
    assert len(counts) == 2 and len(set(counts.values())) == 1, counts
    with assert_query_count("core:search", at_most=12):
        response = client.get(url, {"q": "direction"})
    assert len(response.context["providers"]) > 10


def test_the_page_has_a_lazy_section_per_provider_the_person_may_use(make_client, staff_user):
    response = make_client(staff_user).get(reverse("core:search"), {"q": "québec ordre"})
    keys = [p.key for p in response.context["providers"]]
    assert {"core.orders", "core.units", "core.people", "documents.records", "courrier.mail"} <= set(keys)
    assert "courrier.access" not in keys  # the person responsible for access's only
    html = response.text
    url = reverse("core:search_group", args=["core.orders"]) + "?q=qu%C3%A9bec%20ordre"
    assert f'hx-get="{url}"' in html
    assert 'hx-trigger="load"' in html
    assert f'<noscript><p><a href="{url}">' in html  # the group's own page without JavaScript
    assert 'id="search-group-core-orders-title"' in html  # a heading per group
    assert html.count("hx-get=") == len(keys)
    assert "aria-live" in html and "js/search.js" in html


def test_the_page_asks_for_two_characters(make_client, staff_user):
    response = make_client(staff_user).get(reverse("core:search"), {"q": "a"})
    assert response.context["too_short"] is True
    assert response.context["providers"] == []
    assert "Saisissez au moins deux caractères." in response.text
    assert make_client(staff_user).get(reverse("core:search")).context["providers"] == []


def test_the_page_is_for_staff(make_client, partner_user, staff_without_role):
    url = reverse("core:search") + "?q=ordre"
    assert make_client().get(url).status_code == 302
    assert make_client(partner_user).get(url).status_code == 403
    assert make_client(staff_without_role).get(url).status_code == 403


# --- A group --------------------------------------------------------------------------------------


def test_a_group_finds_orders_units_and_people(make_client, staff_user):
    UserFactory(first_name="Émilie", last_name="Bélanger", job_title="Archiviste")
    client = make_client(staff_user)
    assert any("Bélanger" in t for t in titles(group(client, "core.people", "belanger")))
    assert "Ordre des ingénieurs du Québec" in titles(group(client, "core.orders", "Québec ingénieurs"))
    response = group(client, "core.people", "belanger")
    assert "<html" not in response.text and "Bélanger" in response.text  # the fragment only
    assert 'id="search-group-core-people-title"' in response.text
    assert response["Vary"].count("HX-Request") == 1


@pytest.mark.parametrize(
    ("key", "number", "expected"),
    [
        ("core.orders", "barreau", "Barreau du Québec"),  # the order's code
        ("core.units", "DSA", "Direction des services administratifs"),  # the unit's code
    ],
)
def test_a_group_finds_reference_data_by_its_code(make_client, staff_user, key, number, expected):
    assert any(expected in t for t in titles(group(make_client(staff_user), key, number)))


def test_a_group_without_result_leaves_nothing_visible(make_client, staff_user):
    response = group(make_client(staff_user), "core.orders", "zzzzqqq")
    assert response.context["results"] == []
    assert "hidden" in response.text and "<h2" not in response.text


def test_a_group_costs_one_query_more_than_an_empty_request(make_client, staff_user, assert_query_count):
    UserFactory.create_batch(10, last_name="Bélanger", roles=[Role.STAFF])
    client = make_client(staff_user)
    url = reverse("core:search_group", args=["core.people"])
    client.get(url, {"q": "belanger"}, headers=HTMX)  # warm the session
    fixed = queries(client, url, {"q": "a"}, HTMX)  # too short: no search
    assert queries(client, url, {"q": "belanger"}, HTMX) == fixed + 1
    with assert_query_count("core:search_group", at_most=12):
        response = client.get(url, {"q": "belanger"}, headers=HTMX)
    assert len(response.context["results"]) == 5


def test_a_group_follows_the_query_rules_of_the_page(make_client, staff_user):
    client = make_client(staff_user)
    response = group(client, "core.orders", "a")
    assert response.context["too_short"] is True and response.context["results"] == []
    long_words = "ordre " * 100
    assert len(group(client, "core.orders", long_words).context["query"]) == 200


def test_a_group_opened_directly_is_a_page(make_client, staff_user):
    client = make_client(staff_user)
    url = reverse("core:search_group", args=["core.orders"])
    response = client.get(url, {"q": "ingénieurs"})
    assert response.status_code == 200
    assert "<html" in response.text and "Recherche : Ordres professionnels" in response.text
    assert "Ordre des ingénieurs du Québec" in response.text
    assert "Saisissez au moins deux caractères." in client.get(url, {"q": "a"}).text
    assert "Aucun résultat." in client.get(url, {"q": "zzzzqqq"}).text


def test_a_group_needs_its_provider_permission(make_client, staff_user, partner_user, staff_without_role):
    search.register(Secret())
    try:
        url = reverse("core:search_group", args=["test.secret"]) + "?q=plainte"
        assert make_client(staff_user).get(url, headers=HTMX).status_code == 403
        clerk = UserFactory(roles=[Role.STAFF, Role.DISCIPLINE])
        assert titles(make_client(clerk).get(url, headers=HTMX)) == ["plainte 0", "plainte 1", "plainte 2"]
        for someone in (partner_user, staff_without_role):
            assert make_client(someone).get(url, headers=HTMX).status_code == 403
        assert make_client().get(url).status_code == 302
    finally:
        search._providers.pop("test.secret")
    assert make_client(staff_user).get(reverse("core:search_group", args=["nothing.here"])).status_code == 404


class Secret(search.SearchProvider):
    key = "test.secret"
    label = "Secret"
    permission = "accounts.access_discipline"

    def search(self, request, query, limit):
        return [search.SearchResult(title=f"{query} {i}", url="/") for i in range(3)]
