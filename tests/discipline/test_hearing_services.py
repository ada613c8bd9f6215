"""Hearings: every conflict refused with what it collides with, outcomes and rescheduling."""

from datetime import date, time, timedelta

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from discipline import services
from discipline.choices import CaseStatus, HearingKind, HearingOutcome, HearingVenue
from discipline.models import Hearing
from tests.discipline.conftest import fresh
from tests.discipline.factories import CaseFactory, MemberFactory, UnavailabilityFactory

pytestmark = pytest.mark.django_db

DAY = date(2026, 12, 14)


@pytest.fixture
def panel_case(clerk, council, members, chair):
    case = CaseFactory(council=council, served_on=date(2026, 3, 9), status=CaseStatus.SERVED)
    services.case_assign_panel(case=case, user=clerk, chair=chair, members=members)
    return fresh(case)


def schedule(
    clerk,
    case,
    *,
    kind=HearingKind.GUILT,
    day=DAY,
    start=time(9, 30),
    minutes=180,
    venue=HearingVenue.QUEBEC,
    room="Salle 1.10",
    **extra,
):
    return services.hearing_schedule(
        case=case, user=clerk, kind=kind, day=day, start=start, minutes=minutes, venue=venue, room=room, **extra
    )


def other_case(clerk, council, chair, members):
    case = CaseFactory(council=council, served_on=date(2026, 3, 9), status=CaseStatus.SERVED)
    services.case_assign_panel(case=case, user=clerk, chair=chair, members=members)
    return fresh(case)


def test_the_chair_booked_twice_is_refused(clerk, council, members, chair, panel_case):
    schedule(clerk, panel_case)
    second = other_case(clerk, council, chair, [MemberFactory(council=council), MemberFactory(council=council)])
    with pytest.raises(ValidationError) as refused:
        schedule(clerk, second, start=time(11, 0), room="Salle 2")
    assert str(chair) in str(refused.value) and panel_case.number in str(refused.value)
    assert not Hearing.objects.filter(case=second).exists()
    # Right after the first one ends (12:30), the chair is free.
    schedule(clerk, second, start=time(12, 30), room="Salle 2")


def test_a_member_booked_twice_is_refused(clerk, council, members, chair, other_chair, panel_case):
    schedule(clerk, panel_case)
    second = other_case(clerk, council, other_chair, [members[0], MemberFactory(council=council)])
    with pytest.raises(ValidationError) as refused:
        schedule(clerk, second, start=time(10, 0), room="Salle 2")
    assert str(members[0]) in str(refused.value)


def test_a_room_booked_twice_is_refused_but_not_a_virtual_hearing(clerk, council, chair, other_chair, panel_case):
    schedule(clerk, panel_case)
    second = other_case(clerk, council, other_chair, [MemberFactory(council=council), MemberFactory(council=council)])
    with pytest.raises(ValidationError) as refused:
        schedule(clerk, second, start=time(10, 0), room="salle 1.10")
    assert "Salle 1.10" in str(refused.value) or "salle 1.10" in str(refused.value)
    # The same room name in Montréal is another room.
    schedule(clerk, second, start=time(10, 0), venue=HearingVenue.MONTREAL, room="Salle 1.10")


def test_a_chair_during_a_non_availability_period_is_refused(clerk, chair, panel_case):
    UnavailabilityFactory(chair=chair, starts_on=DAY - timedelta(days=2), ends_on=DAY, reason="Formation")
    with pytest.raises(ValidationError) as refused:
        schedule(clerk, panel_case)
    assert "Formation" in str(refused.value)
    schedule(clerk, panel_case, day=DAY + timedelta(days=1))


def test_place_and_duration_are_checked(clerk, panel_case):
    with pytest.raises(ValidationError):
        schedule(clerk, panel_case, room="")
    with pytest.raises(ValidationError):
        schedule(clerk, panel_case, venue=HearingVenue.VIRTUAL, room="")
    with pytest.raises(ValidationError):
        schedule(clerk, panel_case, minutes=5)
    hearing = schedule(clerk, panel_case, venue=HearingVenue.VIRTUAL, room="", video_link="https://teams.example/x")
    assert hearing.room == "" and hearing.duration_minutes == 180


def test_a_future_hearing_cannot_be_held_yet(clerk, panel_case):
    hearing = schedule(clerk, panel_case, day=timezone.localdate() + timedelta(days=5))
    with pytest.raises(ValidationError):
        services.hearing_held(hearing=hearing, user=clerk)
    assert Hearing.objects.get(pk=hearing.pk).outcome == HearingOutcome.SCHEDULED


def test_postponed_and_rescheduled_now(clerk, panel_case):
    hearing = schedule(clerk, panel_case)
    with pytest.raises(ValidationError):
        services.hearing_postpone(hearing=hearing, user=clerk, reason="", requested_by="respondent")
    new = services.hearing_postpone(
        hearing=hearing,
        user=clerk,
        reason="Avocat malade",
        requested_by="respondent",
        reschedule={
            "day": DAY + timedelta(days=7),
            "start": time(9, 30),
            "minutes": 180,
            "venue": HearingVenue.QUEBEC,
            "room": "Salle 1.10",
        },
    )
    old = Hearing.objects.get(pk=hearing.pk)
    assert old.outcome == HearingOutcome.POSTPONED and old.rescheduled_as == new
    assert old.postponement_requested_by == "respondent"
    assert fresh(panel_case).status == CaseStatus.GUILT_HEARING
    # The postponed booking no longer holds the room: it can be taken again.
    with pytest.raises(ValidationError):
        services.hearing_held(hearing=old, user=clerk)


def test_postponed_later_and_cancelled(clerk, panel_case):
    hearing = schedule(clerk, panel_case)
    services.hearing_postpone(hearing=hearing, user=clerk, reason="Témoin absent", requested_by="complainant")
    assert fresh(panel_case).status == CaseStatus.GUILT_HEARING  # still to be heard
    again = schedule(clerk, fresh(panel_case), day=DAY + timedelta(days=14))
    services.hearing_cancel(hearing=again, user=clerk, note="Plaidoyer annoncé")
    assert fresh(panel_case).status == CaseStatus.SERVED
