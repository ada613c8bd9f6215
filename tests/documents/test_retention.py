"""Retention arithmetic, each expected date worked out by hand (see documents/retention.py).

Periods count from the end of the counting year (31 December unless RECORDS_YEAR_END says
otherwise) in which their starting date falls.
"""

from datetime import date

import pytest
from django.core.exceptions import ValidationError

from documents import retention
from documents.choices import CopyKind, FinalDisposal, Medium, PeriodBasis
from documents.models import CopyRule
from documents.models.retention import validate_period
from documents.retention import FileDates, schedule_for_copy, schedule_for_file

C, D, T = FinalDisposal.PERMANENT, FinalDisposal.DESTRUCTION, FinalDisposal.SORTING


def copy_rule(active, semi, disposal=D, basis=PeriodBasis.CLOSING, kind=CopyKind.PRINCIPAL, medium=Medium.PAPER):
    return CopyRule(
        copy_kind=kind,
        medium=medium,
        active_period=active,
        active_basis=basis,
        semi_active_period=semi,
        final_disposal=disposal,
    )


CLOSED_MID_2020 = FileDates(opened_on=date(2018, 3, 1), closed_on=date(2020, 6, 15))


def test_years_count_from_the_end_of_the_closing_year():
    # Closed 2020-06-15 -> year end 2020-12-31; +2 active -> 2022-12-31; +5 semi-active -> 2027-12-31.
    schedule = schedule_for_copy(copy_rule(2, 5), CLOSED_MID_2020)
    assert schedule == retention.Schedule(date(2022, 12, 31), date(2027, 12, 31), D)


def test_a_file_closed_on_the_last_day_of_the_year_counts_from_that_day():
    dates = FileDates(opened_on=date(2019, 1, 1), closed_on=date(2020, 12, 31))
    assert schedule_for_copy(copy_rule(1, 1), dates).disposal_on == date(2022, 12, 31)


def test_counting_from_the_opening_needs_no_closing():
    # Opened 2019-02-01 -> 2019-12-31; +3 -> 2022-12-31; no semi-active stage: disposal then.
    dates = FileDates(opened_on=date(2019, 2, 1))
    schedule = schedule_for_copy(copy_rule(3, 0, C, basis=PeriodBasis.OPENING), dates)
    assert schedule == retention.Schedule(None, date(2022, 12, 31), C)


def test_counting_from_the_closing_waits_for_it():
    schedule = schedule_for_copy(copy_rule(2, 5), FileDates(opened_on=date(2024, 1, 10)))
    assert (schedule.semi_active_on, schedule.disposal_on) == (None, None)
    assert schedule.pending == retention.WAITING_FOR_CLOSING


def test_counting_from_an_event():
    rule = copy_rule(1, 6, basis=PeriodBasis.EVENT)
    assert schedule_for_copy(rule, FileDates(date(2020, 1, 1))).pending == retention.WAITING_FOR_EVENT
    # Event 2024-03-10 -> 2024-12-31; +1 -> 2025-12-31; +6 -> 2031-12-31.
    schedule = schedule_for_copy(rule, FileDates(date(2020, 1, 1), event_on=date(2024, 3, 10)))
    assert schedule == retention.Schedule(date(2025, 12, 31), date(2031, 12, 31), D)


def test_888_active_as_long_as_the_file_is_open():
    rule = copy_rule(888, 10, C, basis=PeriodBasis.OPENING)
    still_open = FileDates(opened_on=date(2015, 5, 5))
    assert schedule_for_copy(rule, still_open).pending == retention.WAITING_FOR_CLOSING
    # Closed 2021-09-30 -> active until 2021-12-31; +10 -> 2031-12-31.
    closed = FileDates(opened_on=date(2015, 5, 5), closed_on=date(2021, 9, 30))
    assert schedule_for_copy(rule, closed) == retention.Schedule(date(2021, 12, 31), date(2031, 12, 31), C)


def test_999_active_until_replaced():
    rule = copy_rule(999, 2, basis=PeriodBasis.OPENING)
    assert schedule_for_copy(rule, FileDates(date(2019, 4, 1))).pending == retention.WAITING_FOR_REPLACEMENT
    # Replaced 2023-01-15 -> 2023-12-31; +2 -> 2025-12-31.
    replaced = FileDates(date(2019, 4, 1), event_on=date(2023, 1, 15))
    assert schedule_for_copy(rule, replaced) == retention.Schedule(date(2023, 12, 31), date(2025, 12, 31), D)


def test_999_semi_active_never_ends_before_the_active_period():
    rule = copy_rule(2, 999)
    # Active until 2022-12-31; replaced in 2021: the semi-active stage ends with the active one.
    early = FileDates(date(2018, 3, 1), closed_on=date(2020, 6, 15), event_on=date(2021, 5, 1))
    assert schedule_for_copy(rule, early).disposal_on == date(2022, 12, 31)
    # Replaced 2026-07-01 -> semi-active until 2026-12-31.
    late = FileDates(date(2018, 3, 1), closed_on=date(2020, 6, 15), event_on=date(2026, 7, 1))
    assert schedule_for_copy(rule, late) == retention.Schedule(date(2022, 12, 31), date(2026, 12, 31), D)
    assert schedule_for_copy(rule, CLOSED_MID_2020).pending == retention.WAITING_FOR_REPLACEMENT


def test_a_counting_year_ending_31_march(settings):
    settings.RECORDS_YEAR_END = (3, 31)
    # Closed 2020-06-15 -> counting year ends 2021-03-31; +2 -> 2023-03-31; +5 -> 2028-03-31.
    assert schedule_for_copy(copy_rule(2, 5), CLOSED_MID_2020) == retention.Schedule(
        date(2023, 3, 31), date(2028, 3, 31), D
    )
    # Closed on 2020-03-31 itself -> that day; +2 -> 2022-03-31.
    on_the_day = FileDates(date(2019, 1, 1), closed_on=date(2020, 3, 31))
    assert schedule_for_copy(copy_rule(2, 0), on_the_day).disposal_on == date(2022, 3, 31)


RULE_WITH_BOTH_COPIES = [
    copy_rule(2, 5, C, kind=CopyKind.PRINCIPAL, medium=Medium.PAPER),
    copy_rule(1, 0, D, kind=CopyKind.SECONDARY, medium=Medium.PAPER),
    copy_rule(4, 0, D, kind=CopyKind.PRINCIPAL, medium=Medium.DIGITAL),
]


def test_principal_and_secondary_copies_follow_their_own_rules():
    principal = schedule_for_file(
        RULE_WITH_BOTH_COPIES, copy_kind=CopyKind.PRINCIPAL, medium="paper", dates=CLOSED_MID_2020
    )
    assert principal == retention.Schedule(date(2022, 12, 31), date(2027, 12, 31), C)
    # Secondary: 1 year from 2020-12-31, then destroyed; no semi-active stage.
    secondary = schedule_for_file(
        RULE_WITH_BOTH_COPIES, copy_kind=CopyKind.SECONDARY, medium="paper", dates=CLOSED_MID_2020
    )
    assert secondary == retention.Schedule(None, date(2021, 12, 31), D)


def test_a_secondary_copy_without_its_own_rule_follows_the_principal():
    # No secondary digital rule: the principal digital one applies (4 years -> 2024-12-31).
    schedule = schedule_for_file(
        RULE_WITH_BOTH_COPIES, copy_kind=CopyKind.SECONDARY, medium="digital", dates=CLOSED_MID_2020
    )
    assert schedule == retention.Schedule(None, date(2024, 12, 31), D)


def test_a_hybrid_file_takes_the_later_dates_and_the_stronger_disposal():
    rules = [copy_rule(2, 5, D, medium=Medium.PAPER), copy_rule(1, 3, C, medium=Medium.DIGITAL)]
    # Paper: 2022-12-31 / 2027-12-31 D; digital: 2021-12-31 / 2024-12-31 C.
    schedule = schedule_for_file(rules, copy_kind=CopyKind.PRINCIPAL, medium="hybrid", dates=CLOSED_MID_2020)
    assert schedule == retention.Schedule(date(2022, 12, 31), date(2027, 12, 31), C)
    sorting = [copy_rule(2, 5, D, medium=Medium.PAPER), copy_rule(1, 3, T, medium=Medium.DIGITAL)]
    assert schedule_for_file(sorting, copy_kind="principal", medium="hybrid", dates=CLOSED_MID_2020).final_disposal == T


def test_a_medium_without_a_rule_says_so():
    schedule = schedule_for_file(
        [copy_rule(2, 5, medium=Medium.PAPER)], copy_kind=CopyKind.PRINCIPAL, medium="digital", dates=CLOSED_MID_2020
    )
    assert schedule.pending == retention.NO_RULE and schedule.disposal_on is None


@pytest.mark.parametrize("period", [0, 1, 99, 888, 999])
def test_valid_periods(period):
    validate_period(period)


@pytest.mark.parametrize("period", [100, 500, 887, 1000])
def test_invalid_periods_say_why_in_french(period):
    with pytest.raises(ValidationError, match="Une période est un nombre d’années de 0 à 99"):
        validate_period(period)
