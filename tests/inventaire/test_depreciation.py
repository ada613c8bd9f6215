"""Straight-line depreciation on hand-computed figures: a laptop of 1 890,00 $ over 48 months
with 5 % residual loses 37,40625 $ a month; the yearly report of fiscal year 2025-2026 rolls
forward a category with an asset on the books, one bought and one disposed of in the year."""

from datetime import date
from decimal import Decimal

import pytest
from django.urls import reverse

from inventaire.choices import AssetStatus
from inventaire.depreciation import book_value, months_elapsed
from inventaire.selectors import depreciation_report
from tests.inventaire.factories import AssetFactory, CategoryFactory, FurnitureFactory

pytestmark = pytest.mark.django_db

D = Decimal


@pytest.fixture
def laptop_category(db):
    return CategoryFactory(life_months=48, residual_percent=D("5"))


def laptop(category, cost, bought, **fields):
    return AssetFactory(category=category, cost=D(cost), purchased_on=bought, **fields)


@pytest.mark.parametrize(
    ("start", "on", "months"),
    [
        (date(2024, 3, 15), date(2024, 4, 14), 0),
        (date(2024, 3, 15), date(2024, 4, 15), 1),
        (date(2024, 3, 15), date(2025, 4, 1), 12),
        (date(2024, 1, 31), date(2024, 2, 29), 1),  # the month ends on the shorter month's last day
        (date(2024, 3, 15), date(2024, 3, 1), 0),
    ],
)
def test_months_elapsed(start, on, months):
    assert months_elapsed(start, on) == months


@pytest.mark.parametrize(
    ("on", "value"),
    [
        (date(2024, 3, 14), "0.00"),  # not yet bought
        (date(2024, 3, 15), "1890.00"),
        (date(2024, 4, 14), "1890.00"),
        (date(2024, 4, 15), "1852.59"),  # 1 890 − 37,40625
        (date(2026, 3, 15), "992.25"),  # 24 months: 1 890 − 897,75
        (date(2028, 3, 15), "94.50"),  # 48 months: the residual value, 5 %
        (date(2031, 1, 1), "94.50"),  # never below it
    ],
)
def test_book_value_on_any_day(laptop_category, on, value):
    asset = laptop(laptop_category, "1890.00", date(2024, 3, 15))
    assert book_value(asset, on) == D(value)


def test_the_assets_own_life_and_a_changed_category_count(laptop_category):
    asset = laptop(laptop_category, "1200.00", date(2025, 1, 10), life_months=24)
    assert book_value(asset, date(2026, 1, 10)) == D("630.00")  # 12 × (1 200 − 60) / 24 = 570
    asset.life_months = None
    laptop_category.residual_percent = D("0")
    assert book_value(asset, date(2026, 1, 10)) == D("900.00")  # 12 × 1 200 / 48 = 300


def test_no_cost_no_value_and_a_disposed_asset_is_off_the_books(laptop_category):
    assert book_value(AssetFactory(category=laptop_category, cost=None), date(2026, 1, 1)) is None
    gone = laptop(laptop_category, "2000.00", date(2022, 1, 10), disposed_on=date(2025, 12, 20))
    assert book_value(gone, date(2025, 12, 19)) == D("139.58")  # 47 months: 2 000 − 1 860,41666…
    assert book_value(gone, date(2025, 12, 20)) == D("0.00")


def test_the_yearly_report_by_hand(laptop_category):
    laptop(laptop_category, "1890.00", date(2024, 3, 15))  # on the books all year
    laptop(laptop_category, "1200.00", date(2025, 10, 1))  # bought in the year
    laptop(
        laptop_category,
        "2000.00",
        date(2022, 1, 10),
        disposed_on=date(2025, 12, 20),
        status=AssetStatus.DISPOSED,
    )
    laptop(laptop_category, "999.00", date(2026, 4, 10))  # after the year
    laptop(laptop_category, "999.00", date(2020, 4, 10), disposed_on=date(2025, 2, 1))  # before it
    AssetFactory(category=laptop_category, cost=None)  # cannot be valued
    chairs = FurnitureFactory(life_months=120, residual_percent=D("0"))
    AssetFactory(category=chairs, cost=D("1200.00"), purchased_on=date(2025, 4, 1))

    report = depreciation_report(2026)
    assert (report.first, report.last, report.label) == (date(2025, 4, 1), date(2026, 3, 31), "2025-2026")
    rows = {row.label: row for row in report.rows}
    laptops = rows["Ordinateur portable"]
    assert laptops.assets == 3
    assert laptops.figures == {
        "opening_cost": D("3890.00"),
        "acquisitions": D("1200.00"),
        "disposals": D("2000.00"),
        "closing_cost": D("3090.00"),
        "opening_depreciation": D("1953.05"),  # 448,88 (12 months) + 1 504,17 (38 months)
        "expense": D("947.62"),  # 448,87 + 142,50 (6 months) + 356,25 (9 months to the disposal)
        "written_off": D("1860.42"),  # the disposed laptop's 47 months
        "closing_depreciation": D("1040.25"),  # 897,75 + 142,50
        "opening_value": D("1936.95"),
        "closing_value": D("2049.75"),
    }
    # A chair bought on the first day of the year: twelve months of 10 $.
    assert rows["Chaise"].figures["expense"] == D("120.00")
    assert report.total.figures["expense"] == D("1067.62")
    assert report.without_terms == 1


def test_the_report_page_and_its_exports(make_client, technician, laptop_category):
    laptop(laptop_category, "1890.00", date(2024, 3, 15))
    client = make_client(technician)
    page = client.get(reverse("inventaire:depreciation"), {"year": 2026})
    assert page.status_code == 200 and "2025-2026" in page.text and "448,87" in page.text
    for fmt in ("csv", "xlsx"):
        response = client.get(reverse("inventaire:depreciation"), {"year": 2026, "export": fmt})
        assert response.status_code == 200 and "amortissement-2025-2026" in response["Content-Disposition"]
    text = b"".join(client.get(reverse("inventaire:depreciation"), {"year": 2026, "export": "csv"}).streaming_content)
    assert b"Ordinateur portable" in text and b"992.25" in text


@pytest.mark.parametrize("year", ["abc", "1999", "2101"])
def test_a_bad_year_answers_422_in_french(make_client, technician, year):
    response = make_client(technician).get(reverse("inventaire:depreciation"), {"year": year})
    assert response.status_code == 422
    assert response.context["form"].errors["year"]


@pytest.mark.parametrize("who", ["staff_user", "partner_user"])
def test_the_report_is_for_the_role(make_client, request, who):
    assert make_client(request.getfixturevalue(who)).get(reverse("inventaire:depreciation")).status_code == 403


def test_the_asset_page_gives_the_book_value_on_a_day(make_client, technician, laptop_category):
    asset = laptop(laptop_category, "1890.00", date(2024, 3, 15))
    page = make_client(technician).get(reverse("inventaire:asset_detail", args=[asset.pk]), {"on": "2026-03-15"})
    assert "992,25 $" in page.text
