"""Every list's filters, and every page that reads its query string, refuse hostile values with
a French message on the page: never a 500.

The walk takes every URL of the project whose view is an ObjectListView (each field of its
filter set, alone; and the list kit's own page, per_page, sort and export, which the view
reads one by one, together), the other pages that read their query string
(READS_QUERY_STRING, with the parameters each reads) and those whose URL takes an argument
(PARAMETERISED, given real objects), and requests each with each hostile value, as a staff
member with every role (and the portal's pages as a partner of the order).
"""

import pytest
from django.urls import resolve, reverse

from opq_intranet.accounts.roles import STAFF_ROLES, Role
from opq_intranet.core.lists.views import IGNORED_PARAMETERS, ObjectListView
from tests.factories import PartnerFactory, UserFactory, order
from tests.urlwalk import all_routes

pytestmark = pytest.mark.django_db

HOSTILE = ["0", "-5", "10000", "99999999999999999999", "abc", "2026-13-45", "\x00", "9999-12-31", "0001-01-01", "²"]
LIST_KIT = tuple(sorted(IGNORED_PARAMETERS))  # page, per_page, sort, export: read one by one by the view
# Pages outside the list kit that read their query string: the parameters each reads.
READS_QUERY_STRING = {
    "bdsp:statistics": ["indicator", "category", "start", "end", "orders", "public", "export"],
    "core:calendar": ["year"],
    "core:search": ["q"],
    "courrier:access_report": ["year", "export"],
    "courrier:search": ["q", "direction", "mail_type", "routed_unit", "since", "until", "page"],
    "courrier:mandate_due": ["unit"],
    "courrier:contact_options": ["contact_search", "selected"],
    "documents:plan": ["q", "retired"],
    "documents:search": ["q", "record_class", "org_unit", "medium", "confidentiality", "date_from", "date_to", "page"],
    "documents:disposition_preview": ["kind", "org_unit", "due_on"],
    "documents:box_labels": ["q", "storage_space", "site", "org_unit", "status", "full", "in_transit"],
    "documents:box_create": ["space"],
    "documents:class_create": ["parent"],
    "documents:file_create": ["record_class"],
    "inventaire:depreciation": ["year", "export"],
    "inventaire:check_out": ["tags"],
    "inventaire:check_in": ["tags"],
    "inventaire:label_sheet": ["preset", "tags", "skip", "q", "status", "kind", "category", "location", "holder"],
    "administrateurs:allowances": ["start", "end", "body", "export"],
}
# Pages whose URL takes an argument and that read their query string (real arguments below).
PARAMETERISED = {
    "bdsp:campaign": ["state"],
    "bdsp:indicator_add": ["section"],
    "bdsp_portal:return_detail": ["section"],
    "bdsp_portal:return_history": ["page"],
    "core:search_group": ["q"],
    "inventaire:asset_detail": ["on"],
    "inventaire:campaign_scan": ["room"],
    "inventaire:campaign_detail": ["part"],
    # Administrateurs, the matching
    "administrateurs:seat_matching": [
        "on",
        "region",
        "keywords",
        "by_region",
        "by_expertise",
        "by_preference",
        "by_parity",
        "by_diversity",
    ],
    "administrateurs:matching_appoint": ["on"],
    "administrateurs:allowance_statement": ["start", "end"],
}


def walked_pages():
    """{name: (path, [parameters alone], [parameters together])} of the parameterless pages."""
    pages = {}
    for route in all_routes():
        if route.has_parameters or route.namespace in {"admin", "bdsp_api"}:
            continue
        view_class = getattr(resolve(route.path).func, "view_class", None)
        if view_class is not None and issubclass(view_class, ObjectListView):
            fields = list(view_class.filterset_class.base_filters) if view_class.filterset_class else []
            pages[route.name] = (route.path, fields, LIST_KIT)
        elif route.name in READS_QUERY_STRING:
            pages[route.name] = (route.path, READS_QUERY_STRING[route.name], ())
    return pages


PAGES = walked_pages()


def test_the_walk_finds_the_lists_and_every_page_it_names():
    assert {"courrier:access_list", "bdsp_portal:return_list", "documents:file_list", "core:person_list"} <= set(PAGES)
    unknown = set(READS_QUERY_STRING) - set(PAGES)
    assert not unknown, f"Pages named in READS_QUERY_STRING that the walk does not find: {sorted(unknown)}"


@pytest.fixture
def staff(make_client):
    return make_client(UserFactory(roles=sorted(STAFF_ROLES)))


@pytest.fixture
def partner():
    return PartnerFactory(roles=[Role.ORDER_DECLARANT], professional_order=order("infirmieres"))


def hostile_requests(client, path, alone, together):
    """The failures (text) of every request: each parameter alone with each value, then the
    parameters read one by one together."""
    queries = [{name: value} for name in alone for value in HOSTILE]
    queries += [dict.fromkeys(together, value) for value in HOSTILE] if together else []
    failures = []
    for query in queries:
        try:
            response = client.get(path, query)
        except Exception as error:  # noqa: BLE001 - every failure is listed, not the first
            failures.append(f"{path} {query!r}: {type(error).__name__}: {error}"[:300])
            continue
        if response.status_code >= 500:
            failures.append(f"{path} {query!r}: HTTP {response.status_code}")
    return failures


@pytest.mark.parametrize("name", sorted(PAGES))
def test_no_hostile_value_gives_a_server_error(make_client, staff, partner, name):
    path, alone, together = PAGES[name]
    client = make_client(partner) if name.startswith("bdsp_portal:") else staff
    if name == "bdsp:statistics":
        bdsp_return(partner)  # the statistics form shows once a year exists
    failures = hostile_requests(client, path, alone, together)
    assert not failures, f"{len(failures)} requests failed:\n" + "\n".join(failures)


def bdsp_return(partner):
    from bdsp import services

    year = services.form_create_from_regulation(year=2025)
    opened = services.form_open(reporting_year=year, user=UserFactory(roles=[Role.STAFF, Role.BDSP_ANALYST]))
    return services.return_start(order=partner.professional_order, reporting_year=opened, user=partner)


def inventory_pages(staff):
    from inventaire import services
    from inventaire.models import Campaign
    from tests.inventaire.factories import AssetFactory

    asset = AssetFactory()
    technician = UserFactory(roles=[Role.STAFF, Role.INVENTORY])
    campaign = services.campaign_open(
        campaign=Campaign(site=asset.location.site, location=asset.location, opened_on=asset.purchased_on),
        user=technician,
    )
    return [
        (staff, "inventaire:asset_detail", reverse("inventaire:asset_detail", args=[asset.pk])),
        (staff, "inventaire:campaign_scan", reverse("inventaire:campaign_scan", args=[campaign.pk])),
        (staff, "inventaire:campaign_detail", reverse("inventaire:campaign_detail", args=[campaign.pk])),
    ]


def matching_pages(staff):
    """Administrateurs, the matching: a seat's matching and its appointment form."""
    from administrateurs.choices import CandidacyStatus
    from tests.administrateurs.factories import BodyFactory, CandidateFactory

    seat = BodyFactory().seats.first()
    candidate = CandidateFactory(status=CandidacyStatus.IN_BANK)
    return [
        (staff, "administrateurs:seat_matching", reverse("administrateurs:seat_matching", args=[seat.pk])),
        (
            staff,
            "administrateurs:matching_appoint",
            reverse("administrateurs:matching_appoint", args=[seat.pk, candidate.pk]),
        ),
    ]


def administrateurs_pages(staff):
    from tests.administrateurs.factories import CandidateFactory

    statement = reverse("administrateurs:allowance_statement", args=[CandidateFactory().pk])
    return [(staff, "administrateurs:allowance_statement", statement)]


def test_no_hostile_value_gives_a_server_error_on_pages_of_an_object(make_client, staff, partner):
    from opq_intranet.core.registry.search import _providers

    annual_return = bdsp_return(partner)
    portal = make_client(partner)
    pages = [
        (staff, "bdsp:campaign", reverse("bdsp:campaign", kwargs={"year": 2025})),
        (staff, "bdsp:indicator_add", reverse("bdsp:indicator_add", kwargs={"year": 2025})),
        (portal, "bdsp_portal:return_detail", reverse("bdsp_portal:return_detail", args=[annual_return.pk])),
        (portal, "bdsp_portal:return_history", reverse("bdsp_portal:return_history", args=[annual_return.pk])),
    ]
    pages += [(staff, "core:search_group", reverse("core:search_group", args=[key])) for key in sorted(_providers)]
    pages += inventory_pages(staff)
    pages += matching_pages(staff)  # administrateurs, the matching
    pages += administrateurs_pages(staff)
    assert {name for _client, name, _path in pages} == set(PARAMETERISED)
    failures = []
    for client, name, path in pages:
        failures += hostile_requests(client, path, PARAMETERISED[name], ())
    assert not failures, f"{len(failures)} requests failed:\n" + "\n".join(failures)


@pytest.mark.parametrize(
    ("name", "parameter", "value", "message"),
    [
        ("courrier:access_list", "year", "0", "Assurez-vous que cette valeur est supérieure ou égale à 2000."),
        ("courrier:access_list", "year", "99999999999999999999", "inférieure ou égale à 2100"),
        ("courrier:access_list", "year", "abc", "Saisissez un nombre entier."),
        ("documents:file_list", "opened_after", "2026-13-45", "Saisissez une date valide."),
        ("courrier:item_list", "since", "2026-13-45", "Saisissez une date valide."),
        ("courrier:mandate_list", "unit", "99999999999999999999", "Sélectionnez un choix valide."),
        ("documents:file_list", "q", "\x00", "Le caractère nul n’est pas autorisé."),
    ],
)
def test_a_refused_filter_says_why_in_french_on_the_list(staff, name, parameter, value, message):
    response = staff.get(reverse(name), {parameter: value})
    assert response.status_code in (200, 400)
    assert message in response.text


def test_a_refused_filter_on_the_portal_says_why_in_french(make_client, partner):
    response = make_client(partner).get(reverse("bdsp_portal:return_list"), {"year": "10000"})
    assert response.status_code in (200, 400)
    assert "inférieure ou égale à 2100" in response.text
