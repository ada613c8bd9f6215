"""Decisions: verdicts, the art. 156 rules per count (fine range, derogatory acts), and refusals
that change nothing."""

from datetime import date, time, timedelta
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from discipline import services
from discipline.choices import CaseStatus, DecisionStage, HearingKind, HearingVenue, SanctionKind, Verdict
from discipline.models import Count, Decision, Sanction
from discipline.services import SanctionInput
from tests.discipline.conftest import fresh
from tests.discipline.factories import CaseFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def plea_case(clerk, council, members, chair):
    """A case heard on a guilty plea and under advisement, with two counts (the second a
    derogatory act of art. 59.1)."""
    case = CaseFactory(council=council, served_on=date(2026, 3, 9), status=CaseStatus.SERVED, counts=2)
    Count.objects.filter(case=case, number=2).update(derogatory_act=True)
    services.case_assign_panel(case=case, user=clerk, chair=chair, members=members)
    hearing = services.hearing_schedule(
        case=fresh(case),
        user=clerk,
        kind=HearingKind.GUILTY_PLEA,
        day=timezone.localdate() - timedelta(days=20),
        start=time(9, 30),
        minutes=120,
        venue=HearingVenue.MONTREAL,
        room="Salle A",
    )
    services.hearing_held(hearing=hearing, user=clerk)
    return fresh(case)


def record(clerk, case, sanctions, verdicts=None):
    counts = list(case.counts.all())
    return services.decision_record(
        case=case,
        user=clerk,
        stage=DecisionStage.GUILT_AND_SANCTION,
        rendered_on=timezone.localdate(),
        verdicts=verdicts or {c.pk: Verdict.GUILTY for c in counts},
        sanctions=sanctions,
    )


def _counts(case):
    return list(case.counts.all())


@pytest.mark.parametrize("amount", ["2499.99", "62500.01", "0"])
def test_a_fine_outside_the_art_156_range_is_refused(clerk, plea_case, amount):
    one, two = _counts(plea_case)
    sanctions = [
        SanctionInput(count=one, kind=SanctionKind.FINE, amount=Decimal(amount)),
        SanctionInput(count=two, kind=SanctionKind.PERMANENT_STRIKING_OFF),
        SanctionInput(count=two, kind=SanctionKind.FINE, amount=Decimal("5000")),
    ]
    with pytest.raises(ValidationError):
        record(clerk, plea_case, sanctions)
    assert not Decision.objects.exists() and not Sanction.objects.exists()
    assert set(Count.objects.values_list("verdict", flat=True)) == {Verdict.PENDING}
    assert fresh(plea_case).status == CaseStatus.SANCTION_ADVISEMENT


@pytest.mark.parametrize("amount", ["2500", "62500"])
def test_the_fine_range_includes_its_bounds(clerk, plea_case, amount):
    one, two = _counts(plea_case)
    record(
        clerk,
        plea_case,
        [
            SanctionInput(count=one, kind=SanctionKind.FINE, amount=Decimal(amount)),
            SanctionInput(count=two, kind=SanctionKind.TEMPORARY_STRIKING_OFF, months=60),
            SanctionInput(count=two, kind=SanctionKind.FINE, amount=Decimal("2500")),
        ],
    )
    assert fresh(plea_case).status == CaseStatus.SANCTION_DECIDED
    assert Sanction.objects.count() == 3


def test_a_derogatory_act_calls_for_five_years_and_a_fine(clerk, plea_case):
    one, two = _counts(plea_case)
    base = [SanctionInput(count=one, kind=SanctionKind.REPRIMAND)]
    with pytest.raises(ValidationError) as refused:
        record(
            clerk,
            plea_case,
            [
                *base,
                SanctionInput(count=two, kind=SanctionKind.TEMPORARY_STRIKING_OFF, months=36),
                SanctionInput(count=two, kind=SanctionKind.FINE, amount=Decimal("2500")),
            ],
        )
    assert "59.1" in str(refused.value)
    with pytest.raises(ValidationError):
        record(clerk, plea_case, [*base, SanctionInput(count=two, kind=SanctionKind.TEMPORARY_STRIKING_OFF, months=60)])
    # A shorter striking off the council found justified stands.
    record(
        clerk,
        plea_case,
        [
            *base,
            SanctionInput(
                count=two, kind=SanctionKind.TEMPORARY_STRIKING_OFF, months=36, shorter_striking_off_justified=True
            ),
            SanctionInput(count=two, kind=SanctionKind.FINE, amount=Decimal("2500")),
        ],
    )


def test_every_guilty_count_gets_a_sanction_and_only_those(clerk, plea_case):
    one, two = _counts(plea_case)
    verdicts = {one.pk: Verdict.GUILTY, two.pk: Verdict.NOT_GUILTY}
    with pytest.raises(ValidationError):
        record(clerk, plea_case, [], verdicts)
    with pytest.raises(ValidationError):
        record(
            clerk,
            plea_case,
            [
                SanctionInput(count=one, kind=SanctionKind.REPRIMAND),
                SanctionInput(count=two, kind=SanctionKind.REPRIMAND),
            ],
            verdicts,
        )
    with pytest.raises(ValidationError):
        record(clerk, plea_case, [SanctionInput(count=one, kind=SanctionKind.REPRIMAND)], {one.pk: Verdict.GUILTY})
    record(clerk, plea_case, [SanctionInput(count=one, kind=SanctionKind.REPRIMAND)], verdicts)
    assert list(Count.objects.order_by("number").values_list("verdict", flat=True)) == ["guilty", "not_guilty"]


def test_durations_and_amounts_belong_to_their_sanctions(clerk, plea_case):
    one, _two = _counts(plea_case)
    assert services.check_sanction(SanctionInput(count=one, kind=SanctionKind.SUSPENSION))
    assert services.check_sanction(SanctionInput(count=one, kind=SanctionKind.REPRIMAND, months=3))
    assert services.check_sanction(SanctionInput(count=one, kind=SanctionKind.REPRIMAND, amount=Decimal(100)))
    assert services.check_sanction(SanctionInput(count=one, kind=SanctionKind.REMIT_MONEY))
    assert not services.check_sanction(SanctionInput(count=one, kind=SanctionKind.REMIT_MONEY, amount=Decimal(100)))
    assert not services.check_sanction(SanctionInput(count=one, kind=SanctionKind.SUSPENSION, months=3))


def test_a_decision_cannot_precede_the_advisement_or_follow_today(clerk, plea_case):
    one, two = _counts(plea_case)
    sanctions = [
        SanctionInput(count=one, kind=SanctionKind.REPRIMAND),
        SanctionInput(count=two, kind=SanctionKind.PERMANENT_STRIKING_OFF),
        SanctionInput(count=two, kind=SanctionKind.FINE, amount=Decimal(2500)),
    ]
    for rendered_on in (plea_case.advisement_since - timedelta(days=1), timezone.localdate() + timedelta(days=1)):
        with pytest.raises(ValidationError):
            services.decision_record(
                case=plea_case,
                user=clerk,
                stage=DecisionStage.GUILT_AND_SANCTION,
                rendered_on=rendered_on,
                verdicts={c.pk: Verdict.GUILTY for c in (one, two)},
                sanctions=sanctions,
            )
    assert not Decision.objects.exists()
