"""The disciplinary cases' scheduled jobs: the chair's reminder of a hearing with no outcome two
working days after it ended, and the closing of the cases whose appeal delay has passed."""

import io
from datetime import date, datetime

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from discipline import services
from discipline.choices import CaseStatus, DecisionStage, HearingKind, HearingOutcome, HearingVenue, Verdict
from discipline.models import Appeal, Count, Decision, Hearing
from discipline.reminders import KEY, send_outcome_reminders
from opq_intranet.core.models import Notification
from opq_intranet.core.registry.schedule import jobs
from tests.discipline.conftest import fresh
from tests.discipline.factories import CaseFactory, ChairFactory


def hearing_on(case, chair, day, outcome=HearingOutcome.SCHEDULED):
    return Hearing.objects.create(
        case=case,
        kind=HearingKind.GUILT,
        starts_at=timezone.make_aware(datetime(day.year, day.month, day.day, 9, 30)),
        ends_at=timezone.make_aware(datetime(day.year, day.month, day.day, 16, 0)),
        venue=HearingVenue.QUEBEC,
        room="Salle 1",
        chair=chair,
        outcome=outcome,
        created_by=case.created_by,
    )


@pytest.fixture
def run_on(django_capture_on_commit_callbacks):
    """Run the reminders as of `day`; the emails go once the transaction commits."""

    def run(day):
        mail.outbox.clear()
        with django_capture_on_commit_callbacks(execute=True):
            summary = send_outcome_reminders(day, lambda _line: None)
        return summary, list(mail.outbox)

    return run


@pytest.fixture
def friday_hearing(chair):
    """A hearing on Friday 27 November 2026 whose outcome nobody entered."""
    return hearing_on(CaseFactory(number="26-26-00077", chair=chair), chair, date(2026, 11, 27))


def test_the_chair_is_reminded_two_working_days_after_the_hearing(friday_hearing, chair_user, run_on):
    assert run_on(date(2026, 11, 28))[0] == "0 hearing outcome reminders sent"  # Saturday
    assert run_on(date(2026, 11, 30))[0] == "0 hearing outcome reminders sent"  # Monday: one working day
    summary, sent = run_on(date(2026, 12, 1))  # Tuesday: two working days
    assert summary == "1 hearing outcome reminders sent"
    assert [m.to for m in sent] == [[chair_user.email]]
    assert sent[0].subject == "Issue d’audience à inscrire : 26-26-00077"
    assert "/discipline/audiences/" in sent[0].body
    assert Notification.objects.filter(recipient=chair_user, key=KEY, done_at=None).count() == 1
    assert fresh_hearing(friday_hearing).outcome_reminder_sent_on == date(2026, 12, 1)


def fresh_hearing(hearing):
    return Hearing.objects.get(pk=hearing.pk)


def test_each_hearing_is_recalled_once(friday_hearing, run_on):
    run_on(date(2026, 12, 1))
    assert run_on(date(2026, 12, 2)) == ("0 hearing outcome reminders sent", [])


def test_a_late_run_still_sends_the_reminder(friday_hearing, run_on):
    assert run_on(date(2026, 12, 9))[0] == "1 hearing outcome reminders sent"


def test_entering_the_outcome_takes_the_work_out_of_the_queue(friday_hearing, chair_user, clerk, run_on):
    run_on(date(2026, 12, 1))
    services.hearing_held(hearing=friday_hearing, user=clerk, under_advisement=False)
    assert not Notification.objects.filter(key=KEY, done_at=None).exists()


def test_no_reminder_once_an_outcome_is_entered(chair, run_on):
    hearing_on(CaseFactory(chair=chair), chair, date(2026, 11, 27), outcome=HearingOutcome.HELD)
    hearing_on(CaseFactory(chair=chair), chair, date(2026, 11, 27), outcome=HearingOutcome.POSTPONED)
    assert run_on(date(2026, 12, 1)) == ("0 hearing outcome reminders sent", [])


def test_a_chair_without_an_account_is_written_to_at_the_directory_address(db, run_on):
    chair = ChairFactory(user=None, email="me.roy@bpcd.example.qc.ca")
    hearing_on(CaseFactory(chair=chair), chair, date(2026, 11, 27))
    _summary, sent = run_on(date(2026, 12, 1))
    assert [m.to for m in sent] == [["me.roy@bpcd.example.qc.ca"]]
    assert not Notification.objects.filter(key=KEY).exists()


# --- Closing the cases whose appeal delay has passed -----------------------------------------


def decided(status, *, served_on, verdict=Verdict.GUILTY, stage=DecisionStage.SANCTION):
    case = CaseFactory(status=status)
    Count.objects.filter(case=case).update(verdict=verdict)
    decision = Decision.objects.create(
        case=case, stage=stage, rendered_on=served_on, served_on=served_on, created_by=case.created_by
    )
    return case, decision


def test_a_case_is_closed_the_day_after_its_appeal_delay(db):
    # Served on 1 October 2026: 30 days end on Saturday 31 October, moved (Code de procédure
    # civile) to Monday 2 November; the decision is final on Tuesday 3 November.
    case, _decision = decided(CaseStatus.SANCTION_DECIDED, served_on=date(2026, 10, 1))
    assert services.cases_close_after_appeal_delay(today=date(2026, 11, 2)) == []
    assert fresh(case).status == CaseStatus.SANCTION_DECIDED
    assert [c.pk for c in services.cases_close_after_appeal_delay(today=date(2026, 11, 20))] == [case.pk]
    assert (fresh(case).status, fresh(case).closed_on) == (CaseStatus.CLOSED, date(2026, 11, 3))


def test_cases_that_must_wait_are_not_closed(db):
    guilty, _ = decided(CaseStatus.GUILT_DECIDED, served_on=date(2026, 1, 5), stage=DecisionStage.GUILT)
    appealed, decision = decided(CaseStatus.SANCTION_DECIDED, served_on=date(2026, 1, 5))
    Appeal.objects.create(
        case=appealed, decision=decision, filed_on=date(2026, 1, 20), appellant="x", created_by=appealed.created_by
    )
    unserved, decision = decided(CaseStatus.SANCTION_DECIDED, served_on=date(2026, 1, 5))
    Decision.objects.filter(pk=decision.pk).update(served_on=None)
    acquitted, _ = decided(
        CaseStatus.GUILT_DECIDED, served_on=date(2026, 1, 5), verdict=Verdict.NOT_GUILTY, stage=DecisionStage.GUILT
    )
    closed = services.cases_close_after_appeal_delay(today=date(2026, 12, 3))
    assert [c.pk for c in closed] == [acquitted.pk]
    for case in (guilty, appealed, unserved):
        assert fresh(case).status != CaseStatus.CLOSED


def test_the_jobs_are_registered_and_run_from_the_command(friday_hearing, django_capture_on_commit_callbacks):
    keys = {job.key for job in jobs()}
    assert {"discipline.hearing_outcome_missing", "discipline.close_final_cases"} <= keys
    mail.outbox.clear()
    out = io.StringIO()
    with django_capture_on_commit_callbacks(execute=True):
        call_command(
            "run_scheduled", "--only", "discipline.hearing_outcome_missing", "--today", "2026-12-01", stdout=out
        )
    assert len(mail.outbox) == 1
    call_command("run_scheduled", "--only", "discipline.close_final_cases", "--today", "2026-12-01", stdout=out)
    assert "0 cases closed" in out.getvalue()
