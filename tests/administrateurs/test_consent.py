"""The yearly consent: its last day and the notice computed by hand; the daily job
expires the candidacies not yet appointed whose consent lapsed, through the transitions, and
warns the Nominations team once per consent date 30 days before; the renewal from the page
(today or an earlier day, never later, never one already lapsed) brings an expired candidacy
back under review; every page for each kind of user, 422 with nothing changed."""

from datetime import date, timedelta

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from administrateurs import consents, eligibility, services
from administrateurs.choices import CandidacyStatus
from administrateurs.models import Candidate
from administrateurs.services.consents import NOTICE_KEY
from opq_intranet.core.models import Notification
from tests.administrateurs.declarations_kit import OTHERS, make_candidate, make_officer, url

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate()
S = CandidacyStatus


@pytest.fixture
def officer(db):
    return make_officer()


@pytest.fixture
def candidate(officer):
    return make_candidate(officer, consent_on=date(2026, 3, 1), received_on=date(2026, 2, 15))


def statuses():
    return dict(Candidate.objects.values_list("last_name", "status"))


def test_the_consents_last_day_and_notice_by_hand(officer, settings):
    settings.ADMINISTRATEURS_CONSENT_DAYS = 365
    given = make_candidate(officer, consent_on=date(2026, 3, 1))
    assert eligibility.consent_expires_on(given) == date(2027, 3, 1)  # 2026-03-01 + 365 days, no 29 February
    assert eligibility.consent_notice_on(given) == date(2027, 1, 30)  # 30 days before: 1 + 28 (February) + 1
    assert not eligibility.consent_lapsed(given, today=date(2027, 3, 1))  # its last day
    assert eligibility.consent_lapsed(given, today=date(2027, 3, 2))
    leap = make_candidate(officer, email="leap@example.qc.ca", consent_on=date(2027, 3, 1))
    assert eligibility.consent_expires_on(leap) == date(2028, 2, 29)  # 2028 has a 29 February


def test_the_job_expires_only_candidacies_not_yet_appointed_whose_consent_lapsed(officer):
    for status in S:
        make_candidate(officer, last_name=status.value, email=f"{status.value}@example.qc.ca", status=status,
                       consent_on=date(2026, 3, 1))  # fmt: skip
    make_candidate(
        officer, last_name="renewed", email="renewed@example.qc.ca", status=S.IN_BANK, consent_on=date(2026, 3, 2)
    )
    assert consents.run(date(2027, 3, 1), print).startswith("0 candidacies expired")  # its last day
    assert consents.run(date(2027, 3, 2), print).startswith("4 candidacies expired")
    assert statuses() == {
        "received": S.EXPIRED,
        "under_review": S.EXPIRED,
        "eligible": S.EXPIRED,
        "in_bank": S.EXPIRED,
        "appointed": S.APPOINTED,  # sits on a board until the term ends
        "withdrawn": S.WITHDRAWN,
        "expired": S.EXPIRED,
        "renewed": S.IN_BANK,  # covered up to 2027-03-02 included
    }
    moved = Candidate.objects.filter(last_name__in=["received", "in_bank"]).values_list("status_changed_on", flat=True)
    assert set(moved) == {date(2027, 3, 2)}
    assert consents.run(date(2027, 3, 2), print).startswith("0 candidacies expired")


def test_the_team_is_warned_once_per_consent_date_30_days_before(officer, candidate):
    make_candidate(
        officer, last_name="Nommée", email="n@example.qc.ca", status=S.APPOINTED, consent_on=date(2026, 3, 1)
    )
    assert consents.run(date(2027, 1, 29), print) == "0 candidacies expired, 0 consent notices sent"
    assert consents.run(date(2027, 1, 30), print) == "0 candidacies expired, 1 consent notices sent"
    notice = Notification.objects.get(key=NOTICE_KEY)
    assert notice.recipient == officer and notice.url == candidate.get_absolute_url()
    assert notice.title == "Le consentement de Hélène Bouchard prend fin le 2027-03-01"
    assert len(mail.outbox) <= 1
    assert consents.run(date(2027, 1, 30), print).endswith("0 consent notices sent")
    assert consents.run(date(2027, 2, 15), print).endswith("0 consent notices sent")
    assert Candidate.objects.get(pk=candidate.pk).consent_notice_for == date(2026, 3, 1)
    # Renewed: the notice leaves the queue, and the new date is warned of in its turn.
    services.candidate_renew_consent(candidate=candidate, user=officer, consent_on=TODAY)
    assert Notification.objects.get(key=NOTICE_KEY).done_at is not None
    new_notice_day = TODAY + timedelta(days=335)
    assert consents.run(new_notice_day - timedelta(days=1), print).endswith("0 consent notices sent")
    assert consents.run(new_notice_day, print).endswith("1 consent notices sent")


def test_a_renewal_brings_an_expired_candidacy_back_under_review(officer, candidate):
    consents.run(date(2027, 3, 2), print)
    assert Candidate.objects.get(pk=candidate.pk).status == S.EXPIRED
    services.candidate_renew_consent(candidate=candidate, user=officer)
    renewed = Candidate.objects.get(pk=candidate.pk)
    assert (renewed.consent_on, renewed.status, renewed.status_changed_on) == (TODAY, S.UNDER_REVIEW, TODAY)


def test_a_renewal_keeps_the_status_of_a_candidacy_in_the_bank(officer, candidate):
    Candidate.objects.filter(pk=candidate.pk).update(status=S.IN_BANK)
    services.candidate_renew_consent(candidate=candidate, user=officer, consent_on=TODAY - timedelta(days=3))
    renewed = Candidate.objects.get(pk=candidate.pk)
    assert (renewed.consent_on, renewed.status) == (TODAY - timedelta(days=3), S.IN_BANK)


@pytest.mark.parametrize(
    ("current", "consent_on", "message"),
    [
        (date(2026, 3, 1), TODAY + timedelta(days=1), "La date ne peut pas être postérieure à aujourd’hui."),
        (
            date(2026, 3, 1),
            date(2026, 2, 28),
            "Le consentement en vigueur a été donné le 2026-03-01\u00a0: un renouvellement vient après.",
        ),
        (
            TODAY - timedelta(days=400),
            TODAY - timedelta(days=366),
            f"Un consentement donné le {(TODAY - timedelta(days=366)).isoformat()} a déjà pris fin "
            f"(le {(TODAY - timedelta(days=1)).isoformat()}).",
        ),
    ],
)
def test_a_refused_renewal_answers_422_in_french_with_nothing_changed(
    make_client, officer, candidate, current, consent_on, message
):
    Candidate.objects.filter(pk=candidate.pk).update(consent_on=current, status=S.EXPIRED)
    before = list(Candidate.objects.values_list("consent_on", "status", "status_changed_on"))
    response = make_client(officer).post(url("candidate_consent", candidate.pk), {"consent_on": consent_on.isoformat()})
    assert response.status_code == 422
    errors = response.context["form"].errors["consent_on"]
    assert message in errors, errors
    assert list(Candidate.objects.values_list("consent_on", "status", "status_changed_on")) == before


def test_a_withdrawn_candidacy_renews_nothing(make_client, officer, candidate):
    Candidate.objects.filter(pk=candidate.pk).update(status=S.WITHDRAWN)
    response = make_client(officer).post(url("candidate_consent", candidate.pk), {"consent_on": ""})
    assert (
        response.status_code == 422 and "Une candidature retirée n’a pas de consentement à renouveler." in response.text
    )
    assert Candidate.objects.get().consent_on == date(2026, 3, 1)
    page = make_client(officer).get(candidate.get_absolute_url())
    assert url("candidate_consent", candidate.pk) not in page.text


def test_only_the_role_renews(candidate, staff_user):
    with pytest.raises(PermissionDenied):
        services.candidate_renew_consent(candidate=candidate, user=staff_user)
    assert Candidate.objects.get().consent_on == date(2026, 3, 1)


def test_the_page_shows_the_consents_end_and_warns_when_it_lapsed(make_client, officer):
    lapsed = make_candidate(officer, consent_on=TODAY - timedelta(days=366), received_on=TODAY - timedelta(days=400))
    page = make_client(officer).get(lapsed.get_absolute_url())
    end = (TODAY - timedelta(days=1)).isoformat()
    assert page.context["consent_expires_on"] == TODAY - timedelta(days=1) and page.context["consent_lapsed"]
    assert f"Le consentement a pris fin après le {end}" in page.text
    soon = make_candidate(officer, email="soon@example.qc.ca", consent_on=TODAY - timedelta(days=340))
    page = make_client(officer).get(soon.get_absolute_url())
    assert not page.context["consent_lapsed"] and page.context["consent_notice"]
    assert "demandez à la personne de le renouveler" in page.text
    fresh = make_candidate(officer, email="fresh@example.qc.ca", consent_on=TODAY)
    page = make_client(officer).get(fresh.get_absolute_url())
    assert not page.context["consent_lapsed"] and not page.context["consent_notice"]
    assert f"valide jusqu’au {(TODAY + timedelta(days=365)).isoformat()}" in page.text


def test_the_renewal_from_its_page(make_client, officer, candidate):
    client = make_client(officer)
    page = client.get(url("candidate_consent", candidate.pk))
    assert page.status_code == 200 and page.context["form"]["consent_on"].value() == TODAY
    response = client.post(url("candidate_consent", candidate.pk), {"consent_on": ""})
    assert response.status_code == 302 and response["Location"] == candidate.get_absolute_url()
    assert Candidate.objects.get().consent_on == TODAY


def test_anonymous_is_sent_to_sign_in(client, candidate):
    for response in (
        client.get(url("candidate_consent", candidate.pk)),
        client.post(url("candidate_consent", candidate.pk)),
    ):
        assert response.status_code == 302 and response["Location"].startswith("/connexion/")
    assert Candidate.objects.get().consent_on == date(2026, 3, 1)


@pytest.mark.parametrize("who", OTHERS)
def test_other_staff_and_partners_get_403(make_client, request, candidate, who):
    client = make_client(request.getfixturevalue(who))
    assert client.get(url("candidate_consent", candidate.pk)).status_code == 403
    assert client.post(url("candidate_consent", candidate.pk), {"consent_on": ""}).status_code == 403
    assert Candidate.objects.get().consent_on == date(2026, 3, 1)


def test_an_unknown_candidacy_is_not_found(make_client, officer):
    assert make_client(officer).get(url("candidate_consent", 999999)).status_code == 404


def test_the_jobs_are_registered():
    from opq_intranet.core.registry.schedule import jobs

    assert {"administrateurs.consents_lapsed", "administrateurs.purge_closed"} <= {job.key for job in jobs()}


def test_every_status_the_job_expires_reaches_expired_through_the_table():
    for status in eligibility.EXPIRE_ON_LAPSE:
        assert S.EXPIRED in services.TRANSITIONS[status], status
    assert S.EXPIRED not in services.TRANSITIONS[S.APPOINTED]  # an appointee keeps their seat


def test_the_job_moves_through_the_table(officer, candidate, monkeypatch):
    """Without the table's move from received to expired, the job refuses as a person would be."""
    table = {**services.TRANSITIONS, S.RECEIVED: {S.UNDER_REVIEW, S.WITHDRAWN}}
    monkeypatch.setattr("administrateurs.services.candidates.TRANSITIONS", table)
    with pytest.raises(ValidationError, match="ne peut passer de"):
        consents.run(date(2027, 3, 2), print)
    assert Candidate.objects.get().status == S.RECEIVED
