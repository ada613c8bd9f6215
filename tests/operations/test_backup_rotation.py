"""The rotation rule on hand-picked dates: what is kept daily, weekly, monthly, and the age cap."""

from datetime import datetime, timedelta

from opq_intranet.core.backups.rotation import parse_stamp, sets_to_keep

NOW = datetime(2026, 12, 4, 3, 0)  # a Friday


def keep(stamps, daily=7, weekly=5, monthly=12, max_age_days=400):
    return sets_to_keep(stamps, now=NOW, daily=daily, weekly=weekly, monthly=monthly, max_age_days=max_age_days)


def test_daily_keeps_the_newest_set_of_each_of_the_last_days():
    stamps = [NOW - timedelta(days=d) for d in range(10)] + [datetime(2026, 12, 4, 1, 0)]  # two sets today
    kept = keep(stamps, daily=3, weekly=0, monthly=0)
    assert kept == {NOW, NOW - timedelta(days=1), NOW - timedelta(days=2)}


def test_weekly_keeps_the_newest_set_of_each_iso_week():
    # Daily sets for five weeks: the newest of each ISO week is the Sunday's, this week's is today's.
    stamps = [NOW - timedelta(days=d) for d in range(35)]
    kept = keep(stamps, daily=0, weekly=3, monthly=0)
    assert kept == {NOW, datetime(2026, 11, 29, 3, 0), datetime(2026, 11, 22, 3, 0)}


def test_monthly_keeps_the_newest_set_of_each_month():
    stamps = [datetime(2026, 10, 1), datetime(2026, 10, 31, 23, 59), datetime(2026, 11, 15), datetime(2026, 9, 30)]
    kept = keep([*stamps, NOW], daily=0, weekly=0, monthly=3)
    assert kept == {NOW, datetime(2026, 11, 15), datetime(2026, 10, 31, 23, 59)}


def test_the_periods_add_up_and_gaps_are_skipped():
    # A fortnight without backups (a broken job) does not make the daily rule delete older sets:
    # it counts days that have a set.
    stamps = [datetime(2026, 11, 1), datetime(2026, 11, 2), datetime(2026, 11, 3), NOW]
    kept = keep(stamps, daily=3, weekly=0, monthly=0)
    assert kept == {NOW, datetime(2026, 11, 3), datetime(2026, 11, 2)}


def test_default_counts_over_a_year_of_daily_sets():
    stamps = [NOW - timedelta(days=d) for d in range(400)]
    kept = keep(stamps)
    # 7 daily, 5 weekly (the first overlaps with the dailies), 12 monthly (the first two overlap).
    assert len(kept) == len({s.date() for s in kept})
    assert {NOW - timedelta(days=d) for d in range(7)} <= kept
    assert datetime(2026, 1, 31, 3, 0) in kept  # the newest of the twelfth month back
    assert datetime(2025, 12, 31, 3, 0) not in kept
    assert len(kept) == 7 + 3 + 10


def test_no_set_older_than_the_retention_the_certificates_promise():
    stamps = [NOW - timedelta(days=d) for d in range(400)]
    kept = keep(stamps, max_age_days=35)
    assert min(kept) >= NOW - timedelta(days=35)
    assert datetime(2026, 10, 31, 3, 0) in kept  # last month's newest is within 35 days


def test_a_set_from_the_future_is_never_deleted():
    future = NOW + timedelta(days=3)
    assert future in keep([future, NOW], daily=1, weekly=0, monthly=0)


def test_the_newest_set_is_always_kept():
    assert keep([NOW, NOW - timedelta(days=1)], daily=0, weekly=0, monthly=0) == {NOW}
    assert keep([NOW - timedelta(days=90)], max_age_days=35) == {NOW - timedelta(days=90)}


def test_set_names():
    assert parse_stamp("opq-20261204T020000Z", "opq-") == datetime(2026, 12, 4, 2, 0)
    assert parse_stamp(".partial-opq-20261204T020000Z-x", "opq-") is None
    assert parse_stamp("opq-notadate", "opq-") is None
