"""Candidacies: entered and corrected by the Nominations role only, every read logged, the
status moved only through the transitions table; the pages for each kind of user, refused
forms answering 422 in French with nothing saved, constant query counts."""

from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django.utils import timezone

from administrateurs import services
from administrateurs.choices import CandidacyStatus
from administrateurs.models import Candidate
from opq_intranet.accounts.roles import Role
from opq_intranet.core.models import ConfidentialAccess
from tests.administrateurs.factories import CandidateFactory
from tests.factories import UserFactory
from tests.querycounts import up_to

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate()


@pytest.fixture
def officer(db):
    return UserFactory(roles=[Role.STAFF, Role.APPOINTMENTS], first_name="Isabelle", last_name="Leblanc")


@pytest.fixture
def candidate(officer):
    return CandidateFactory(first_name="Hélène", last_name="Bouchard", created_by=officer)


def data(**fields):
    values = {
        "first_name": "Nadia",
        "last_name": "Tremblay",
        "email": "nadia.tremblay@example.qc.ca",
        "region": "03",
        "speaks_french": "on",
        "expertise": "droit, gouvernance",
        "received_on": TODAY.isoformat(),
        "consent_on": TODAY.isoformat(),
    }
    values.update(fields)
    return values


def state():
    return sorted(Candidate.objects.values_list("pk", "first_name", "last_name", "status", "email"))


def pages(candidate):
    return {
        "index": reverse("administrateurs:index"),
        "list": reverse("administrateurs:candidate_list"),
        "create": reverse("administrateurs:candidate_create"),
        "detail": reverse("administrateurs:candidate_detail", args=[candidate.pk]),
        "edit": reverse("administrateurs:candidate_edit", args=[candidate.pk]),
        "history": reverse("administrateurs:candidate_history", args=[candidate.pk]),
        "move": reverse("administrateurs:candidate_move", args=[candidate.pk, "under_review"]),
    }


def test_a_candidacy_moves_only_along_the_table(officer, candidate):
    for status in ("under_review", "eligible", "in_bank", "appointed", "in_bank", "expired", "under_review"):
        services.candidate_move(candidate=candidate, user=officer, status=CandidacyStatus(status))
    assert Candidate.objects.get().status == CandidacyStatus.UNDER_REVIEW
    with pytest.raises(ValidationError):
        services.candidate_move(candidate=candidate, user=officer, status=CandidacyStatus.APPOINTED)
    services.candidate_move(candidate=candidate, user=officer, status=CandidacyStatus.WITHDRAWN)
    for status in CandidacyStatus:
        assert not services.can_move(Candidate.objects.get(), status)  # withdrawn is final


def test_only_the_role_enters_and_moves(candidate, staff_user):
    with pytest.raises(PermissionDenied):
        services.candidate_move(candidate=candidate, user=staff_user, status=CandidacyStatus.UNDER_REVIEW)
    with pytest.raises(PermissionDenied):
        services.candidate_save(candidate=Candidate(**{"first_name": "X"}), user=staff_user)
    assert Candidate.objects.get().status == CandidacyStatus.RECEIVED


def test_a_correction_keeps_the_status(officer, candidate):
    services.candidate_move(candidate=candidate, user=officer, status=CandidacyStatus.UNDER_REVIEW)
    stale = Candidate.objects.get(pk=candidate.pk)
    stale.status, stale.city = CandidacyStatus.APPOINTED, "Lévis"
    services.candidate_save(candidate=stale, user=officer)
    saved = Candidate.objects.get(pk=candidate.pk)
    assert (saved.status, saved.city) == (CandidacyStatus.UNDER_REVIEW, "Lévis")


def test_anonymous_is_sent_to_sign_in(client, candidate):
    for name, url in pages(candidate).items():
        response = client.get(url)
        assert response.status_code == 302 and response["Location"].startswith("/connexion/"), name


@pytest.mark.parametrize("who", ["staff_user", "staff_without_role", "partner_user", "other_partner_user"])
def test_other_staff_and_partners_get_403(make_client, request, candidate, who):
    client = make_client(request.getfixturevalue(who))
    for name, url in pages(candidate).items():
        assert client.get(url).status_code == 403, name
    before = state()
    assert client.post(reverse("administrateurs:candidate_create"), data()).status_code == 403
    assert client.post(pages(candidate)["move"]).status_code == 403
    assert state() == before


def test_the_role_reaches_every_page_and_each_read_is_logged(make_client, officer, candidate):
    client = make_client(officer)
    for name, url in pages(candidate).items():
        assert client.get(url).status_code == 200, name
    logged = ConfidentialAccess.objects.filter(user=officer, object_id=str(candidate.pk))
    assert sorted(logged.values_list("action", flat=True)) == ["history", "view"]


def test_a_candidacy_is_entered_received(make_client, officer):
    response = make_client(officer).post(reverse("administrateurs:candidate_create"), data())
    candidate = Candidate.objects.get()
    assert response["Location"] == candidate.get_absolute_url()
    assert (candidate.status, candidate.created_by) == (CandidacyStatus.RECEIVED, officer)


@pytest.mark.parametrize(
    ("fields", "field", "message"),
    [
        ({"last_name": ""}, "last_name", "Ce champ est obligatoire."),
        ({"consent_on": (TODAY + timedelta(days=1)).isoformat()}, "consent_on", "postérieure à aujourd’hui"),
        ({"email": "pas-un-courriel"}, "email", "adresse de courriel valide"),
        ({"region": "99"}, "region", "Sélectionnez un choix valide"),
    ],
)
def test_a_refused_candidacy_answers_422_in_french(make_client, officer, candidate, fields, field, message):
    before = state()
    response = make_client(officer).post(reverse("administrateurs:candidate_create"), data(**fields))
    assert response.status_code == 422
    assert any(message in error for error in response.context["form"].errors[field])
    assert state() == before


def test_a_move_from_the_page_and_a_refused_one(make_client, officer, candidate):
    client = make_client(officer)
    response = client.post(reverse("administrateurs:candidate_move", args=[candidate.pk, "under_review"]))
    assert response["Location"] == candidate.get_absolute_url()
    refused = client.post(reverse("administrateurs:candidate_move", args=[candidate.pk, "appointed"]))
    assert refused.status_code == 422 and "ne peut passer de" in refused.text
    assert client.get(reverse("administrateurs:candidate_move", args=[candidate.pk, "nope"])).status_code == 404
    assert Candidate.objects.get().status == CandidacyStatus.UNDER_REVIEW


def test_the_list_finds_by_name_and_expertise(make_client, officer, candidate):
    CandidateFactory(last_name="Gagnon", expertise="santé")
    client = make_client(officer)
    assert "Bouchard" in client.get(reverse("administrateurs:candidate_list"), {"q": "gouvernance"}).text
    assert "Bouchard" not in client.get(reverse("administrateurs:candidate_list"), {"q": "santé"}).text


def test_the_list_costs_the_same_with_10_and_100(assert_constant_queries, make_client, officer):
    assert_constant_queries(
        "administrateurs:candidate_list",
        make_client(officer),
        reverse("administrateurs:candidate_list"),
        up_to(lambda n: [CandidateFactory(created_by=officer) for _ in range(n)]),
    )


@pytest.mark.parametrize("name", ["administrateurs:candidate_detail", "administrateurs:candidate_history"])
def test_the_pages_query_counts(assert_query_count, make_client, officer, candidate, name):
    client = make_client(officer)
    url = reverse(name, args=[candidate.pk])
    client.get(url)
    with assert_query_count(name):
        assert client.get(url).status_code == 200
