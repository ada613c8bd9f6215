"""A case's life through its services: numbering, every transition and its refusals."""

from datetime import date, time, timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from discipline import services
from discipline.choices import CaseStatus, ComplainantKind, DecisionStage, HearingKind, HearingVenue, Verdict
from discipline.models import Case
from opq_intranet.accounts.roles import Role
from tests.discipline.conftest import fresh
from tests.discipline.factories import CouncilFactory, MemberFactory
from tests.factories import UserFactory, order

pytestmark = pytest.mark.django_db

COUNTS = [
    ("A omis de tenir un dossier pour sa cliente.", "art. 59.2 C.prof.; art. 14 Code de déontologie", False),
    ("A fait défaut de collaborer avec la syndique.", "art. 114 C.prof.", False),
]


def open_case(clerk, council, **fields):
    case = Case(
        council=council,
        filed_on=fields.pop("filed_on", date(2026, 3, 2)),
        complainant_kind=ComplainantKind.SYNDIC,
        complainant_name="Julie Bouchard, syndique",
        respondent_name="Jean Tremblay",
        respondent_permit="123456",
        **fields,
    )
    return services.case_open(case=case, user=clerk, counts=COUNTS)


def past_hearing(clerk, case, kind, days_ago=3, room="Salle 1.10"):
    day = timezone.localdate() - timedelta(days=days_ago)
    return services.hearing_schedule(
        case=case,
        user=clerk,
        kind=kind,
        day=day,
        start=time(9, 30),
        minutes=180,
        venue=HearingVenue.QUEBEC,
        room=room,
    )


@pytest.fixture
def case(clerk, council, members, chair, senior_chair):
    case = open_case(clerk, council, served_on=date(2026, 3, 9))
    services.case_assign_panel(case=case, user=senior_chair.user, chair=chair, members=members)
    return fresh(case)


def test_opening_numbers_the_case_per_council_and_year_of_filing(clerk, council):
    first = open_case(clerk, council)
    second = open_case(clerk, council, filed_on=date(2025, 12, 30))
    third = open_case(clerk, council)
    assert (first.number, second.number, third.number) == ("26-26-00001", "26-25-00001", "26-26-00002")
    assert first.status == CaseStatus.FILED and first.counts.count() == 2
    assert list(first.counts.values_list("number", flat=True)) == [1, 2]


def test_a_refused_opening_gives_its_number_back(clerk, council):
    with pytest.raises(ValidationError) as refused:
        open_case(clerk, council, filed_on=timezone.localdate() + timedelta(days=1))
    assert "postérieure à aujourd’hui" in str(refused.value)
    with pytest.raises(ValidationError):
        services.case_open(
            case=Case(
                council=council,
                filed_on=date(2026, 3, 2),
                complainant_kind="syndic",
                complainant_name="X",
                respondent_name="Y",
            ),
            user=clerk,
            counts=[],
        )
    assert not Case.objects.exists()
    assert open_case(clerk, council).number == "26-26-00001"


def test_only_the_bureau_opens_cases(council):
    with pytest.raises(PermissionDenied):
        open_case(UserFactory(roles=[Role.STAFF]), council)


def test_service_moves_a_filed_case_and_only_once(clerk, council):
    case = open_case(clerk, council)
    with pytest.raises(ValidationError):
        services.case_serve(case=case, user=clerk, served_on=date(2026, 3, 1))  # before filing
    served = services.case_serve(case=case, user=clerk, served_on=date(2026, 3, 5))
    assert served.status == CaseStatus.SERVED
    with pytest.raises(ValidationError):
        services.case_serve(case=case, user=clerk, served_on=date(2026, 3, 6))


def test_the_panel_is_a_chair_and_two_members_of_the_council(clerk, council, members, chair, other_chair):
    case = open_case(clerk, council)
    # A chair who is not the senior chair does not assign.
    with pytest.raises(PermissionDenied):
        services.case_assign_panel(case=case, user=other_chair.user, chair=chair, members=members)
    with pytest.raises(ValidationError) as refused:
        services.case_assign_panel(case=case, user=clerk, chair=chair, members=members[:1])
    assert "deux membres" in str(refused.value)
    stranger = MemberFactory(council=CouncilFactory(order=order("medecins"), number=24))
    with pytest.raises(ValidationError):
        services.case_assign_panel(case=case, user=clerk, chair=chair, members=[members[0], stranger])
    services.case_assign_panel(case=case, user=clerk, chair=chair, members=members)
    assert fresh(case).chair == chair and fresh(case).members.count() == 2


def test_the_whole_path_guilt_then_sanction(clerk, case):
    past_hearing(clerk, case, HearingKind.MANAGEMENT, days_ago=20)
    assert fresh(case).status == CaseStatus.SERVED
    hearing = past_hearing(clerk, case, HearingKind.GUILT, days_ago=10)
    assert fresh(case).status == CaseStatus.GUILT_HEARING
    services.hearing_held(hearing=hearing, user=clerk)
    case = fresh(case)
    assert case.status == CaseStatus.GUILT_ADVISEMENT
    assert case.advisement_since == timezone.localdate() - timedelta(days=10)
    counts = list(case.counts.all())
    services.decision_record(
        case=case,
        user=clerk,
        stage=DecisionStage.GUILT,
        rendered_on=timezone.localdate() - timedelta(days=6),
        verdicts={counts[0].pk: Verdict.GUILTY, counts[1].pk: Verdict.NOT_GUILTY},
    )
    case = fresh(case)
    assert case.status == CaseStatus.GUILT_DECIDED and case.advisement_since is None
    # Found guilty: no closing, no appeal until the sanction.
    with pytest.raises(ValidationError):
        services.case_close(case=case, user=clerk)
    with pytest.raises(ValidationError):
        services.appeal_file(case=case, user=clerk, filed_on=timezone.localdate(), appellant="L'intimé")
    sanction_hearing = past_hearing(clerk, case, HearingKind.SANCTION, days_ago=5, room="Salle 2")
    assert fresh(case).status == CaseStatus.SANCTION_HEARING
    services.hearing_held(hearing=sanction_hearing, user=clerk)
    assert fresh(case).status == CaseStatus.SANCTION_ADVISEMENT
    decision = services.decision_record(
        case=fresh(case),
        user=clerk,
        stage=DecisionStage.SANCTION,
        rendered_on=timezone.localdate() - timedelta(days=2),
        sanctions=[services.SanctionInput(count=counts[0], kind="reprimand")],
    )
    assert fresh(case).status == CaseStatus.SANCTION_DECIDED
    assert decision.advisement_on == timezone.localdate() - timedelta(days=5)
    with pytest.raises(ValidationError) as refused:
        services.case_close(case=case, user=clerk)
    assert "signifiée" in str(refused.value)
    services.decision_serve(decision=decision, user=clerk, served_on=timezone.localdate() - timedelta(days=1))
    with pytest.raises(ValidationError) as refused:
        services.case_close(case=case, user=clerk)
    assert "délai d’appel" in str(refused.value) or "délai d'appel" in str(refused.value)
    later = timezone.localdate() + timedelta(days=45)
    closed = services.case_close(case=case, user=clerk, today=later)
    assert closed.status == CaseStatus.CLOSED


def test_an_appeal_within_30_days_then_its_outcome_closes_the_case(clerk, case):
    hearing = past_hearing(clerk, case, HearingKind.GUILTY_PLEA, days_ago=40)
    assert fresh(case).status == CaseStatus.GUILTY_PLEA
    services.hearing_held(hearing=hearing, user=clerk)
    assert fresh(case).status == CaseStatus.SANCTION_ADVISEMENT
    counts = list(fresh(case).counts.all())
    served = timezone.localdate() - timedelta(days=35)
    decision = services.decision_record(
        case=fresh(case),
        user=clerk,
        stage=DecisionStage.GUILT_AND_SANCTION,
        rendered_on=served,
        served_on=served,
        verdicts={c.pk: Verdict.GUILTY for c in counts},
        sanctions=[services.SanctionInput(count=c, kind="fine", amount=2500) for c in counts],
    )
    assert decision.stage == DecisionStage.GUILT_AND_SANCTION
    from discipline import deadlines

    deadline = deadlines.appeal_deadline(served)
    if timezone.localdate() > deadline:
        with pytest.raises(ValidationError) as refused:
            services.appeal_file(case=fresh(case), user=clerk, filed_on=timezone.localdate(), appellant="L'intimé")
        assert "art. 164" in str(refused.value)
    appeal = services.appeal_file(
        case=fresh(case), user=clerk, filed_on=served + timedelta(days=20), appellant="L'intimé"
    )
    assert fresh(case).status == CaseStatus.APPEALED
    services.appeal_decide(appeal=appeal, user=clerk, outcome="dismissed", decided_on=timezone.localdate())
    assert fresh(case).status == CaseStatus.CLOSED


def test_withdrawal_ends_a_case_and_nothing_moves_it_after(clerk, case):
    services.case_withdraw(case=case, user=clerk, on=timezone.localdate())
    case = fresh(case)
    assert case.status == CaseStatus.WITHDRAWN and case.closed_on == timezone.localdate()
    with pytest.raises(ValidationError) as refused:
        services.case_withdraw(case=case, user=clerk, on=timezone.localdate())
    assert "ne peut pas passer" in str(refused.value)
    with pytest.raises(ValidationError):
        past_hearing(clerk, case, HearingKind.GUILT)
    with pytest.raises(ValidationError):
        services.decision_record(
            case=case, user=clerk, stage=DecisionStage.PRELIMINARY, rendered_on=timezone.localdate()
        )


def test_rejection_on_preliminary_grounds(clerk, case):
    services.decision_record(case=case, user=clerk, stage=DecisionStage.PRELIMINARY, rendered_on=timezone.localdate())
    assert fresh(case).status == CaseStatus.REJECTED


def test_invalid_moves_are_refused_in_french(clerk, case):
    with pytest.raises(ValidationError) as refused:
        services.decision_record(case=case, user=clerk, stage=DecisionStage.SANCTION, rendered_on=timezone.localdate())
    assert "ne peut être enregistrée" in str(refused.value) or "ne peut" in str(refused.value)
    with pytest.raises(ValidationError):
        past_hearing(clerk, case, HearingKind.SANCTION)
    with pytest.raises(ValidationError):
        past_hearing(clerk, case, HearingKind.PROVISIONAL)  # not an urgent case
    assert fresh(case).status == CaseStatus.SERVED


def test_no_hearing_before_the_panel_or_before_service(clerk, council, members, chair):
    case = open_case(clerk, council)
    with pytest.raises(ValidationError) as refused:
        past_hearing(clerk, case, HearingKind.MANAGEMENT)
    assert "formation" in str(refused.value) or "président" in str(refused.value)
    services.case_assign_panel(case=case, user=clerk, chair=chair, members=members)
    with pytest.raises(ValidationError) as refused:
        past_hearing(clerk, fresh(case), HearingKind.GUILT)
    assert "signifiée" in str(refused.value)


def test_numbers_stay_gap_free_under_a_rollback(clerk, council):
    try:
        with transaction.atomic():
            open_case(clerk, council)
            raise RuntimeError
    except RuntimeError:
        pass
    assert open_case(clerk, council).number == "26-26-00001"
