"""The demo boards are consistent with the rules the services enforce: a seat is never held
twice on a day, a renewal follows its term the next day and no chain passes the limit, whoever
sits is "appointed" and nobody else is, attendance only by those sitting on the meeting's day."""

import itertools

import pytest
from django.conf import settings
from django.db.models import Count
from django.utils import timezone

from administrateurs.choices import CandidacyStatus
from administrateurs.eligibility import current_terms_filter
from administrateurs.models import Attendance, Body, Candidate, Seat, Term
from administrateurs.seed import boards, demo
from administrateurs.services.terms import consecutive_terms
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def seeded(db):
    UserFactory(username=demo.OFFICER)
    demo.generate("demo", lambda _line: None)
    boards.generate("demo", lambda _line: None)


def test_every_order_has_a_board_with_a_quarter_of_its_seats(seeded):
    board = Body.objects.filter(kind="board").first()
    assert Body.objects.filter(kind="board").count() == 46
    assert board.seats.count() == board.office_seats == -(-board.size // 4)


def test_no_seat_is_held_twice_on_a_day(seeded):
    for seat in Seat.objects.prefetch_related("terms"):
        terms = sorted(seat.terms.all(), key=lambda t: t.starts_on)
        for before, after in itertools.pairwise(terms):
            assert before.last_day < after.starts_on, seat


def test_renewals_follow_their_term_within_the_limit(seeded):
    renewals = Term.objects.filter(renewal_of__isnull=False).select_related("renewal_of")
    assert renewals.exists()
    for term in renewals:
        assert term.starts_on == term.renewal_of.ends_on + timezone.timedelta(days=1)
        assert term.candidate_id == term.renewal_of.candidate_id
        assert consecutive_terms(term) <= settings.ADMINISTRATEURS_MAX_CONSECUTIVE_TERMS


def test_whoever_sits_is_appointed_and_nobody_else(seeded):
    today = timezone.localdate()
    sitting = set(Term.objects.filter(current_terms_filter(today)).values_list("candidate", flat=True))
    appointed = set(Candidate.objects.filter(status=CandidacyStatus.APPOINTED).values_list("pk", flat=True))
    assert sitting and sitting <= appointed
    future = set(Term.objects.filter(starts_on__gt=today).values_list("candidate", flat=True))
    assert appointed <= sitting | future
    assert (
        not Term.objects.filter(current_terms_filter(today)).values("candidate").annotate(n=Count("pk")).filter(n__gt=1)
    )


def test_attendance_only_by_those_sitting_that_day(seeded):
    assert Attendance.objects.exists()
    for attendance in Attendance.objects.select_related("meeting", "term")[:500]:
        assert attendance.term.starts_on <= attendance.meeting.held_on <= attendance.term.last_day


def test_some_seats_are_vacant_for_the_matching(seeded):
    today = timezone.localdate()
    held = Term.objects.filter(current_terms_filter(today)).values("seat")
    assert Seat.objects.exclude(pk__in=held).exists()


def test_the_boards_are_seeded_once(seeded):
    count = Term.objects.count()
    boards.generate("demo", lambda _line: None)
    assert Term.objects.count() == count
