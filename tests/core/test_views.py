"""The core pages for each kind of user, their content, and their query counts."""

import csv
import io

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from opq_intranet.accounts.roles import Role
from opq_intranet.core.models import OrgUnit, ProfessionalOrder
from tests.factories import OrgUnitFactory, UserFactory
from tests.querycounts import up_to

pytestmark = pytest.mark.django_db


# --- Professional orders: the list pattern (filters, sort, pages, export) ------------------


def test_order_list_shows_the_46_orders(make_client, staff_user):
    response = make_client(staff_user).get("/ordres/?per_page=50")
    assert response.status_code == 200
    assert response.context["total"] == 46
    assert "Barreau du Québec" in response.text
    assert "Ordre des urbanistes du Québec" in response.text


def test_order_list_filters_without_accents(make_client, staff_user):
    response = make_client(staff_user).get("/ordres/", {"q": "ingenieurs"})
    names = [o.name for o in response.context["page"].object_list]
    assert names == ["Ordre des ingénieurs du Québec", "Ordre des ingénieurs forestiers du Québec"]
    assert response.context["filtered"] is True


def test_order_list_filters_by_practice(make_client, staff_user):
    response = make_client(staff_user).get("/ordres/", {"practice_kind": "exclusive", "per_page": 50})
    assert response.context["total"] == 25


def test_order_list_rejects_an_invalid_filter_and_shows_nothing(make_client, staff_user):
    response = make_client(staff_user).get("/ordres/", {"practice_kind": "n-importe-quoi"})
    assert response.status_code == 200
    assert response.context["filterset"].errors["practice_kind"]
    assert response.context["total"] == 0


def test_order_list_sorts_descending(make_client, staff_user):
    response = make_client(staff_user).get("/ordres/", {"sort": "-name"})
    first = response.context["page"].object_list[0]
    assert first.name == ProfessionalOrder.objects.order_by("-name").first().name


def test_order_list_paginates(make_client, staff_user):
    client = make_client(staff_user)
    page1 = client.get("/ordres/", {"per_page": 10})
    page5 = client.get("/ordres/", {"per_page": 10, "page": 5})
    assert len(page1.context["page"].object_list) == 10
    assert len(page5.context["page"].object_list) == 6


def test_order_list_ignores_an_unknown_page_size(make_client, staff_user):
    response = make_client(staff_user).get("/ordres/", {"per_page": 100000})
    assert response.context["per_page"] == 25


def test_export_csv_has_every_filtered_row_not_just_the_page(make_client, staff_user):
    response = make_client(staff_user).get("/ordres/", {"practice_kind": "reserved_title", "export": "csv"})
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith('attachment; filename="ordres-professionnels-')
    body = b"".join(response.streaming_content).decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(body)))
    assert len(rows) == 1 + 21  # header + the reserved-title orders
    assert "Ordre des psychologues du Québec" in {r[0] for r in rows}


def test_export_xlsx(make_client, staff_user):
    response = make_client(staff_user).get("/ordres/", {"q": "barreau", "export": "xlsx"})
    workbook = load_workbook(io.BytesIO(response.content))
    rows = list(workbook.active.values)
    assert rows[1][0] == "Barreau du Québec"
    assert len(rows) == 2


def test_export_neutralises_spreadsheet_formulas(make_client, staff_user):
    ProfessionalOrder.objects.filter(code="barreau").update(profession='=HYPERLINK("http://x")')
    response = make_client(staff_user).get("/ordres/", {"q": "barreau", "export": "csv"})
    body = b"".join(response.streaming_content).decode("utf-8-sig")
    assert "'=HYPERLINK" in body


def test_export_over_the_limit_is_refused_with_a_message(make_client, staff_user, settings):
    settings.EXPORT_MAX_ROWS = 10
    client = make_client(staff_user)
    response = client.get("/ordres/", {"export": "csv"})
    assert response.status_code == 302
    follow = client.get(response["Location"])
    assert [m.level_tag for m in follow.context["messages"]] == ["error"]


def test_order_detail_shows_its_history(make_client, staff_user):
    order = ProfessionalOrder.objects.get(code="barreau")
    client = make_client(staff_user)
    it_admin = UserFactory(roles=[Role.STAFF, Role.IT_ADMIN], is_staff=True, is_superuser=True)
    admin_client = make_client(it_admin)
    data = {
        "code": order.code,
        "name": order.name,
        "profession": "Avocate ou avocat",
        "practice_kind": order.practice_kind,
        "website": "https://www.barreau.qc.ca",
        "email": "",
        "is_active": "on",
    }
    assert admin_client.post(f"/admin/core/professionalorder/{order.pk}/change/", data).status_code == 302
    response = client.get(order.get_absolute_url())
    assert response.status_code == 200
    latest = response.context["history"][0]
    assert latest.user == it_admin
    assert {c.label for c in latest.changes} == {"profession", "website"} or {c.after for c in latest.changes} >= {
        "Avocate ou avocat",
        "https://www.barreau.qc.ca",
    }
    history_page = client.get(reverse("core:order_history", args=[order.pk]))
    assert history_page.status_code == 200


def test_missing_order_is_404(make_client, staff_user):
    assert make_client(staff_user).get("/ordres/999999/").status_code == 404


# --- Units and staff directory ----------------------------------------------------------------


def test_unit_list_counts_active_staff(make_client, staff_user):
    unit = OrgUnit.objects.get(code="daj")
    UserFactory.create_batch(3, org_unit=unit)
    UserFactory(org_unit=unit, is_active=False)
    response = make_client(staff_user).get("/unites/", {"q": "affaires juridiques"})
    row = response.context["page"].object_list[0]
    assert row.member_count == 3


def test_unit_detail_lists_members(make_client, staff_user):
    unit = OrgUnitFactory(name="Direction de test")
    member = UserFactory(org_unit=unit, first_name="Gabrielle", last_name="Roy")
    response = make_client(staff_user).get(unit.get_absolute_url())
    assert list(response.context["members"]) == [member]


def test_person_list_excludes_partners_and_inactive(make_client, staff_user, partner_user):
    gone = UserFactory(is_active=False)
    response = make_client(staff_user).get("/personnel/", {"per_page": 100})
    people = list(response.context["page"].object_list)
    assert staff_user in people
    assert partner_user not in people
    assert gone not in people


def test_partner_account_has_no_directory_page(make_client, staff_user, partner_user):
    assert make_client(staff_user).get(f"/personnel/{partner_user.pk}/").status_code == 404


# --- Search, calendar, dashboard, portal, health -------------------------------------------------


# The global search's page and groups: tests/core/test_search.py.


def test_calendar_lists_the_year_holidays(make_client, staff_user):
    response = make_client(staff_user).get("/calendrier/", {"year": "2026"})
    days = [d.isoformat() for d, _name in response.context["holidays"]]
    assert "2026-06-24" in days
    assert "2026-04-06" in days  # Easter Monday


def test_calendar_ignores_a_bad_year(make_client, staff_user):
    assert make_client(staff_user).get("/calendrier/", {"annee": "abc"}).status_code == 200


def test_dashboard_shows_the_core_panel(make_client, staff_user):
    response = make_client(staff_user).get("/")
    keys = [item["panel"].key for item in response.context["panels"]]
    assert "core.days_off" in keys


def test_portal_shows_the_partners_own_order(make_client, partner_user):
    response = make_client(partner_user).get("/portail/")
    assert response.context["order"] == partner_user.professional_order
    assert partner_user.professional_order.name in response.text


def test_portal_for_staff_with_all_orders(make_client):
    analyst = UserFactory(roles=[Role.STAFF, Role.BDSP_ANALYST])
    response = make_client(analyst).get("/portail/")
    assert response.status_code == 200
    assert response.context["order"] is None


def test_healthz(client):
    response = client.get("/healthz")
    assert response.json() == {"status": "ok", "database": "ok"}


def test_healthz_reports_a_database_failure(client, monkeypatch):
    from django.db.backends.utils import CursorWrapper

    def broken(self, sql, params=None):
        raise RuntimeError("database down")

    monkeypatch.setattr(CursorWrapper, "execute", broken)
    response = client.get("/healthz")
    assert response.status_code == 503


def test_every_page_sends_a_csp_header(make_client, staff_user):
    response = make_client(staff_user).get("/")
    assert "script-src 'self'" in response["Content-Security-Policy"]
    assert response["X-Frame-Options"] == "DENY"


# --- Query counts: constant whatever the number of rows -------------------------------------------


@pytest.fixture
def many_people():
    unit = OrgUnit.objects.get(code="dra")

    return up_to(lambda count: UserFactory.create_batch(count, org_unit=unit, roles=[Role.STAFF]))


PAGES = [
    ("core:dashboard", None),
    ("core:order_list", None),
    ("core:unit_list", None),
    ("core:person_list", None),
    ("core:calendar", None),
    ("core:search", {"q": "direction"}),
]


@pytest.mark.parametrize(("url_name", "params"), PAGES)
def test_list_pages_query_count_is_constant(
    make_client, staff_user, many_people, url_name, params, assert_constant_queries
):
    assert_constant_queries(url_name, make_client(staff_user), reverse(url_name), many_people, params=params)


@pytest.mark.parametrize(
    "url_name",
    ["core:order_detail", "core:order_history", "core:unit_detail", "core:person_detail"],
)
def test_detail_pages_query_count(make_client, staff_user, url_name, assert_query_count):
    target = {
        "core:order_detail": lambda: ProfessionalOrder.objects.first(),
        "core:order_history": lambda: ProfessionalOrder.objects.first(),
        "core:unit_detail": lambda: OrgUnit.objects.get(code="dsa"),
        "core:person_detail": lambda: staff_user,
    }[url_name]()
    client = make_client(staff_user)
    client.get(reverse(url_name, args=[target.pk]))
    with assert_query_count(url_name):
        assert client.get(reverse(url_name, args=[target.pk])).status_code == 200


def test_portal_query_count(make_client, partner_user, assert_query_count):
    client = make_client(partner_user)
    client.get("/portail/")
    with assert_query_count("core:portal"):
        assert client.get("/portail/").status_code == 200
