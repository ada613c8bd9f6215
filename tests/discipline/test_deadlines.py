"""The legal delays of a case, on dates computed by hand (weekdays and holidays checked on a
calendar of 2026-2027)."""

from datetime import date

import pytest

from discipline import deadlines
from discipline.choices import DecisionStage, SanctionKind, Verdict
from discipline.models import Count, Decision, Sanction

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("served_on", "expected"),
    [
        # 30 days after Monday 2 November 2026: Wednesday 2 December, a working day.
        (date(2026, 11, 2), date(2026, 12, 2)),
        # 30 days after 26 November: Saturday 26 December (a holiday under the Code de
        # procédure civile, twice over), then Sunday 27: Monday 28 December.
        (date(2026, 11, 26), date(2026, 12, 28)),
        # 30 days after 3 December: Saturday 2 January 2027, Sunday 3: Monday 4 January.
        (date(2026, 12, 3), date(2027, 1, 4)),
        # 30 days after 14 June: Tuesday 14 July.
        (date(2026, 6, 14), date(2026, 7, 14)),
    ],
)
def test_appeal_delay_is_30_days_counted_as_the_code_of_civil_procedure_counts(served_on, expected):
    assert deadlines.appeal_deadline(served_on) == expected


@pytest.mark.parametrize(
    ("served_on", "expected"),
    [
        # 10 days after Sunday 14 June: Wednesday 24 June, the Fête nationale: Thursday 25.
        (date(2026, 6, 14), date(2026, 6, 25)),
        # 10 days after Wednesday 11 November: Saturday 21 November stands (Loi d'interprétation).
        (date(2026, 11, 11), date(2026, 11, 21)),
        # 10 days after Thursday 26 November: Sunday 6 December: Monday 7.
        (date(2026, 11, 26), date(2026, 12, 7)),
    ],
)
def test_urgent_hearing_begins_within_10_days_of_service(served_on, expected):
    assert deadlines.urgent_hearing_deadline(served_on) == expected


def test_urgent_decision_follows_within_the_days_the_article_sets(settings):
    # 10 days after Thursday 3 December 2026: Sunday 13 December: Monday 14.
    assert deadlines.urgent_decision_deadline(date(2026, 12, 3)) == date(2026, 12, 14)
    settings.DISCIPLINE_URGENT_DECISION_DAYS = 5
    assert deadlines.urgent_decision_deadline(date(2026, 12, 3)) == date(2026, 12, 8)


@pytest.mark.parametrize(
    ("advisement_on", "expected"),
    [
        # 1 September + 90 days: Monday 30 November 2026.
        (date(2026, 9, 1), date(2026, 11, 30)),
        # 9 June + 90 days: Monday 7 September, Labour Day: Tuesday 8.
        (date(2026, 6, 9), date(2026, 9, 8)),
    ],
)
def test_decision_within_90_days_of_advisement(advisement_on, expected):
    assert deadlines.advisement_deadline(advisement_on) == expected


def test_advisement_flags_at_60_days_and_past_90():
    start = date(2026, 9, 1)
    assert deadlines.advisement_flag(start, date(2026, 10, 30)) == ""  # day 59
    assert deadlines.advisement_flag(start, date(2026, 10, 31)) == "warning"  # day 60
    assert deadlines.advisement_flag(start, date(2026, 11, 30)) == "warning"  # the last day
    assert deadlines.advisement_flag(start, date(2026, 12, 1)) == "late"
    assert deadlines.advisement_flag(None, date(2026, 12, 1)) == ""


def _decision(**fields):
    return Decision(stage=DecisionStage.SANCTION, rendered_on=date(2026, 10, 30), **fields)


def test_enforceable_at_the_end_of_the_appeal_delay():
    # Served Monday 2 November: the delay ends Wednesday 2 December; enforceable the 3rd.
    assert deadlines.enforceable_on(_decision(served_on=date(2026, 11, 2))) == date(2026, 12, 3)
    assert deadlines.enforceable_on(_decision(served_on=None)) is None


def test_provisional_execution_is_enforceable_from_service():
    decision = _decision(served_on=date(2026, 11, 2), provisional_execution=True)
    assert deadlines.enforceable_on(decision, appealed=True) == date(2026, 11, 2)


def test_an_appeal_suspends_except_for_what_art_166_lists():
    decision = _decision(served_on=date(2026, 11, 2))
    fine = Sanction(kind=SanctionKind.FINE)
    striking_off = Sanction(kind=SanctionKind.PERMANENT_STRIKING_OFF)
    assert deadlines.enforceable_on(decision, sanctions=[fine], appealed=True) is None
    assert deadlines.enforceable_on(decision, sanctions=[fine, striking_off], appealed=True) == date(2026, 12, 3)


def test_appeal_of_a_finding_of_guilt_runs_from_the_decision_on_sanction():
    guilt = Decision(stage=DecisionStage.GUILT, rendered_on=date(2026, 9, 1), served_on=date(2026, 9, 2))
    guilty = [Count(number=1, verdict=Verdict.GUILTY)]
    acquitted = [Count(number=1, verdict=Verdict.NOT_GUILTY)]
    assert deadlines.decision_appeal_deadline(guilt, guilty) is None
    sanction = _decision(served_on=date(2026, 11, 2))
    assert deadlines.decision_appeal_deadline(guilt, guilty, sanction) == date(2026, 12, 2)
    # Acquitted on every count: 30 days from its own service, Friday 2 October 2026.
    assert deadlines.decision_appeal_deadline(guilt, acquitted) == date(2026, 10, 2)
