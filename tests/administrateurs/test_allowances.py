"""Attendance allowances on figures computed by hand.

The table: regular meetings from 2025-04-01, 200 $ from 0 h and 350 $ from 4 h; from 2026-04-01,
220 $ and 380 $. So a 5-hour meeting on 2026-03-31 pays 350 $, on 2026-04-01 380 $; leaving
that meeting after 3 h pays 220 $; an absent appointee 0 $; a special meeting (no rate in the
table) 0 $, flagged.

Hélène Bouchard attends:   2026-03-31 regular 5 h          350,00
                           2026-04-01 regular 5 h          380,00
                           2026-06-10 regular 5 h, left early after 3 h   220,00
                           2026-09-15 regular 4 h          380,00
  2025-04-01 to 2027-03-31: 4 meetings, 1 330,00 $; fiscal year 2026-2027: 3 meetings, 980,00 $.
Marc Gagnon:               2026-04-01 regular 5 h          380,00
                           2026-06-10 absent                 (0, not a meeting attended)
                           2026-06-11 special 2 h           0,00, no rate
  fiscal year 2026-2027: 2 meetings, 380,00 $.
"""

import csv
import io
from datetime import date
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook
from pypdf import PdfReader

from administrateurs import allowances
from administrateurs.choices import MeetingKind
from administrateurs.models import Attendance
from opq_intranet.accounts.roles import Role
from opq_intranet.core.calendar import fiscal_year, fiscal_year_of
from tests.administrateurs.factories import (
    AllowanceRateFactory,
    AttendanceFactory,
    BodyFactory,
    CandidateFactory,
    MeetingFactory,
    TermFactory,
)
from tests.factories import UserFactory
from tests.querycounts import up_to

pytestmark = pytest.mark.django_db

WHOLE = {"start": "2025-04-01", "end": "2027-03-31"}
FY_2027 = {"start": "2026-04-01", "end": "2027-03-31"}


@pytest.fixture
def officer(db):
    return UserFactory(roles=[Role.STAFF, Role.APPOINTMENTS])


@pytest.fixture
def rates(db):
    return {
        (h, day): AllowanceRateFactory(min_hours=h, amount=amount, valid_from=day)
        for h, amount, day in [
            (0, 200, date(2025, 4, 1)),
            (4, 350, date(2025, 4, 1)),
            (0, 220, date(2026, 4, 1)),
            (4, 380, date(2026, 4, 1)),
        ]
    }


@pytest.fixture
def body(db):
    return BodyFactory(name="Conseil d’administration de l’Ordre des chimistes")


@pytest.fixture
def bouchard(body):
    candidate = CandidateFactory(first_name="Hélène", last_name="Bouchard", status="appointed")
    return TermFactory(seat=body.seats.get(number=1), candidate=candidate)


@pytest.fixture
def gagnon(body):
    candidate = CandidateFactory(first_name="Marc", last_name="Gagnon", status="appointed")
    return TermFactory(seat=body.seats.get(number=2), candidate=candidate)


@pytest.fixture
def year(rates, body, bouchard, gagnon):
    march = MeetingFactory(body=body, held_on=date(2026, 3, 31), hours=5)
    april = MeetingFactory(body=body, held_on=date(2026, 4, 1), hours=5)
    june = MeetingFactory(body=body, held_on=date(2026, 6, 10), hours=5)
    special = MeetingFactory(body=body, held_on=date(2026, 6, 11), hours=2, kind=MeetingKind.SPECIAL)
    september = MeetingFactory(body=body, held_on=date(2026, 9, 15), hours=4)
    AttendanceFactory(meeting=march, term=bouchard)
    AttendanceFactory(meeting=april, term=bouchard)
    AttendanceFactory(meeting=june, term=bouchard, left_early=True, hours_attended=3)
    AttendanceFactory(meeting=september, term=bouchard)
    AttendanceFactory(meeting=april, term=gagnon)
    AttendanceFactory(meeting=june, term=gagnon, present=False)
    AttendanceFactory(meeting=special, term=gagnon)
    return {"march": march, "april": april, "june": june, "special": special, "september": september}


# --- The rule -----------------------------------------------------------------------------------


def owed(meeting, **attendance):
    return allowances.allowance_for(Attendance(meeting=meeting, **attendance), allowances.rate_table(), meeting)


def test_the_rate_of_the_meetings_day_and_the_threshold_reached(rates, body):
    day_before, first_day = date(2026, 3, 31), date(2026, 4, 1)
    five_hours_before = MeetingFactory(body=body, held_on=day_before, hours=5)
    five_hours = MeetingFactory(body=body, held_on=first_day, hours=5)
    assert owed(five_hours_before).amount == Decimal("350.00")
    assert owed(five_hours).amount == Decimal("380.00")
    left_after_3 = owed(five_hours, left_early=True, hours_attended=Decimal("3"))
    assert (left_after_3.amount, left_after_3.hours, left_after_3.rate) == (
        Decimal("220.00"),
        Decimal("3"),
        rates[(0, first_day)],
    )
    late_4 = owed(five_hours, arrived_late=True, hours_attended=Decimal("4"))
    assert (late_4.amount, late_4.rate) == (Decimal("380.00"), rates[(4, first_day)])
    assert owed(MeetingFactory(body=body, held_on=day_before, hours=Decimal("3.75"))).amount == Decimal("200.00")
    absent = owed(five_hours, present=False)
    assert (absent.amount, absent.no_rate) == (Decimal("0.00"), False)


def test_no_rate_is_zero_and_says_so(rates, body):
    special = owed(MeetingFactory(body=body, held_on=date(2026, 6, 11), hours=2, kind=MeetingKind.SPECIAL))
    assert (special.amount, special.no_rate, allowances.rate_text(special)) == (Decimal("0.00"), True, "aucun taux")
    before_the_table = owed(MeetingFactory(body=body, held_on=date(2025, 3, 31), hours=5))
    assert (before_the_table.amount, before_the_table.no_rate) == (Decimal("0.00"), True)


def test_the_latest_table_wins_even_without_a_threshold_reached(body):
    AllowanceRateFactory(min_hours=0, amount=200, valid_from=date(2025, 4, 1))
    AllowanceRateFactory(min_hours=2, amount=250, valid_from=date(2026, 4, 1))  # the new table starts at 2 h
    short = owed(MeetingFactory(body=body, held_on=date(2026, 5, 1), hours=Decimal("1.5")))
    assert (short.amount, short.no_rate) == (Decimal("0.00"), True)


# --- Totals over a period -------------------------------------------------------------------------


def totals(start, end, **options):
    lines = allowances.period_lines(date.fromisoformat(start), date.fromisoformat(end), **options)
    return [(str(t.candidate), t.meetings, t.total, t.no_rate) for t in allowances.totals_by_appointee(lines)]


def test_the_totals_per_appointee_and_period(year, body):
    assert totals(**WHOLE) == [
        ("Hélène Bouchard", 4, Decimal("1330.00"), 0),
        ("Marc Gagnon", 2, Decimal("380.00"), 1),
    ]
    assert totals(**FY_2027) == [
        ("Hélène Bouchard", 3, Decimal("980.00"), 0),
        ("Marc Gagnon", 2, Decimal("380.00"), 1),
    ]
    assert totals("2026-06-01", "2026-06-30") == [
        ("Hélène Bouchard", 1, Decimal("220.00"), 0),
        ("Marc Gagnon", 1, Decimal("0.00"), 1),
    ]
    assert totals(**WHOLE, body=BodyFactory()) == []


def test_the_totals_cost_two_queries(year, django_assert_num_queries):
    with django_assert_num_queries(2):
        lines = allowances.period_lines(date(2025, 4, 1), date(2027, 3, 31))
        assert allowances.period_total(lines) == Decimal("1710.00")


# --- The page, its exports, the statement -----------------------------------------------------------


def test_the_page_shows_one_row_per_appointee_for_the_current_fiscal_year(make_client, officer, year):
    response = make_client(officer).get(reverse("administrateurs:allowances"))
    assert response.status_code == 200
    start, end = fiscal_year(fiscal_year_of(timezone.localdate()))
    assert (response.context["start"], response.context["end"]) == (start, end)
    response = make_client(officer).get(reverse("administrateurs:allowances"), WHOLE)
    rows = [(str(t.candidate), t.meetings, t.total) for t in response.context["totals"]]
    assert rows == [("Hélène Bouchard", 4, Decimal("1330.00")), ("Marc Gagnon", 2, Decimal("380.00"))]
    assert "1\xa0330,00\xa0$" in response.text and "1\xa0710,00\xa0$" in response.text
    assert "aucun taux" in response.text


def test_the_page_filters_by_body(make_client, officer, year, rates):
    other = BodyFactory()
    term = TermFactory(seat=other.seats.first(), candidate__last_name="Côté")
    AttendanceFactory(meeting=MeetingFactory(body=other, held_on=date(2026, 5, 5), hours=5), term=term)
    response = make_client(officer).get(reverse("administrateurs:allowances"), {**WHOLE, "body": other.pk})
    assert [(t.candidate.last_name, t.total) for t in response.context["totals"]] == [("Côté", Decimal("380.00"))]


EXPECTED_ROWS = [
    ["Personne nommée", "Instance", "Date de la réunion", "Type", "Heures comptées", "Taux", "Montant"],
    ["Hélène Bouchard", "Conseil d’administration de l’Ordre des chimistes", "2026-04-01", "Réunion ordinaire",
     "5.00", "≥ 4 h, en vigueur depuis le 2026-04-01", "380.00"],
    ["Hélène Bouchard", "Conseil d’administration de l’Ordre des chimistes", "2026-06-10", "Réunion ordinaire",
     "3.00", "≥ 0 h, en vigueur depuis le 2026-04-01", "220.00"],
    ["Hélène Bouchard", "Conseil d’administration de l’Ordre des chimistes", "2026-09-15", "Réunion ordinaire",
     "4.00", "≥ 4 h, en vigueur depuis le 2026-04-01", "380.00"],
    ["Marc Gagnon", "Conseil d’administration de l’Ordre des chimistes", "2026-04-01", "Réunion ordinaire",
     "5.00", "≥ 4 h, en vigueur depuis le 2026-04-01", "380.00"],
    ["Marc Gagnon", "Conseil d’administration de l’Ordre des chimistes", "2026-06-11", "Réunion extraordinaire",
     "2.00", "aucun taux", "0.00"],
]  # fmt: skip


def test_the_payment_export_as_csv(make_client, officer, year):
    response = make_client(officer).get(reverse("administrateurs:allowances"), {**FY_2027, "export": "csv"})
    assert response.status_code == 200 and response["Content-Type"].startswith("text/csv")
    assert "allocations-2026-04-01-2027-03-31.csv" in response["Content-Disposition"]
    text = b"".join(response.streaming_content).decode("utf-8-sig")
    assert list(csv.reader(io.StringIO(text))) == EXPECTED_ROWS


def test_the_payment_export_as_xlsx(make_client, officer, year):
    response = make_client(officer).get(reverse("administrateurs:allowances"), {**FY_2027, "export": "xlsx"})
    sheet = load_workbook(io.BytesIO(response.content)).active
    rows = [list(r) for r in sheet.iter_rows(values_only=True)]
    assert rows[0] == EXPECTED_ROWS[0]
    assert rows[1][:2] == EXPECTED_ROWS[1][:2] and rows[1][2].date() == date(2026, 4, 1)
    assert [(r[0], r[4], r[6]) for r in rows[1:]] == [
        ("Hélène Bouchard", 5, 380),
        ("Hélène Bouchard", 3, 220),
        ("Hélène Bouchard", 4, 380),
        ("Marc Gagnon", 5, 380),
        ("Marc Gagnon", 2, 0),
    ]


def test_the_statement_of_an_appointee_in_french(make_client, officer, year, bouchard):
    url = reverse("administrateurs:allowance_statement", args=[bouchard.candidate.pk])
    response = make_client(officer).get(url, WHOLE)
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    assert "releve-allocations-Bouchard-2025-04-01-2027-03-31.pdf" in response["Content-Disposition"]
    text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(response.content)).pages)
    text = text.replace("\xa0", " ").replace("\u202f", " ")
    for expected in [
        "Relevé des allocations de présence",
        "Personne nommée : Hélène Bouchard",
        "Du 1 avril 2025 au 31 mars 2027",
        "2026-03-31",
        "350,00 $",
        "220,00 $",
        "4 réunions, total dû : 1 330,00 $.",
    ]:
        assert expected in text, expected
    assert "Gagnon" not in text


def test_a_period_ending_before_it_starts_answers_422(make_client, officer, year, bouchard):
    client = make_client(officer)
    response = client.get(reverse("administrateurs:allowances"), {"start": "2026-04-01", "end": "2026-03-01"})
    assert response.status_code == 422 and "La fin de la période précède son début." in response.text
    statement = client.get(
        reverse("administrateurs:allowance_statement", args=[bouchard.candidate.pk]), {"start": "abc"}
    )
    assert statement.status_code == 422 and "Saisissez une date valide." in statement.text
    export = client.get(
        reverse("administrateurs:allowances"), {"start": "2026-04-01", "end": "2026-03-01", "export": "csv"}
    )
    assert export.status_code == 422


# --- Each kind of user, query counts -------------------------------------------------------------


def test_each_kind_of_user(client, make_client, officer, staff_user, staff_without_role, partner_user, bouchard):
    urls = [
        reverse("administrateurs:allowances"),
        reverse("administrateurs:allowance_statement", args=[bouchard.candidate.pk]),
    ]
    for url in urls:
        response = client.get(url)
        assert response.status_code == 302 and response["Location"].startswith("/connexion/"), url
        for user in (staff_user, staff_without_role, partner_user):
            assert make_client(user).get(url).status_code == 403, (url, user)
        assert make_client(officer).get(url).status_code == 200, url
    missing = reverse("administrateurs:allowance_statement", args=[999_999])
    assert make_client(officer).get(missing).status_code == 404


def test_the_page_costs_the_same_with_10_and_100_attendances(
    assert_constant_queries, make_client, officer, rates, body
):
    seats = list(body.seats.all())

    def attendances(count):
        for n in range(count):
            meeting = MeetingFactory(body=body, held_on=date(2026, 4, 1 + n % 28), hours=5)
            AttendanceFactory(meeting=meeting, term=TermFactory(seat=seats[n % 4]))

    assert_constant_queries(
        "administrateurs:allowances",
        make_client(officer),
        reverse("administrateurs:allowances"),
        up_to(attendances),
        params=FY_2027,
    )
