"""Legal holidays (Loi d'interprétation, art. 61) and deadlines (art. 52), on real dates."""

from datetime import date, timedelta

import pytest
from dateutil.easter import easter

from opq_intranet.core import calendar
from tests.factories import OfficeClosureFactory


def act_list(year):
    """Art. 61 par. 23 of RLRQ c. I-16, computed here independently of the `holidays` package."""
    good_friday = easter(year) - timedelta(days=2)
    days = {
        date(year, 1, 1),  # b) 1 January
        good_friday,  # c) Good Friday
        good_friday + timedelta(days=3),  # d) Easter Monday
        date(year, 6, 24),  # e) 24 June, fête nationale
        date(year, 7, 2) if date(year, 7, 1).weekday() == 6 else date(year, 7, 1),  # f) Canada Day
        first_weekday(year, 9, 0, nth=1),  # g) first Monday of September
        first_weekday(year, 10, 0, nth=2),  # g.1) second Monday of October
        date(year, 12, 25),  # h) Christmas
        monday_before(date(year, 5, 25)),  # i) the Sovereign's birthday, fixed by proclamation
    }
    if date(year, 7, 1).weekday() == 6:
        days.add(date(year, 7, 1))  # a Sunday, and listed by the package too
    return days


def first_weekday(year, month, weekday, nth):
    day = date(year, month, 1)
    while day.weekday() != weekday:
        day += timedelta(days=1)
    return day + timedelta(weeks=nth - 1)


def monday_before(day):
    day -= timedelta(days=1)
    while day.weekday() != 0:
        day -= timedelta(days=1)
    return day


@pytest.mark.parametrize("year", range(2000, 2051))
def test_the_package_gives_exactly_the_acts_list(year):
    assert set(calendar.legal_holidays(year)) == act_list(year)


def test_2026_by_hand():
    assert sorted(calendar.legal_holidays(2026)) == [
        date(2026, 1, 1),
        date(2026, 4, 3),  # Vendredi saint
        date(2026, 4, 6),  # lundi de Pâques
        date(2026, 5, 18),  # Journée nationale des patriotes
        date(2026, 6, 24),
        date(2026, 7, 1),
        date(2026, 9, 7),
        date(2026, 10, 12),
        date(2026, 12, 25),
    ]


def test_2_july_when_1_july_is_a_sunday():
    # 1 July 2029 is a Sunday: the Act names 2 July.
    assert date(2029, 7, 1).weekday() == 6
    assert date(2029, 7, 2) in calendar.legal_holidays(2029)
    assert date(2026, 7, 2) not in calendar.legal_holidays(2026)


def test_sundays_are_holidays_saturdays_are_not_under_the_act():
    assert calendar.is_legal_holiday(date(2026, 11, 29))  # Sunday
    assert not calendar.is_legal_holiday(date(2026, 11, 28))  # Saturday
    assert not calendar.is_legal_holiday(date(2026, 11, 24))  # Tuesday


def test_civil_procedure_adds_saturdays_26_december_and_2_january():
    assert calendar.is_legal_holiday(date(2026, 11, 28), civil_procedure=True)
    assert calendar.is_legal_holiday(date(2025, 12, 26), civil_procedure=True)  # a Friday
    assert calendar.is_legal_holiday(date(2026, 1, 2), civil_procedure=True)  # a Friday
    assert not calendar.is_legal_holiday(date(2025, 12, 26))


@pytest.mark.parametrize(
    ("start", "days", "expected", "why"),
    [
        (date(2026, 10, 27), 20, date(2026, 11, 16), "lands on a Monday: stands"),
        (date(2026, 11, 2), 20, date(2026, 11, 23), "lands on Sunday 22 November: Monday"),
        (date(2026, 11, 8), 20, date(2026, 11, 28), "lands on a Saturday: stands under I-16"),
        (date(2026, 3, 14), 20, date(2026, 4, 4), "lands on Good Friday 3 April: Saturday 4 April"),
        (date(2026, 3, 16), 20, date(2026, 4, 7), "lands on Easter Sunday, then Easter Monday: Tuesday"),
        (date(2026, 6, 4), 20, date(2026, 6, 25), "lands on 24 June: 25 June"),
        (date(2029, 6, 11), 20, date(2029, 7, 3), "lands on Sunday 1 July 2029, then holiday 2 July: Tuesday 3"),
        (date(2026, 12, 5), 20, date(2026, 12, 26), "lands on Christmas (Friday): Saturday 26 stands"),
    ],
)
def test_legal_deadline_art_52(start, days, expected, why):
    assert calendar.legal_deadline(start, days) == expected, why


@pytest.mark.parametrize(
    ("start", "days", "expected"),
    [
        (date(2026, 3, 14), 20, date(2026, 4, 7)),  # Good Friday, Saturday, Sunday, Easter Monday
        (date(2026, 11, 8), 20, date(2026, 11, 30)),  # Saturday, Sunday
        (date(2025, 12, 6), 20, date(2025, 12, 29)),  # Friday 26 December, weekend
    ],
)
def test_legal_deadline_under_civil_procedure(start, days, expected):
    assert calendar.legal_deadline(start, days, civil_procedure=True) == expected


@pytest.mark.django_db
def test_office_closures_never_move_a_legal_deadline():
    OfficeClosureFactory(date=date(2026, 11, 16), label="Fermeture")
    assert calendar.legal_deadline(date(2026, 10, 27), 20) == date(2026, 11, 16)


@pytest.mark.django_db
def test_working_days_skip_weekends_holidays_and_closures():
    OfficeClosureFactory(date=date(2026, 12, 24), label="Veille de Noël")
    OfficeClosureFactory(date=date(2026, 12, 28), label="Congé des Fêtes")
    # Tuesday 22 December + 3 working days: Wed 23, (Thu 24 closed, Fri 25 Christmas,
    # weekend, Mon 28 closed), Tue 29, Wed 30.
    assert calendar.add_working_days(date(2026, 12, 22), 3) == date(2026, 12, 30)
    assert calendar.add_working_days(date(2026, 12, 30), -3) == date(2026, 12, 22)
    assert calendar.add_working_days(date(2026, 12, 22), 0) == date(2026, 12, 22)
    assert not calendar.is_working_day(date(2026, 12, 24))
    assert calendar.is_working_day(date(2026, 12, 23))
    assert calendar.next_working_day(date(2026, 12, 24)) == date(2026, 12, 29)
    assert calendar.next_working_day(date(2026, 12, 23)) == date(2026, 12, 23)


@pytest.mark.django_db
def test_working_days_across_easter():
    # Thursday 2 April 2026 + 1 working day: Good Friday, weekend, Easter Monday -> Tuesday 7.
    assert calendar.add_working_days(date(2026, 4, 2), 1) == date(2026, 4, 7)


def test_add_days_is_a_plain_count():
    assert calendar.add_days(date(2026, 12, 20), 5) == date(2026, 12, 25)


def test_days_fixed_by_proclamation_come_from_the_settings(settings):
    settings.EXTRA_LEGAL_HOLIDAYS = ["2027-03-15"]
    calendar.legal_holidays.cache_clear()
    try:
        assert calendar.is_legal_holiday(date(2027, 3, 15))
        assert calendar.legal_deadline(date(2027, 2, 23), 20) == date(2027, 3, 16)
    finally:
        settings.EXTRA_LEGAL_HOLIDAYS = []
        calendar.legal_holidays.cache_clear()


def test_holidays_between_spans_years():
    found = calendar.holidays_between(date(2026, 12, 20), date(2027, 1, 5))
    assert [d for d, _name in found] == [date(2026, 12, 25), date(2027, 1, 1)]
