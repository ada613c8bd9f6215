"""The jobs on terms: `administrateurs.terms_ending` tells the Nominations team once of a term
whose end is 120 days away or fewer, with no renewal recorded; `administrateurs.terms_ended`
puts back in the bank the appointees whose every term is over."""

from datetime import date, timedelta

import pytest
from django.core import mail
from django.core.management import call_command

from administrateurs import services, term_notices
from administrateurs.choices import CandidacyStatus, TermEnd
from administrateurs.models import Candidate, Term
from opq_intranet.accounts.roles import Role
from opq_intranet.core.models import Notification
from opq_intranet.core.registry.schedule import jobs
from tests.administrateurs.factories import BodyFactory, CandidateFactory, TermFactory
from tests.factories import UserFactory, order

pytestmark = pytest.mark.django_db

DAY = date(2027, 12, 2)  # 120 days before 31 March 2028 (29 in Dec., 31 + 29 + 31 in Jan.-Mar.)


@pytest.fixture
def team(db):
    return [UserFactory(roles=[Role.STAFF, Role.APPOINTMENTS]) for _ in range(2)]


@pytest.fixture
def board(db):
    return BodyFactory(order=order("infirmieres"), name="Conseil de l’OIIQ")


@pytest.fixture
def term(board):
    candidate = CandidateFactory(first_name="Hélène", last_name="Bouchard", status=CandidacyStatus.APPOINTED)
    return TermFactory(seat=board.seats.get(number=1), candidate=candidate, starts_on=date(2024, 4, 1))  # 2028-03-31


def notices():
    return Notification.objects.filter(key=term_notices.KEY)


def test_the_jobs_are_registered():
    assert {"administrateurs.terms_ending", "administrateurs.terms_ended"} <= {job.key for job in jobs()}


def test_no_notice_121_days_before(team, term):
    assert (term.ends_on - (DAY - timedelta(days=1))).days == 121
    assert term_notices.send_term_notices(DAY - timedelta(days=1), print) == "0 term expiry notices sent"
    assert not notices().exists()


def test_the_team_is_told_once_at_120_days(team, term, staff_user):
    assert (term.ends_on - DAY).days == 120
    assert term_notices.send_term_notices(DAY, print) == "1 term expiry notices sent"
    assert sorted(notices().values_list("recipient", flat=True)) == sorted(person.pk for person in team)
    notice = notices().first()
    assert "Hélène Bouchard" in notice.title and "2028-03-31" in notice.title
    assert notice.url.endswith(term.get_absolute_url())
    assert Term.objects.get(pk=term.pk).expiry_notice_sent_on == DAY
    assert term_notices.send_term_notices(DAY, print) == "0 term expiry notices sent"
    assert term_notices.send_term_notices(DAY + timedelta(days=30), print) == "0 term expiry notices sent"
    assert notices().count() == 2  # one each, never twice
    assert len(mail.outbox) <= 2


def test_a_late_job_still_tells_until_the_last_day(team, term):
    assert term_notices.send_term_notices(date(2028, 3, 31), print) == "1 term expiry notices sent"
    Term.objects.update(expiry_notice_sent_on=None)
    assert term_notices.send_term_notices(date(2028, 4, 1), print) == "0 term expiry notices sent"  # over


def test_no_notice_once_a_renewal_or_successor_is_recorded(team, term, board):
    TermFactory(seat=term.seat, candidate=term.candidate, starts_on=date(2028, 4, 1), renewal_of=term)
    other = TermFactory(seat=board.seats.get(number=2), starts_on=date(2024, 4, 1))
    TermFactory(seat=other.seat, starts_on=date(2028, 6, 1))  # a successor after a gap
    assert term_notices.send_term_notices(DAY, print) == "0 term expiry notices sent"


def test_no_notice_for_a_term_ended_early(team, term):
    Term.objects.filter(pk=term.pk).update(ended_on=date(2028, 1, 31), end_reason=TermEnd.RESIGNED)
    assert term_notices.send_term_notices(DAY, print) == "0 term expiry notices sent"


def test_the_appointees_whose_terms_are_over_go_back_to_the_bank(term, board):
    still = TermFactory(seat=board.seats.get(number=2), starts_on=date(2025, 4, 1))  # to 2029-03-31
    revoked = TermFactory(
        seat=board.seats.get(number=3), starts_on=date(2024, 4, 1), ended_on=date(2026, 1, 31), end_reason="revoked"
    )
    log = []
    assert services.release_ended(date(2028, 3, 31), log.append) == "1 appointees released"  # the revoked one
    assert services.release_ended(date(2028, 4, 1), log.append) == "1 appointees released"
    assert services.release_ended(date(2028, 4, 1), log.append) == "0 appointees released"
    statuses = dict(Candidate.objects.values_list("pk", "status"))
    assert statuses == {
        term.candidate_id: CandidacyStatus.IN_BANK,
        still.candidate_id: CandidacyStatus.APPOINTED,
        revoked.candidate_id: CandidacyStatus.WITHDRAWN,
    }
    assert Candidate.objects.get(pk=term.candidate_id).status_changed_on == date(2028, 4, 1)


def test_run_scheduled_runs_both(team, term):
    call_command("run_scheduled", "--today", "2027-12-02", "--only", "administrateurs.terms_ending", verbosity=0)
    assert notices().count() == 2
    call_command("run_scheduled", "--today", "2028-04-01", "--only", "administrateurs.terms_ended", verbosity=0)
    assert Candidate.objects.get(pk=term.candidate_id).status == CandidacyStatus.IN_BANK
