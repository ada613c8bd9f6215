"""Gap-free, concurrency-safe numbering, proved against PostgreSQL with real transactions."""

import random
import threading

import pytest
from django.db import connection, transaction

from opq_intranet.core.models import NumberSequence
from opq_intranet.core.numbering import NumberingOutsideTransaction, next_number, next_reference


@pytest.mark.django_db
def test_numbers_follow_each_other_per_series_and_year():
    with transaction.atomic():
        assert [next_number("courrier", year=2026) for _ in range(3)] == [1, 2, 3]
        assert next_number("courrier", year=2027) == 1
        assert next_number("mandats", year=2026) == 1
        assert next_number("courrier", year=2026) == 4


@pytest.mark.django_db
def test_reference_format():
    with transaction.atomic():
        next_number("actifs", year=2026)
        assert next_reference("actifs", prefix="INV-", year=2026) == "INV-2026-00002"
        assert next_reference("actifs", year=2026, width=3) == "2026-003"


def test_refuses_to_run_outside_a_transaction(db):
    # pytest-django wraps tests in a transaction; leave it to reach autocommit.
    with pytest.raises(NumberingOutsideTransaction):
        transaction.get_connection().in_atomic_block = False
        try:
            next_number("courrier", year=2026)
        finally:
            transaction.get_connection().in_atomic_block = True


@pytest.mark.django_db
def test_a_rolled_back_registration_gives_its_number_back():
    with transaction.atomic():
        next_number("plaintes", year=2026)
    with pytest.raises(RuntimeError), transaction.atomic():
        assert next_number("plaintes", year=2026) == 2
        raise RuntimeError("the registration failed")
    with transaction.atomic():
        assert next_number("plaintes", year=2026) == 2


@pytest.mark.django_db(transaction=True)
def test_concurrent_transactions_get_consecutive_numbers_without_gaps(reference_data):
    threads_count, per_thread = 8, 10
    committed, errors = [], []
    lock = threading.Lock()
    barrier = threading.Barrier(threads_count)

    def clerk(seed):
        rng = random.Random(seed)
        try:
            barrier.wait()  # everybody starts at the same moment
            for _ in range(per_thread):
                try:
                    with transaction.atomic():
                        number = next_number("concurrence", year=2026)
                        if rng.random() < 0.3:
                            raise RuntimeError("rolled back: the number must come back")
                    with lock:
                        committed.append(number)
                except RuntimeError:
                    pass
        except Exception as error:  # noqa: BLE001 - reported to the main thread below
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=clerk, args=(i,)) for i in range(threads_count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert not errors, errors
    assert committed, "no transaction committed"
    assert sorted(committed) == list(range(1, len(committed) + 1)), "duplicate or gap"
    assert NumberSequence.objects.get(series="concurrence", year=2026).last_value == len(committed)
