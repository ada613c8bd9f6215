"""Statistics across orders and years, on hand-computed figures."""

import csv
import io
from decimal import Decimal

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from bdsp import selectors, services, statistics
from bdsp.choices import ReturnStatus, ValueState
from bdsp.models import AnnualReturn, ReturnValue
from opq_intranet.core.models import ProfessionalOrder

pytestmark = pytest.mark.django_db


@pytest.fixture
def years(draft_form):
    return {2025: draft_form, 2026: services.form_copy(source=draft_form, year=2026)}


def accepted(order_code, reporting_year, values, *, status=ReturnStatus.ACCEPTED, version=1, amends=None):
    order = ProfessionalOrder.objects.get(code=order_code)
    annual_return = AnnualReturn.objects.create(
        professional_order=order, reporting_year=reporting_year, status=status, version=version, amends=amends
    )
    form = selectors.form_definition(reporting_year)
    for (code, key), number in values.items():
        if number == "no_activity":
            ReturnValue.objects.create(
                annual_return=annual_return, indicator_id=form.indicators[code].id, category_key=key,
                state=ValueState.NO_ACTIVITY,
            )  # fmt: skip
        else:
            ReturnValue.objects.create(
                annual_return=annual_return, indicator_id=form.indicators[code].id, category_key=key,
                number=Decimal(number),
            )  # fmt: skip
    return annual_return


@pytest.fixture
def figures(years):
    """Members at year end and by sex, for three orders over two years (hand-made)."""
    accepted("barreau", years[2025], {("membres-fin", ""): 28000, ("membres-sexe", "f"): 15000})
    accepted("barreau", years[2026], {("membres-fin", ""): 29000, ("membres-sexe", "f"): 16000})
    accepted("notaires", years[2025], {("membres-fin", ""): 4000, ("membres-sexe", "f"): 2600})
    first = accepted("notaires", years[2026], {("membres-fin", ""): 9999, ("membres-sexe", "f"): 1})
    first.superseded = True  # replaced by the amendment below: must not count
    first.save()
    accepted("notaires", years[2026], {("membres-fin", ""): 4100, ("membres-sexe", "f"): 2700}, version=2, amends=first)
    accepted("urbanistes", years[2026], {("membres-fin", ""): 3}, status=ReturnStatus.SUBMITTED)  # not accepted
    accepted("sages-femmes", years[2026], {("membres-fin", ""): 3, ("appels", ""): "no_activity"})
    return years


def indicator(years, code):
    return selectors.form_definition(years[2026]).indicators[code]


def test_members_by_order_and_year(figures):
    table = statistics.indicator_table(indicator(figures, "membres-fin"), "", [2025, 2026], None)
    rows = {order.code: values for order, values in table.rows}
    assert rows["barreau"] == {2025: 28000, 2026: 29000}
    assert rows["notaires"] == {2025: 4000, 2026: 4100}  # the amendment, not the replaced version
    assert rows["sages-femmes"] == {2025: None, 2026: 3}
    assert "urbanistes" not in rows  # only submitted
    assert table.totals == {2025: 32000, 2026: 33103}
    assert table.reporting == {2025: 2, 2026: 3}


def test_a_category(figures):
    table = statistics.indicator_table(indicator(figures, "membres-sexe"), "f", [2025, 2026], None)
    assert table.totals == {2025: 17600, 2026: 18700}


def test_no_activity_counts_as_zero(figures):
    table = statistics.indicator_table(indicator(figures, "appels"), "", [2026], None)
    assert {o.code: v for o, v in table.rows}["sages-femmes"] == {2026: 0}


def test_derived_share_of_women_per_order_and_system_wide(figures):
    table = statistics.indicator_table(indicator(figures, "part-femmes"), "", [2025, 2026], None)
    rows = {order.code: values for order, values in table.rows}
    # Barreau 2025: 15 000 / 28 000 = 53.57 %; system 2025: 17 600 / 32 000 = 55 %.
    assert rows["barreau"][2025].quantize(Decimal("0.01")) == Decimal("53.57")
    assert table.totals[2025] == Decimal(55)
    # 2026: women 16 000 + 2 700 = 18 700 over members with a sex figure... the formula uses
    # the totals of both indicators: 18 700 / 33 103 = 56.49 %.
    assert table.totals[2026].quantize(Decimal("0.01")) == Decimal("56.49")


def test_selected_orders_only(figures):
    barreau = ProfessionalOrder.objects.get(code="barreau")
    table = statistics.indicator_table(indicator(figures, "membres-fin"), "", [2025, 2026], [barreau])
    assert [o.code for o, _v in table.rows] == ["barreau"]
    assert table.totals == {2025: 28000, 2026: 29000}


def test_public_release_hides_small_counts_and_what_would_reveal_them(figures):
    table = statistics.indicator_table(indicator(figures, "membres-fin"), "", [2025, 2026], None)
    public = statistics.for_public_release(table)
    rows = {order.code: values for order, values in public.rows}
    assert rows["sages-femmes"][2026] == "x"  # 3 members: fewer than 5
    # The 2026 total would reveal it: the smallest other count of 2026 is hidden too.
    assert rows["notaires"][2026] == "x"
    assert rows["barreau"][2026] == 29000
    assert rows["notaires"][2025] == 4000
    # The original table is untouched.
    assert {o.code: v for o, v in table.rows}["sages-femmes"][2026] == 3


def test_amounts_are_not_suppressed(figures):
    accepted("chimistes", figures[2026], {("revenus", ""): 3})
    table = statistics.indicator_table(indicator(figures, "revenus"), "", [2026], None)
    assert statistics.for_public_release(table) is table


# --- The page --------------------------------------------------------------------------------


def url(**params):
    base = {"indicator": "membres-fin", "category": "", "start": 2025, "end": 2026}
    base.update(params)
    return reverse("bdsp:statistics"), base


def test_page_shows_table_and_chart(make_client, analyst, figures):
    path, params = url()
    response = make_client(analyst).get(path, params)
    assert response.status_code == 200
    assert response.context["table"].totals == {2025: 32000, 2026: 33103}
    assert 'id="stat-chart-data"' in response.text
    assert "33\u00a0103" in response.text


def test_bad_years_are_refused_in_french(make_client, analyst, figures):
    path, params = url(start=2026, end=2025)
    response = make_client(analyst).get(path, params)
    assert response.context["table"] is None
    assert "La première année vient après la dernière." in response.text


def test_exports(make_client, analyst, figures):
    client = make_client(analyst)
    path, params = url(export="csv")
    response = client.get(path, params)
    assert response["Content-Disposition"].startswith('attachment; filename="bdsp-membres-fin-')
    text = b"".join(response.streaming_content).decode()
    assert text.startswith("\ufeff")  # the byte-order mark, for Excel
    rows = list(csv.reader(io.StringIO(text[1:])))
    assert rows[1] == ["Ordre professionnel", "2025", "2026"]
    assert ["Total", "32000", "33103"] in rows  # numbers as numbers, never "32000.0"
    path, params = url(export="xlsx", public="1")
    sheet = load_workbook(io.BytesIO(client.get(path, params).content)).active
    values = [list(r) for r in sheet.values]
    sages = next(r for r in values if r[0] == "Ordre des sages-femmes du Québec")
    assert sages[2] == "x"
    total = next(r for r in values if r[0] == "Total")
    assert isinstance(total[1], int)  # a number cell, not text


def test_partner_and_staff_without_role_cannot_see_statistics(make_client, filer, staff_user, figures):
    path, params = url()
    assert make_client(filer).get(path, params).status_code == 403
    assert make_client(staff_user).get(path, params).status_code == 403


def test_statistics_query_count(make_client, analyst, figures, assert_query_count):
    services.form_open(reporting_year=figures[2026], user=analyst)  # an open year's form is kept in memory
    client = make_client(analyst)
    path, params = url()
    client.get(path, params)
    with assert_query_count("bdsp:statistics"):
        client.get(path, params)
