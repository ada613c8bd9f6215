"""The parity arithmetic of art. 78.1 and art. 78's minimum (administrateurs/parity.py), on
figures counted by hand, and the compositions the body's page and the home read."""

from datetime import date

import pytest

from administrateurs import parity, selectors
from administrateurs.choices import BodyKind, Gender
from administrateurs.parity import Composition
from tests.administrateurs.factories import BodyFactory, CandidateFactory, TermFactory
from tests.factories import order

W, M, X, U = Gender.WOMAN, Gender.MAN, Gender.OTHER, Gender.UNDECLARED  # X: another identity


def test_the_composition_counts_each_gender_and_diversity():
    members = [(W, False), (W, True), (M, False), (X, False), (U, True), (W, False)]
    composition = parity.composition_of(members)
    assert composition == Composition(women=3, men=1, other=1, undeclared=1, diversity=2)
    assert composition.total == 6
    assert composition.women_share == 0.5  # 3 of 6
    assert composition.gap == 2  # 3 women, 1 man
    assert not composition.balanced


def test_an_empty_body():
    empty = parity.composition_of([])
    assert (empty.total, empty.women_share, empty.gap, empty.balanced) == (0, None, 0, True)


@pytest.mark.parametrize(
    ("women", "men", "gap", "balanced"),
    [(2, 2, 0, True), (2, 1, 1, True), (1, 2, 1, True), (3, 1, 2, False), (0, 3, 3, False)],
)
def test_the_gap_between_women_and_men(women, men, gap, balanced):
    composition = Composition(women=women, men=men, other=4)  # another identity counts for neither
    assert (composition.gap, composition.balanced) == (gap, balanced)


@pytest.mark.parametrize(
    ("gender", "diversity", "gain"),
    [
        (M, False, (1, 0)),  # 2 women, 1 man: a man narrows the gap from 1 to 0
        (W, False, (-1, 0)),  # a woman widens it to 2
        (X, False, (0, 0)),  # neutral
        (U, False, (0, 0)),
        (M, True, (1, 1)),  # nobody reflects the diversity yet: it breaks ties
    ],
)
def test_the_gain_of_one_more_appointee(gender, diversity, gain):
    before = Composition(women=2, men=1)
    assert parity.parity_gain(before, gender=gender, diversity=diversity) == gain


@pytest.mark.parametrize("gender", [W, M])
def test_a_balanced_body_stays_balanced_with_either_gender(gender):
    # 2 women, 2 men: one more of either leaves a gap of 1, still balanced: no penalty.
    assert parity.parity_gain(Composition(women=2, men=2), gender=gender, diversity=False) == (0, 0)
    # 2 women, 1 man: a second woman's gap of 2 is unbalanced: -1 (as above).
    assert parity.parity_gain(Composition(women=2, men=1), gender=W, diversity=False) == (-1, 0)


def test_diversity_breaks_ties_only_while_nobody_reflects_it():
    assert parity.parity_gain(Composition(women=1, men=1, diversity=1), gender=X, diversity=True) == (0, 0)


@pytest.mark.parametrize(("size", "minimum"), [(12, 3), (13, 4), (8, 2), (16, 4), (17, 5), (4, 1), (1, 1)])
def test_art_78_minimum_is_a_quarter_rounded_up(size, minimum):
    assert parity.office_minimum(size) == minimum


@pytest.mark.django_db
def test_each_body_s_composition_today_in_one_query(django_assert_num_queries):
    day = date(2026, 1, 15)
    board = BodyFactory(order=order("infirmieres"), size=13, office_seats=4)  # minimum 4
    other = BodyFactory(order=order("ingenieurs"), size=8, office_seats=2)  # minimum 2
    seats = list(board.seats.order_by("number"))

    def sit(seat, gender, diversity=False, **dates):
        dates = dates or {"starts_on": date(2024, 4, 1)}
        return TermFactory(seat=seat, candidate=CandidateFactory(gender=gender, diversity=diversity), **dates)

    sit(seats[0], W, diversity=True)
    sit(seats[1], W)
    sit(seats[2], M)
    sit(seats[3], W, starts_on=date(2020, 4, 1))  # ended 2024-03-31: not counted
    sit(seats[3], M, starts_on=date(2026, 2, 1))  # to come: not counted
    sit(other.seats.first(), X)
    sit(other.seats.last(), M, starts_on=date(2024, 4, 1), ended_on=date(2026, 1, 14))  # ended early: gone
    with django_assert_num_queries(1):
        found = selectors.compositions(day)
    assert found == {
        board.pk: Composition(women=2, men=1, diversity=1),
        other.pk: Composition(other=1),
    }
    assert selectors.minimum_of(board, found[board.pk]) == (4, False)  # 3 filled of 4
    assert selectors.minimum_of(other, found[other.pk]) == (2, False)  # 1 of 2
    page = selectors.body_page(board, day)
    assert page["composition"] == found[board.pk] and (page["office_minimum"], page["minimum_met"]) == (4, False)


@pytest.mark.django_db
def test_the_minimum_is_a_board_s_only():
    committee = BodyFactory(kind=BodyKind.REVIEW_COMMITTEE, size=3, office_seats=1)
    assert selectors.minimum_of(committee, Composition(women=1)) == (None, None)
    board = BodyFactory(size=8, office_seats=2)
    assert selectors.minimum_of(board, Composition(women=1, men=1)) == (2, True)
