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
    form = selectors.form_definition(figures[2026])
    public = statistics.public_release(indicator(figures, "membres-fin"), "", [2025, 2026], form)
    rows = {order.code: values for order, values in public.rows}
    assert rows["sages-femmes"][2026] == "x"  # 3 members: fewer than 5
    # The 2026 total would reveal it: the smallest other count of 2026 is hidden too.
    assert rows["notaires"][2026] == "x"
    assert rows["barreau"][2026] == 29000
    assert rows["notaires"][2025] == 4000
    assert public.totals == {2025: 32000, 2026: 33103}
    # The table itself is untouched.
    table = statistics.indicator_table(indicator(figures, "membres-fin"), "", [2025, 2026], None)
    assert {o.code: v for o, v in table.rows}["sages-femmes"][2026] == 3


def test_amounts_are_not_suppressed(figures):
    accepted("chimistes", figures[2026], {("revenus", ""): 3})
    form = selectors.form_definition(figures[2026])
    public = statistics.public_release(indicator(figures, "revenus"), "", [2026], form)
    assert {o.code: v for o, v in public.rows}["chimistes"] == {2026: 3}


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


# --- The exports: every published line, numbers as numbers with their format ---------------------


def xlsx_rows(client, **params):
    path, query = url(export="xlsx", **params)
    response = client.get(path, query)
    assert response.status_code == 200
    sheet = load_workbook(io.BytesIO(response.content)).active
    return {row[0].value: row for row in sheet.iter_rows() if row[0].value is not None}


def test_the_exports_carry_the_number_of_orders_reporting(make_client, analyst, figures):
    client = make_client(analyst)
    path, params = url(export="csv")
    text = b"".join(client.get(path, params).streaming_content).decode()
    rows = list(csv.reader(io.StringIO(text[1:])))
    assert ["Ordres ayant déclaré", "2", "3"] in rows
    assert ["Total", "32000", "33103"] in rows
    reporting = xlsx_rows(client)["Ordres ayant déclaré"]
    assert [c.value for c in reporting[1:]] == [2, 3]
    assert all(c.data_type == "n" for c in reporting[1:])
    public = xlsx_rows(client, public="1")
    assert [c.value for c in public["Ordres ayant déclaré"][1:]] == [2, 3]


def test_the_xlsx_numbers_are_numbers_with_a_number_format(make_client, analyst, figures):
    client = make_client(analyst)
    total = xlsx_rows(client)["Total"]
    assert [c.value for c in total[1:]] == [32000, 33103]
    assert all(c.data_type == "n" and c.number_format == "#,##0" for c in total[1:])
    accepted("chimistes", figures[2026], {("revenus", ""): "1234567.5"})
    revenue = xlsx_rows(client, indicator="revenus")["Ordre des chimistes du Québec"]
    assert revenue[2].value == 1234567.5
    assert revenue[2].number_format == '#,##0 "$"'  # 1 234 568 $, as the page shows it
    share = xlsx_rows(client, indicator="part-femmes")["Barreau du Québec"]
    assert share[1].value == 53.57  # 15 000 / 28 000, rounded to the hundredth
    assert share[1].number_format == '0.0 "%"'


def test_the_csv_writes_a_share_rounded_and_never_a_float_tail(make_client, analyst, figures):
    path, params = url(export="csv", indicator="part-femmes")
    text = b"".join(make_client(analyst).get(path, params).streaming_content).decode()
    rows = {r[0]: r[1:] for r in csv.reader(io.StringIO(text[1:])) if r}
    assert rows["Barreau du Québec"] == ["53.57", "55.17"]
    assert rows["Total"] == ["55", "56.49"]


def test_text_in_the_xlsx_never_becomes_a_formula(make_client, analyst, figures):
    from bdsp.models import Indicator

    Indicator.objects.filter(reporting_year=figures[2026], code="membres-fin").update(
        label='=HYPERLINK("http://exemple.test","cliquez")'
    )
    rows = xlsx_rows(make_client(analyst))
    title = next(cell for cell, *_rest in rows.values() if str(cell.value).startswith("=HYPERLINK"))
    assert title.data_type == "s"
