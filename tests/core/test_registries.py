"""The registries the apps plug into: navigation, dashboard panels, global search, seed."""

import io

import pytest
from django.core.exceptions import PermissionDenied
from django.test import RequestFactory

from opq_intranet.accounts.roles import Role
from opq_intranet.core.registry import dashboard, navigation, search, seed
from tests.factories import PartnerFactory, UserFactory

pytestmark = pytest.mark.django_db


def labels(entries):
    return [str(e["label"]) for e in entries]


def test_navigation_shows_only_the_apps_the_roles_open():
    records = UserFactory(roles=[Role.STAFF, Role.RECORDS])
    entries = navigation.entries_for(records)
    urls = [e["url"] for e in entries]
    assert urls == ["/documents/", "/portail/echanges/", "/courrier/"]
    analyst = UserFactory(roles=[Role.STAFF, Role.BDSP_ANALYST])
    assert [e["url"] for e in navigation.entries_for(analyst)] == [
        "/bdsp/",
        "/documents/",
        "/portail/echanges/",
        "/courrier/",
    ]
    assert [e["url"] for e in navigation.entries_for(UserFactory(roles=[Role.BDSP_ANALYST]))] == ["/bdsp/"]


def test_the_exchange_spaces_have_their_own_entry_marked_current_on_their_pages():
    entries = navigation.entries_for(UserFactory(roles=[Role.STAFF]), current_app="exchange")
    assert [(e["url"], e["active"]) for e in entries] == [
        ("/documents/", False),
        ("/portail/echanges/", True),
        ("/courrier/", False),
    ]


def test_partners_see_the_parts_of_the_portal_their_roles_open():
    order_user = PartnerFactory(roles=[Role.ORDER_DECLARANT])
    assert [e["url"] for e in navigation.partner_entries(order_user)] == ["/portail/echanges/"]
    assert navigation.partner_entries(PartnerFactory(roles=[])) == []
    assert navigation.partner_entries(UserFactory(roles=[Role.STAFF])) == []


def test_navigation_marks_the_current_app():
    user = UserFactory(roles=[Role.STAFF])
    entries = navigation.entries_for(user, current_app="courrier")
    assert [e["active"] for e in entries] == [False, False, True]


def test_partners_and_staff_without_role_get_no_staff_navigation():
    assert navigation.entries_for(PartnerFactory()) == []
    assert navigation.entries_for(UserFactory(roles=[])) == []


@pytest.fixture
def request_for():
    def make(user):
        request = RequestFactory().get("/")
        request.user = user
        return request

    return make


@pytest.fixture
def temporary_panels():
    added = []

    def add(panel):
        added.append(panel.key)
        return dashboard.register(panel)

    yield add
    for key in added:
        dashboard.unregister(key)


def test_dashboard_panels_follow_permissions_order_and_audience(request_for, temporary_panels):
    temporary_panels(
        dashboard.Panel(
            key="test.mail",
            title="Courrier",
            template="x.html",
            permission="accounts.access_courrier",
            get_context=lambda r: {"n": 1},
            order=1,
        )
    )
    temporary_panels(
        dashboard.Panel(
            key="test.bdsp",
            title="BDSP",
            template="x.html",
            permission="accounts.access_bdsp",
            get_context=lambda r: {},
            order=2,
        )
    )
    temporary_panels(
        dashboard.Panel(
            key="test.portal", title="Portail", template="x.html", get_context=lambda r: {}, audience="portal"
        )
    )
    staff = UserFactory(roles=[Role.STAFF])
    keys = [p["panel"].key for p in dashboard.panels_for(request_for(staff))]
    assert keys[0] == "test.mail"
    assert "test.bdsp" not in keys
    assert "test.portal" not in keys
    assert dashboard.panels_for(request_for(staff))[0]["context"] == {"n": 1}
    portal_keys = [p["panel"].key for p in dashboard.panels_for(request_for(PartnerFactory()), "portal")]
    assert portal_keys == ["test.portal"]


class SecretSearch(search.SearchProvider):
    key = "test.secret"
    label = "Secret"
    permission = "accounts.access_discipline"

    def search(self, request, query, limit):
        return [search.SearchResult(title=f"{query} {i}", url="/") for i in range(limit + 5)][:limit]


def test_search_offers_only_the_providers_the_person_may_use(request_for):
    search.register(SecretSearch())
    try:
        staff = UserFactory(roles=[Role.STAFF])
        keys = [p.key for p in search.providers_for(staff)]
        assert "test.secret" not in keys
        assert keys[:3] == ["core.orders", "core.units", "core.people"]  # in their order
        with pytest.raises(PermissionDenied):
            search.provider_for(staff, "test.secret")
        clerk = UserFactory(roles=[Role.STAFF, Role.DISCIPLINE])
        assert "test.secret" in [p.key for p in search.providers_for(clerk)]
        secret = search.provider_for(clerk, "test.secret")
        assert len(secret.search(request_for(clerk), "plainte", 3)) == 3
        assert search.provider_for(clerk, "nothing.here") is None
    finally:
        search._providers.pop("test.secret")


def test_seed_registry_orders_generators_and_the_core_one_is_there():
    keys = [g.key for g in seed.generators()]
    assert keys[0] == "core.accounts"


def test_seed_demo_is_idempotent():
    from django.core.management import call_command

    from opq_intranet.accounts.models import User

    call_command("seed_demo", "--scale", "demo", stdout=io.StringIO())
    count = User.objects.count()
    call_command("seed_demo", "--scale", "demo", stdout=io.StringIO())
    assert User.objects.count() == count
    demo = User.objects.get(username="declarant.infirmieres")
    assert demo.professional_order.code == "infirmieres"
    assert demo.groups.get().name == "Ordre déclarant"
