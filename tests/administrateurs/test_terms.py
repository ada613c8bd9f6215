"""Appointing, renewing and ending terms (administrateurs/services/terms.py) and the eligibility
rule they apply (administrateurs/eligibility.py), on dates checked by hand: a refusal says why
in French and changes nothing."""

from datetime import date, timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from administrateurs import eligibility, services
from administrateurs.choices import CandidacyStatus, LinkKind, ObligationKind, ProposalStatus, TermEnd
from administrateurs.models import (
    AppointmentDecision,
    Body,
    Candidate,
    CandidateLink,
    Obligation,
    Proposal,
    Seat,
    Term,
)
from opq_intranet.accounts.roles import Role
from tests.administrateurs.factories import BodyFactory, CandidateFactory, TermFactory
from tests.factories import UserFactory, order

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate()


@pytest.fixture
def officer(db):
    return UserFactory(roles=[Role.STAFF, Role.APPOINTMENTS])


@pytest.fixture
def board(db):
    return BodyFactory(order=order("infirmieres"), name="Conseil d’administration de l’OIIQ")


@pytest.fixture
def seat(board):
    return board.seats.get(number=1)


@pytest.fixture
def candidate(officer):
    return CandidateFactory(
        first_name="Hélène", last_name="Bouchard", status=CandidacyStatus.IN_BANK, consent_on=TODAY, created_by=officer
    )


def appoint(seat, candidate, user, *, starts_on=date(2024, 4, 1), number="2024-03-01-07", decided_on=date(2024, 3, 1)):
    return services.term_appoint(
        seat=seat, candidate=candidate, starts_on=starts_on, resolution_number=number, decided_on=decided_on, user=user
    )


def renew(term, user, *, number, decided_on=date(2024, 3, 1)):
    return services.term_renew(term=term, resolution_number=number, decided_on=decided_on, user=user)


def state():
    """Everything an appointment, a renewal or an end may change."""
    return (
        sorted(Term.objects.values_list("pk", "seat", "candidate", "starts_on", "ends_on", "ended_on", "end_reason")),
        sorted(AppointmentDecision.objects.values_list("pk", "resolution_number", "decided_on")),
        sorted(Candidate.objects.values_list("pk", "status")),
        sorted(Proposal.objects.values_list("pk", "status", "closed_on")),
        sorted(Obligation.objects.values_list("pk", "term", "kind")),
    )


def refused(call):
    """The French messages of a refused call, checking that it changed nothing."""
    before = state()
    with pytest.raises(ValidationError) as error:
        call()
    assert state() == before
    return " ".join(error.value.messages)


# The end of a term


@pytest.mark.parametrize(
    ("starts_on", "years", "ends_on"),
    [
        (date(2024, 4, 1), 4, date(2028, 3, 31)),
        (date(2025, 1, 1), 3, date(2027, 12, 31)),
        (date(2024, 2, 29), 4, date(2028, 2, 28)),  # back to 29 February: the day before
        (date(2024, 2, 29), 1, date(2025, 2, 28)),  # no 29 February in 2025: the anniversary is 1 March
        (date(2024, 2, 29), 3, date(2027, 2, 28)),
        (date(2023, 3, 1), 1, date(2024, 2, 29)),  # the day before 1 March of a leap year
        (date(2024, 3, 1), 4, date(2028, 2, 29)),
    ],
)
def test_a_term_ends_the_day_before_its_anniversary(starts_on, years, ends_on):
    assert services.term_end_for(Seat(body=Body(term_years=years)), starts_on) == ends_on


def test_an_appointment_from_1_april_2024_ends_on_31_march_2028(officer, seat, candidate):
    term = appoint(seat, candidate, officer)
    assert (term.starts_on, term.ends_on, term.renewal_of) == (date(2024, 4, 1), date(2028, 3, 31), None)
    assert (term.decision.resolution_number, term.decision.decided_on) == ("2024-03-01-07", date(2024, 3, 1))
    candidate.refresh_from_db()
    assert (candidate.status, candidate.status_changed_on) == (CandidacyStatus.APPOINTED, TODAY)
    # Training and oath due 60 days after the first day: 2024-04-01 + 60 days = 2024-05-31.
    assert sorted(term.obligations.values_list("kind", "due_on")) == [
        (ObligationKind.DECLARATION, date(2024, 5, 31)),
        (ObligationKind.TRAINING, date(2024, 5, 31)),
    ]


def test_an_appointment_on_29_february(officer, seat, candidate):
    term = appoint(seat, candidate, officer, starts_on=date(2024, 2, 29), decided_on=date(2024, 2, 1))
    assert term.ends_on == date(2028, 2, 28)


def test_several_appointments_share_one_decision(officer, board, candidate):
    other = CandidateFactory(status=CandidacyStatus.IN_BANK, consent_on=TODAY)
    first = appoint(board.seats.get(number=1), candidate, officer)
    second = appoint(board.seats.get(number=2), other, officer)
    assert first.decision == second.decision and AppointmentDecision.objects.count() == 1


def test_the_appointment_closes_the_proposals(officer, board, seat, candidate):
    rival = CandidateFactory(status=CandidacyStatus.IN_BANK, consent_on=TODAY)
    elsewhere = BodyFactory(order=order("ingenieurs")).seats.get(number=1)

    def propose(seat, candidate):
        return Proposal.objects.create(seat=seat, candidate=candidate, proposed_on=TODAY, proposed_by=officer)

    chosen, for_the_seat = propose(seat, candidate), propose(seat, rival)
    for_the_candidate, untouched = propose(elsewhere, candidate), propose(elsewhere, rival)
    appoint(seat, candidate, officer)
    statuses = dict(Proposal.objects.values_list("pk", "status"))
    assert statuses == {
        chosen.pk: ProposalStatus.APPOINTED,
        for_the_seat.pk: ProposalStatus.ENDED,
        for_the_candidate.pk: ProposalStatus.ENDED,
        untouched.pk: ProposalStatus.PENDING,
    }
    assert set(Proposal.objects.exclude(pk=untouched.pk).values_list("closed_on", flat=True)) == {TODAY}


# Refused appointments


def test_refused_not_in_the_bank(officer, seat, candidate):
    Candidate.objects.filter(pk=candidate.pk).update(status=CandidacyStatus.ELIGIBLE)
    assert "N’est pas dans la banque (statut\u00a0: Admissible)" in refused(lambda: appoint(seat, candidate, officer))


def test_refused_for_a_link_art_78_forbids_with_the_order(officer, board, seat, candidate):
    CandidateLink.objects.create(candidate=candidate, order=board.order, kind=LinkKind.MEMBER, declared_on=TODAY)
    message = refused(lambda: appoint(seat, candidate, officer))
    assert "Membre de l’ordre\u00a0: Ordre des infirmières et infirmiers du Québec (art. 78)." in message


def test_a_link_with_another_order_or_to_assess_does_not_exclude(officer, board, seat, candidate):
    link = {"candidate": candidate, "declared_on": TODAY}
    CandidateLink.objects.create(order=order("ingenieurs"), kind=LinkKind.MEMBER, **link)
    CandidateLink.objects.create(order=board.order, kind=LinkKind.OTHER, **link)
    assert appoint(seat, candidate, officer).candidate == candidate


def test_refused_when_the_consent_has_lapsed(officer, seat, candidate):
    lapsed = TODAY - timedelta(days=366)  # a consent covers 365 days
    Candidate.objects.filter(pk=candidate.pk).update(consent_on=lapsed)
    message = refused(lambda: appoint(seat, candidate, officer))
    assert f"Consentement échu le {(lapsed + timedelta(days=365)).isoformat()}." in message


def test_refused_when_the_seat_is_taken_in_the_window(officer, seat, candidate):
    holder = TermFactory(seat=seat, starts_on=date(2022, 4, 1), ends_on=date(2026, 3, 31)).candidate
    message = refused(lambda: appoint(seat, candidate, officer, starts_on=date(2026, 3, 31)))
    assert f"Le siège est occupé par {holder} jusqu’au 2026-03-31." in message
    # The day after the holder's last day, the seat is free.
    assert appoint(seat, candidate, officer, starts_on=date(2026, 4, 1)).ends_on == date(2030, 3, 31)


def test_a_seat_freed_by_an_early_end_can_be_filled(officer, seat, candidate):
    TermFactory(seat=seat, starts_on=date(2022, 4, 1), ends_on=date(2026, 3, 31), ended_on=date(2025, 6, 30))
    assert appoint(seat, candidate, officer, starts_on=date(2025, 7, 1)).ends_on == date(2029, 6, 30)


@pytest.mark.parametrize("inactive", ["seat", "body"])
def test_refused_on_a_seat_no_longer_filled(officer, board, seat, candidate, inactive):
    rows = Seat.objects.filter(pk=seat.pk) if inactive == "seat" else Body.objects.filter(pk=board.pk)
    rows.update(is_active=False)
    assert "Ce siège n’est plus pourvu par l’Office." in refused(lambda: appoint(seat, candidate, officer))


def test_refused_for_a_decision_dated_later_than_today(officer, seat, candidate):
    tomorrow = TODAY + timedelta(days=1)
    message = refused(lambda: appoint(seat, candidate, officer, decided_on=tomorrow))
    assert "La date de la décision ne peut pas être postérieure à aujourd’hui." in message


def test_refused_for_a_resolution_known_under_another_date(officer, board, seat, candidate):
    AppointmentDecision.objects.create(resolution_number="2024-03-01-07", decided_on=date(2024, 3, 1))
    message = refused(lambda: appoint(seat, candidate, officer, decided_on=date(2024, 3, 2)))
    assert "La résolution 2024-03-01-07 est datée du 2024-03-01." in message


@pytest.mark.parametrize("number", ["", "   ", "R" * 31])
def test_refused_without_a_valid_resolution_number(officer, seat, candidate, number):
    assert refused(lambda: appoint(seat, candidate, officer, number=number))


def test_refused_a_second_seat_on_the_same_body(officer, board, candidate):
    # A term to come on seat 2 (the candidacy put back in the bank by hand since).
    TermFactory(seat=board.seats.get(number=2), candidate=candidate, starts_on=date(2027, 1, 1))
    message = refused(lambda: appoint(board.seats.get(number=1), candidate, officer))
    assert "Hélène Bouchard occupe déjà" in message


def test_refused_a_new_term_that_follows_the_appointees_own(officer, seat, candidate):
    TermFactory(seat=seat, candidate=candidate, starts_on=date(2022, 4, 1), ends_on=date(2026, 3, 31))
    Candidate.objects.filter(pk=candidate.pk).update(status=CandidacyStatus.IN_BANK)
    other_seat = seat.body.seats.get(number=3)
    message = refused(lambda: appoint(other_seat, candidate, officer, starts_on=date(2026, 4, 1)))
    assert "renouvelez plutôt ce mandat" in message


def test_only_the_role_appoints_renews_and_ends(staff_user, officer, seat, candidate):
    term = appoint(seat, candidate, officer)
    before = state()
    with pytest.raises(PermissionDenied):
        appoint(seat.body.seats.get(number=2), CandidateFactory(status=CandidacyStatus.IN_BANK), staff_user)
    with pytest.raises(PermissionDenied):
        renew(term, staff_user, number="X")
    with pytest.raises(PermissionDenied):
        services.term_end(term=term, ended_on=TODAY, reason=TermEnd.RESIGNED, user=staff_user)
    assert state()[0] == before[0] and state()[1] == before[1]


# Renewals


def test_renewed_up_to_the_limit_then_refused(officer, seat, candidate, settings):
    assert settings.ADMINISTRATEURS_MAX_CONSECUTIVE_TERMS == 3
    first = appoint(seat, candidate, officer, starts_on=date(2016, 4, 1), number="2016-01", decided_on=date(2016, 3, 1))
    second = renew(first, officer, number="2020-01", decided_on=date(2020, 3, 1))
    third = renew(second, officer, number="2024-01", decided_on=date(2024, 3, 1))
    assert [(t.starts_on, t.ends_on) for t in (first, second, third)] == [
        (date(2016, 4, 1), date(2020, 3, 31)),
        (date(2020, 4, 1), date(2024, 3, 31)),
        (date(2024, 4, 1), date(2028, 3, 31)),
    ]
    assert (second.renewal_of, third.renewal_of) == (first, second)
    assert list(third.obligations.values_list("kind", flat=True)) == [ObligationKind.DECLARATION]  # a new oath
    message = refused(lambda: renew(third, officer, number="2028-01", decided_on=TODAY))
    assert "Hélène Bouchard a exercé 3 mandats consécutifs, le maximum permis." in message
    assert "déjà renouvelé" in refused(lambda: renew(second, officer, number="2024-02"))


def test_the_limit_comes_from_the_settings(officer, seat, candidate, settings):
    settings.ADMINISTRATEURS_MAX_CONSECUTIVE_TERMS = 1
    term = appoint(seat, candidate, officer)
    assert "a exercé 1 mandat consécutif, le maximum permis." in refused(lambda: renew(term, officer, number="2028-01"))


def test_a_renewal_needs_the_seat_free_after_the_term(officer, seat, candidate):
    term = appoint(seat, candidate, officer)
    TermFactory(seat=seat, starts_on=date(2029, 1, 1), ends_on=date(2032, 12, 31))
    assert "Le siège est occupé par" in refused(lambda: renew(term, officer, number="2028-01"))


def test_a_term_ended_early_is_not_renewed(officer, seat, candidate):
    term = appoint(seat, candidate, officer)
    services.term_end(term=term, ended_on=date(2025, 1, 31), reason=TermEnd.RESIGNED, user=officer)
    assert "Un mandat terminé avant terme ne peut pas être renouvelé." in refused(
        lambda: renew(term, officer, number="R")
    )


# Ending a term early, and the appointee's return to the bank


def test_ended_early_the_appointee_goes_back_to_the_bank(officer, seat, candidate):
    term = appoint(seat, candidate, officer)
    renewal = renew(term, officer, number="2026-01", decided_on=TODAY)  # from 2028-04-01: not begun
    services.term_end(term=term, ended_on=TODAY - timedelta(days=1), reason=TermEnd.RESIGNED, user=officer)
    term.refresh_from_db()
    assert (term.ended_on, term.end_reason, term.last_day) == (
        TODAY - timedelta(days=1),
        TermEnd.RESIGNED,
        TODAY - timedelta(days=1),
    )
    assert not Term.objects.filter(pk=renewal.pk).exists()  # the renewal not begun falls with it
    assert not Obligation.objects.filter(term_id=renewal.pk).exists()
    candidate.refresh_from_db()
    assert (candidate.status, candidate.status_changed_on) == (CandidacyStatus.IN_BANK, TODAY)


def test_an_end_to_come_releases_the_appointee_after_their_last_day(officer, seat, candidate):
    term = appoint(seat, candidate, officer)
    last_day = TODAY + timedelta(days=30)
    services.term_end(term=term, ended_on=last_day, reason=TermEnd.RESIGNED, user=officer)
    assert Candidate.objects.get(pk=candidate.pk).status == CandidacyStatus.APPOINTED  # still sits until then
    services.release_appointee(candidate, today=last_day)
    assert Candidate.objects.get(pk=candidate.pk).status == CandidacyStatus.APPOINTED
    services.release_appointee(candidate, today=last_day + timedelta(days=1))
    assert Candidate.objects.get(pk=candidate.pk).status == CandidacyStatus.IN_BANK


def test_every_renewal_to_come_falls_with_the_term(officer, seat, candidate):
    term = appoint(seat, candidate, officer)
    second = renew(term, officer, number="2026-01", decided_on=TODAY)
    third = renew(second, officer, number="2026-01", decided_on=TODAY)
    services.term_end(term=term, ended_on=TODAY, reason=TermEnd.RESIGNED, user=officer)
    assert set(Term.objects.values_list("pk", flat=True)) == {term.pk}
    assert third.starts_on == date(2032, 4, 1)


@pytest.mark.parametrize("reason", [TermEnd.REVOKED, TermEnd.DECEASED])
def test_a_revocation_or_a_death_withdraws_the_candidacy(officer, seat, candidate, reason):
    term = appoint(seat, candidate, officer)
    services.term_end(term=term, ended_on=TODAY - timedelta(days=1), reason=reason, user=officer)
    assert Candidate.objects.get(pk=candidate.pk).status == CandidacyStatus.WITHDRAWN


def test_refused_ends(officer, seat, candidate):
    term = appoint(seat, candidate, officer)  # 2024-04-01 to 2028-03-31

    def end(day, reason=TermEnd.RESIGNED):
        return lambda: services.term_end(term=term, ended_on=day, reason=reason, user=officer)

    assert "La date doit tomber pendant le mandat (du 2024-04-01 au 2028-03-31)." in refused(end(date(2028, 4, 1)))
    assert "pendant le mandat" in refused(end(date(2024, 3, 31)))
    assert "Choisissez pourquoi le mandat se termine avant terme." in refused(end(TODAY, TermEnd.EXPIRED))
    assert "Choisissez pourquoi" in refused(end(TODAY, "holidays"))
    assert refused(end(None))
    services.term_end(term=term, ended_on=date(2024, 4, 1), reason=TermEnd.RESIGNED, user=officer)  # its first day
    assert "Ce mandat a déjà pris fin." in refused(end(TODAY))


def test_a_term_whose_renewal_began_is_not_ended(officer, seat, candidate):
    first = appoint(seat, candidate, officer, starts_on=date(2020, 4, 1), number="2020-01", decided_on=date(2020, 3, 1))
    renew(first, officer, number="2024-01", decided_on=date(2024, 3, 1))  # from 2024-04-01: begun
    message = refused(lambda: services.term_end(term=first, ended_on=date(2023, 1, 1), reason="resigned", user=officer))
    assert "Son renouvellement a commencé le 2024-04-01\u00a0: terminez plutôt ce mandat." in message


def test_release_waits_for_every_term_of_the_appointee(officer, candidate):
    first = TermFactory(candidate=candidate, starts_on=date(2020, 1, 1), ends_on=date(2023, 12, 31))
    TermFactory(
        candidate=candidate, seat=BodyFactory(order=order("ingenieurs")).seats.first(), starts_on=date(2022, 1, 1)
    )  # to 2025-12-31
    Candidate.objects.filter(pk=candidate.pk).update(status=CandidacyStatus.APPOINTED)
    assert services.release_appointee(candidate, today=date(2025, 12, 31)).status == CandidacyStatus.APPOINTED
    assert services.release_appointee(candidate, today=date(2026, 1, 1)).status == CandidacyStatus.IN_BANK
    assert first.last_day == date(2023, 12, 31)


# Eligibility, by hand


def test_the_consent_covers_365_days():
    person = Candidate(consent_on=date(2025, 9, 1))
    assert eligibility.consent_expires_on(person) == date(2026, 9, 1)
    assert not eligibility.consent_lapsed(person, today=date(2026, 9, 1))
    assert eligibility.consent_lapsed(person, today=date(2026, 9, 2))


def test_the_exclusion_reasons(board):
    person = Candidate(first_name="A", last_name="B", status=CandidacyStatus.IN_BANK, consent_on=date(2026, 1, 1))
    today = date(2026, 6, 1)
    assert eligibility.exclusion_reasons(person, board, links=[], sitting_body_ids=set(), today=today) == []
    member = CandidateLink(order=board.order, kind=LinkKind.INTEREST_BODY)
    elsewhere = CandidateLink(order=order("ingenieurs"), kind=LinkKind.MEMBER)
    reasons = eligibility.exclusion_reasons(
        person, board, links=[member, elsewhere], sitting_body_ids={board.pk}, today=date(2027, 1, 3)
    )
    assert reasons == [
        "Consentement échu le 2027-01-01.",
        "Dirigeant d’un organisme de défense des intérêts des membres\u00a0: "
        "Ordre des infirmières et infirmiers du Québec (art. 78).",
        "Siège déjà à cette instance.",
    ]
    person.purged_at = timezone.now()
    assert eligibility.exclusion_reasons(person, board, links=[member], sitting_body_ids=set(), today=today) == [
        "La candidature a été purgée."
    ]


def test_an_appointee_sits_on_the_days_of_their_term(board):
    term = TermFactory(seat=board.seats.first(), starts_on=date(2024, 4, 1), ends_on=date(2028, 3, 31))
    for day, sits in [(date(2024, 3, 31), False), (date(2024, 4, 1), True), (date(2028, 3, 31), True)]:
        assert Term.objects.filter(eligibility.current_terms_filter(day), pk=term.pk).exists() == sits, day
    assert not Term.objects.filter(eligibility.current_terms_filter(date(2028, 4, 1))).exists()
    Term.objects.filter(pk=term.pk).update(ended_on=date(2025, 1, 1))
    assert Term.objects.filter(eligibility.current_terms_filter(date(2025, 1, 1))).exists()
    assert not Term.objects.filter(eligibility.current_terms_filter(date(2025, 1, 2))).exists()
