"""The list of returns: who sees which, filters, sort, bad input, export, query counts."""

import csv
import io
from datetime import date, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from bdsp.choices import ReturnStatus, YearStatus
from bdsp.models import AnnualReturn, ReportingYear
from opq_intranet.core.models import ProfessionalOrder
from tests.factories import order
from tests.querycounts import up_to

pytestmark = pytest.mark.django_db

URL = reverse("bdsp_portal:return_list")


def listed(response):
    return [r.pk for r in response.context["page"].object_list]


@pytest.fixture
def returns(db):
    """Three returns: the nurses' 2024 (accepted) and 2025 (overdue draft), the engineers' 2025."""
    y2024 = ReportingYear.objects.create(year=2024, status=YearStatus.CLOSED)
    y2025 = ReportingYear.objects.create(year=2025, status=YearStatus.OPEN)
    yesterday = timezone.localdate() - timedelta(days=1)
    nurses, engineers = order("infirmieres"), order("ingenieurs")
    return {
        "accepted": AnnualReturn.objects.create(
            professional_order=nurses, reporting_year=y2024, status=ReturnStatus.ACCEPTED, due_date=date(2024, 7, 1)
        ),
        "overdue": AnnualReturn.objects.create(
            professional_order=nurses, reporting_year=y2025, status=ReturnStatus.DRAFT, due_date=yesterday
        ),
        "other": AnnualReturn.objects.create(
            professional_order=engineers,
            reporting_year=y2025,
            status=ReturnStatus.SUBMITTED,
            due_date=yesterday,
            submitted_at=timezone.now(),
        ),
    }


# --- Who sees what ------------------------------------------------------------------------------


def test_anonymous_is_sent_to_sign_in(client):
    assert client.get(URL)["Location"].startswith("/connexion/")


def test_staff_without_the_bdsp_role_get_403(make_client, staff_user, staff_without_role, returns):
    assert make_client(staff_user).get(URL).status_code == 403
    assert make_client(staff_without_role).get(URL).status_code == 403


def test_analyst_sees_every_order(make_client, analyst, returns):
    response = make_client(analyst).get(URL)
    assert response.status_code == 200
    assert set(listed(response)) == {r.pk for r in returns.values()}
    assert "Ordre des ingénieurs du Québec" in response.text
    assert 'name="order"' in response.text  # the order filter, for the Office only


def test_partner_sees_its_own_order_only_and_never_another_orders(make_client, filer, other_filer, returns):
    response = make_client(filer).get(URL)
    assert set(listed(response)) == {returns["accepted"].pk, returns["overdue"].pk}
    assert "Ordre des ingénieurs du Québec" not in response.text
    assert 'name="order"' not in response.text
    # Another order's partner: only the engineers' return, whatever the filters say.
    other = make_client(other_filer)
    assert listed(other.get(URL)) == [returns["other"].pk]
    nurses = order("infirmieres").pk
    assert listed(other.get(URL, {"order": nurses})) == [returns["other"].pk]  # the filter is not offered
    assert listed(other.get(URL, {"q": "infirmières"})) == []
    export = other.get(URL, {"export": "csv"})
    assert "infirmi" not in b"".join(export.streaming_content).decode()


def test_reader_sees_the_list_without_start_buttons(make_client, reader, returns):
    response = make_client(reader).get(URL)
    assert set(listed(response)) == {returns["accepted"].pk, returns["overdue"].pk}
    assert response.context["startable"] == []
    assert not response.context["can_use_api"]


# --- Filters and sort ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"year": "2024"}, ["accepted"]),
        ({"state": "submitted"}, ["other"]),
        ({"overdue": "true"}, ["overdue"]),
        ({"overdue": "false"}, ["accepted", "other"]),
        ({"q": "ingenieurs"}, ["other"]),
        ({"q": "INFIRMIERES"}, ["accepted", "overdue"]),
        ({"year": "2025", "state": "draft"}, ["overdue"]),
    ],
)
def test_filters(make_client, analyst, returns, params, expected):
    response = make_client(analyst).get(URL, params)
    assert response.status_code == 200
    assert set(listed(response)) == {returns[name].pk for name in expected}


def test_order_filter(make_client, analyst, returns):
    response = make_client(analyst).get(URL, {"order": order("ingenieurs").pk})
    assert listed(response) == [returns["other"].pk]


def test_overdue_is_the_campaign_definition(returns):
    assert set(AnnualReturn.objects.overdue().values_list("pk", flat=True)) == {returns["overdue"].pk}
    flags = dict(AnnualReturn.objects.with_overdue().values_list("pk", "is_overdue"))
    assert flags == {returns["accepted"].pk: False, returns["overdue"].pk: True, returns["other"].pk: False}


def test_sort_by_year_and_by_order(make_client, analyst, returns):
    client = make_client(analyst)
    assert listed(client.get(URL, {"sort": "year"}))[0] == returns["accepted"].pk
    assert listed(client.get(URL, {"sort": "professional_order"}))[-1] == returns["other"].pk  # "inf" < "ing"
    assert listed(client.get(URL, {"sort": "-professional_order"}))[0] == returns["other"].pk
    assert listed(client.get(URL, {"sort": "-is_overdue"}))[0] == returns["overdue"].pk


@pytest.mark.parametrize(
    ("year", "message"),
    [
        ("0", "Assurez-vous que cette valeur est supérieure ou égale à 2000."),
        ("abc", "Saisissez un nombre entier."),
        ("12345678901234567890", "Assurez-vous que cette valeur est inférieure ou égale à 2100."),
    ],
)
def test_bad_filter_input_is_a_french_message_never_a_500(make_client, analyst, returns, year, message):
    response = make_client(analyst).get(URL, {"year": year})
    assert response.status_code == 200
    assert message in response.text
    assert listed(response) == []


def test_a_bad_state_or_order_is_a_message_too(make_client, analyst, returns):
    client = make_client(analyst)
    for params in ({"state": "perdu"}, {"order": "99999999999999999999"}, {"overdue": "peut-être"}):
        response = client.get(URL, params)
        assert response.status_code == 200, params
    assert "Sélectionnez un choix valide" in client.get(URL, {"state": "perdu"}).text


# --- The partner's own page ---------------------------------------------------------------------


def test_the_partner_page_offers_to_start_an_open_year_and_says_when_empty(make_client, filer, db):
    ReportingYear.objects.create(year=2026, status=YearStatus.OPEN)
    response = make_client(filer).get(URL)
    assert [y.year for y in response.context["startable"]] == [2026]
    assert "Commencer la déclaration 2026" in response.text
    assert "Aucune déclaration annuelle" in response.text
    assert "Ordre des infirmières et infirmiers du Québec" in response.text  # the title


# --- Export -------------------------------------------------------------------------------------


def test_export_csv_has_the_bom_and_the_rows(make_client, analyst, returns):
    response = make_client(analyst).get(URL, {"export": "csv", "year": "2025"})
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith('attachment; filename="declarations-annuelles-')
    text = b"".join(response.streaming_content).decode()
    assert text.startswith("\ufeff")
    rows = list(csv.reader(io.StringIO(text[1:])))
    assert rows[0] == ["Année", "Ordre professionnel", "Version", "Statut", "Échéance", "En retard", "Transmise"]
    body = {(row[0], row[1], row[3], row[5]) for row in rows[1:]}
    assert body == {
        ("2025", "Ordre des infirmières et infirmiers du Québec", "Brouillon", "Oui"),
        ("2025", "Ordre des ingénieurs du Québec", "Transmise", "Non"),
    }


def test_export_xlsx(make_client, analyst, returns):
    from openpyxl import load_workbook

    response = make_client(analyst).get(URL, {"export": "xlsx"})
    sheet = load_workbook(io.BytesIO(response.content)).active
    assert sheet.max_row == 4
    assert sheet["A2"].value in (2024, 2025)  # the year is a number


# --- Query counts -------------------------------------------------------------------------------


def _years_and_returns(total):
    """`total` more returns: one per order, over as many years as needed."""
    orders = list(ProfessionalOrder.objects.order_by("pk"))
    first = (ReportingYear.objects.order_by("-year").values_list("year", flat=True).first() or 1989) + 1
    rows = []
    for number in range(total):
        if number % len(orders) == 0:
            reporting_year = ReportingYear.objects.create(year=first + number // len(orders), status=YearStatus.CLOSED)
        rows.append(
            AnnualReturn(
                professional_order=orders[number % len(orders)],
                reporting_year=reporting_year,
                status=ReturnStatus.ACCEPTED,
                due_date=date(2020, 1, 1),
            )
        )
    AnnualReturn.objects.bulk_create(rows)


def test_the_list_costs_the_same_with_10_and_100_returns(make_client, analyst, assert_constant_queries):
    assert_constant_queries("bdsp_portal:return_list", make_client(analyst), URL, up_to(_years_and_returns))
