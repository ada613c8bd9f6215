"""When a seat is vacant (administrateurs/selectors/vacancies.py), on a fixed day checked by
hand: 15 January 2026, so within 6 months is up to 15 July 2026 and within 12 months up to
15 January 2027. The page, its filters and export, and its constant query count."""

from datetime import date

import pytest
from dateutil.relativedelta import relativedelta
from django.urls import reverse
from django.utils import timezone

from administrateurs import selectors
from administrateurs.choices import BodyKind
from administrateurs.models import Body, Seat
from administrateurs.selectors.vacancies import vacant_from
from opq_intranet.accounts.roles import Role
from tests.administrateurs.factories import BodyFactory, TermFactory
from tests.factories import UserFactory, order
from tests.querycounts import up_to

pytestmark = pytest.mark.django_db

DAY = date(2026, 1, 15)


@pytest.fixture
def officer(db):
    return UserFactory(roles=[Role.STAFF, Role.APPOINTMENTS])


@pytest.fixture
def seats(db):
    """Seats 1 to 12 of one board, each in a case written down by hand."""
    body = BodyFactory(order=order("infirmieres"), name="Conseil de l’OIIQ", size=13, office_seats=12)
    seat = {s.number: s for s in body.seats.all()}

    def term(number, starts_on, ends_on, **fields):
        return TermFactory(seat=seat[number], starts_on=starts_on, ends_on=ends_on, **fields)

    # 1: never held.
    term(2, date(2021, 1, 1), date(2025, 12, 31))  # ended before the day: vacant since 2026-01-01
    term(3, date(2022, 1, 15), date(2026, 1, 14))  # last day the day before: vacant from the day itself
    term(4, date(2022, 1, 16), date(2026, 1, 15))  # held on the day, its last: vacant the day after
    term(5, date(2022, 7, 16), date(2026, 7, 15))  # last day on the 6 months' edge: within 6 months
    term(6, date(2022, 7, 17), date(2026, 7, 16))  # a day later: within 12 months
    term(7, date(2023, 1, 16), date(2027, 1, 15))  # last day on the 12 months' edge: within 12 months
    term(8, date(2023, 1, 17), date(2027, 1, 16))  # a day later: held
    renewed = term(9, date(2022, 4, 1), date(2026, 3, 31))
    term(9, date(2026, 4, 1), date(2030, 3, 31), candidate=renewed.candidate, renewal_of=renewed)  # renewed: held
    term(10, date(2022, 4, 1), date(2026, 3, 31))
    term(10, date(2026, 9, 1), date(2030, 8, 31))  # a successor recorded (after a gap): held
    term(11, date(2024, 4, 1), date(2028, 3, 31), ended_on=date(2026, 2, 1))  # ending early: within 6 months
    term(12, date(2026, 3, 1), date(2030, 2, 28))  # nobody today, but someone from 1 March: held
    return seat


def numbers(queryset):
    return sorted(seat.number for seat in queryset)


def test_vacant_now_within_6_and_within_12_months(seats):
    assert numbers(selectors.vacancies(DAY, horizon="now")) == [1, 2, 3]
    assert numbers(selectors.vacancies(DAY, horizon="6")) == [1, 2, 3, 4, 5, 11]
    assert numbers(selectors.vacancies(DAY, horizon="12")) == [1, 2, 3, 4, 5, 6, 7, 11]
    assert selectors.vacancy_counts(DAY) == {"now": 3, "6": 6, "12": 8}


def test_each_seat_s_band_and_first_vacant_day(seats):
    by_number = {seat.number: seat for seat in selectors.seats_by_vacancy(DAY)}
    assert {n: by_number[n].band for n in range(1, 13)} == {
        1: "now",
        2: "now",
        3: "now",
        4: "6",
        5: "6",
        6: "12",
        7: "12",
        8: "",
        9: "",
        10: "",
        11: "6",
        12: "",
    }
    assert [vacant_from(by_number[n]) for n in (1, 2, 3, 4, 11, 9)] == [
        None,
        date(2026, 1, 1),
        date(2026, 1, 15),
        date(2026, 1, 16),
        date(2026, 2, 2),
        date(2030, 4, 1),
    ]


def test_a_day_later_the_bands_move(seats):
    assert numbers(selectors.vacancies(date(2026, 1, 16), horizon="now")) == [1, 2, 3, 4]
    assert numbers(selectors.vacancies(date(2026, 1, 16), horizon="6")) == [1, 2, 3, 4, 5, 6, 11]


def test_inactive_seats_and_bodies_are_left_out(seats):
    Seat.objects.filter(pk=seats[1].pk).update(is_active=False)
    assert numbers(selectors.vacancies(DAY, horizon="now")) == [2, 3]
    Body.objects.filter(pk=seats[1].body_id).update(is_active=False)
    assert selectors.vacancy_counts(DAY) == {"now": 0, "6": 0, "12": 0}


def test_the_seats_status_on_the_body_s_page(seats):
    states = {state.seat.number: state for state in selectors.seat_states(Seat.objects.all(), DAY)}
    assert {n: states[n].status for n in range(1, 13)} == {
        1: "vacant",
        2: "vacant",
        3: "vacant",
        4: "ending",
        5: "ending",
        6: "held",
        7: "held",
        8: "held",
        9: "held",
        10: "held",
        11: "ending",
        12: "vacant",
    }
    assert states[9].current.ends_on == date(2026, 3, 31) and states[9].next_term.starts_on == date(2026, 4, 1)
    assert states[12].current is None and states[12].next_term.starts_on == date(2026, 3, 1)
    assert states[4].current.last_day == DAY


# The page (it reads today's date: its rows are made relative to it)


TODAY = timezone.localdate()
THREE_YEARS_AGO = TODAY - relativedelta(years=3)  # a 4-year term from then ends within 12 months


def test_the_page_filters_by_horizon_order_and_kind(make_client, officer):
    board = BodyFactory(order=order("infirmieres"), name="Conseil de l’OIIQ", office_seats=2)
    committee = BodyFactory(
        order=order("ingenieurs"), name="Comité de révision de l’OIQ", kind=BodyKind.REVIEW_COMMITTEE, office_seats=1
    )
    TermFactory(seat=board.seats.get(number=2), starts_on=THREE_YEARS_AGO)
    client = make_client(officer)
    url = reverse("administrateurs:vacancy_list")
    page = client.get(url)
    assert page.status_code == 200
    assert page.context["total"] == 3
    assert client.get(url, {"horizon": "now"}).context["total"] == 2
    assert client.get(url, {"order": committee.order_id}).context["total"] == 1
    assert client.get(url, {"kind": BodyKind.BOARD}).context["total"] == 2
    assert client.get(url, {"q": "révision"}).context["total"] == 1
    assert "Jamais occupé" in page.text
    assert reverse("administrateurs:seat_detail", args=[board.seats.get(number=1).pk]) in page.text
    refused = client.get(url, {"horizon": "12"})  # the default: not a choice
    assert refused.context["total"] == 0 and "Sélectionnez un choix valide" in refused.text
    export = client.get(url, {"export": "csv"})
    assert export.status_code == 200 and "Conseil de l’OIIQ" in export.getvalue().decode("utf-8-sig")


def test_each_vacancy_links_to_its_matching(make_client, officer):
    seat = BodyFactory().seats.first()
    page = make_client(officer).get(reverse("administrateurs:vacancy_list"))
    assert "Trouver un candidat" in page.text and reverse("administrateurs:seat_matching", args=[seat.pk]) in page.text


def test_the_page_costs_the_same_with_10_and_100_vacancies(assert_constant_queries, make_client, officer):
    def vacancies(count):
        """A body of `count` seats: half never held, half held to within the next 12 months."""
        body = BodyFactory(size=count, office_seats=count, with_seats=False)
        Seat.objects.bulk_create([Seat(body=body, number=n) for n in range(1, count + 1)])
        for seat in Seat.objects.filter(body=body).order_by("number")[: count // 2]:
            TermFactory(seat=seat, starts_on=THREE_YEARS_AGO)

    url = reverse("administrateurs:vacancy_list")
    assert_constant_queries("administrateurs:vacancy_list", make_client(officer), url, up_to(vacancies))
