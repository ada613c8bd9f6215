"""The matching of a seat: every candidate of the bank excluded with its reasons or ranked by
the criteria ticked (scores computed by hand below), the parity after the appointment, a
constant number of queries however big the bank; proposing (once per pending pair),
appointing in one step (which ends the other proposals), a refused appointment answering 422
with nothing changed; the proposals' list and ending one; each kind of user on each page."""

from datetime import date, timedelta

import pytest
from django.urls import NoReverseMatch, reverse
from django.utils import timezone

from administrateurs import matching, services
from administrateurs.choices import CandidacyStatus, Gender, LinkKind, ProposalStatus
from administrateurs.models import AppointmentDecision, BoardPreference, Candidate, CandidateLink, Proposal, Term
from administrateurs.parity import Composition
from opq_intranet.accounts.roles import Role
from tests.administrateurs.factories import BodyFactory, CandidateFactory, TermFactory
from tests.factories import UserFactory, order
from tests.querycounts import up_to

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate()
W, M, OTHER, UNDECLARED = Gender.WOMAN, Gender.MAN, Gender.OTHER, Gender.UNDECLARED
ALL_CRITERIA = {
    "by_region": "on",
    "region": "03",
    "by_expertise": "on",
    "keywords": "gouvernance, COMPTABILITE",
    "by_preference": "on",
    "by_parity": "on",
    "by_diversity": "on",
}


@pytest.fixture
def officer(db):
    return UserFactory(roles=[Role.STAFF, Role.APPOINTMENTS], first_name="Isabelle", last_name="Leblanc")


def in_bank(last_name, **fields):
    values = {
        "first_name": "Test",
        "last_name": last_name,
        "status": CandidacyStatus.IN_BANK,
        "gender": UNDECLARED,
        "diversity": False,
        "region": "06",
        "expertise": "",
        "received_on": date(2025, 1, 1),
        "consent_on": TODAY - timedelta(days=30),
    }
    values.update(fields)
    return CandidateFactory(**values)


@pytest.fixture
def board(db):
    """The engineers' board: 5 seats the Office fills; on seats 1 to 4, three women and one
    man (one of the women, Chartier, is in the bank: she is excluded as sitting); seat 5 vacant."""
    body = BodyFactory(order=order("ingenieurs"), office_seats=5)
    seats = list(body.seats.order_by("number"))
    started = TODAY - timedelta(days=365)
    for seat, gender in zip(seats[:3], [W, W, M], strict=True):
        TermFactory(
            seat=seat, candidate=CandidateFactory(status=CandidacyStatus.APPOINTED, gender=gender), starts_on=started
        )
    TermFactory(seat=seats[3], candidate=in_bank("Chartier", gender=W), starts_on=started)
    return body


@pytest.fixture
def other_body(db):
    return BodyFactory(order=order("infirmieres"))


@pytest.fixture
def bank(board, other_body):
    """The candidates of the bank, by name (and two that are not in it)."""
    arsenault = in_bank("Arsenault", region="03", expertise="gouvernance")
    CandidateLink.objects.create(candidate=arsenault, order=board.order, kind=LinkKind.MEMBER, declared_on=TODAY)
    people = {
        "Arsenault": arsenault,
        "Bélanger": in_bank("Bélanger", region="03", consent_on=TODAY - timedelta(days=400)),
        "Chartier": Candidate.objects.get(last_name="Chartier"),
        "Dubois": in_bank(
            "Dubois", gender=M, region="03", expertise="Comptabilité, gouvernance", received_on=date(2025, 1, 10)
        ),
        "Émond": in_bank(
            "Émond",
            gender=W,
            diversity=True,
            region="06",
            expertise="Droit, Gouvernance des organismes",
            received_on=date(2025, 2, 1),
        ),
        "Fortin": in_bank("Fortin", region="03", expertise="santé publique", received_on=date(2024, 6, 1)),
        "Gagnon": in_bank("Gagnon", gender=M, region="06", expertise="génie civil", received_on=date(2024, 1, 1)),
        "Hébert": in_bank(
            "Hébert", gender=OTHER, region="06", expertise="Gouvernance; comptabilité", received_on=date(2023, 11, 15)
        ),
    }
    BoardPreference.objects.create(candidate=people["Dubois"], body=board, rank=1)
    BoardPreference.objects.create(candidate=people["Émond"], body=other_body, rank=1)
    BoardPreference.objects.create(candidate=people["Émond"], body=board, rank=2)
    BoardPreference.objects.create(candidate=people["Gagnon"], body=other_body, rank=1)
    in_bank("Withdrawn", status=CandidacyStatus.WITHDRAWN, region="03")
    in_bank("Purged", region="03", purged_at=timezone.now())
    return people


@pytest.fixture
def vacancy(board):
    return board.seats.get(number=5)


def matching_url(seat, **query):
    return reverse("administrateurs:seat_matching", args=[seat.pk])


def ranked_rows(result):
    return [(row.candidate.last_name, row.score, [(p.key, p.points) for p in row.points]) for row in result.ranked]


def test_every_criterion_scored_by_hand(bank, vacancy):
    criteria = matching.Criteria(
        region="03", keywords=("gouvernance", "COMPTABILITE"), preference=True, parity=True, diversity=True
    )
    result = matching.match_seat(vacancy, criteria=criteria, on=TODAY)
    # Before: 3 women, 1 man, none declaring diversity (gap 2).
    # Dubois (man, 03, both keywords, 1st choice): 10 + 5×2 + 15 + 20 (gap 2 → 1) + 0 = 55
    # Gagnon (man, 06, no keyword, no wish): 0 + 0 + 0 + 20 + 0 = 20
    # Hébert (other, 06, both keywords): 0 + 10 + 0 + 0 (gap 2 → 2) + 0 = 10, received 2023-11-15
    # Fortin (undeclared, 03, no keyword): 10 + 0 + 0 + 0 + 0 = 10, received 2024-06-01
    # Émond (woman, diversity, 06, "Gouvernance", 2nd choice): 0 + 5 + 10 − 20 (gap 2 → 3) + 10 = 5
    assert ranked_rows(result) == [
        ("Dubois", 55, [("region", 10), ("expertise", 10), ("preference", 15), ("parity", 20), ("diversity", 0)]),
        ("Gagnon", 20, [("region", 0), ("expertise", 0), ("preference", 0), ("parity", 20), ("diversity", 0)]),
        ("Hébert", 10, [("region", 0), ("expertise", 10), ("preference", 0), ("parity", 0), ("diversity", 0)]),
        ("Fortin", 10, [("region", 10), ("expertise", 0), ("preference", 0), ("parity", 0), ("diversity", 0)]),
        ("Émond", 5, [("region", 0), ("expertise", 5), ("preference", 10), ("parity", -20), ("diversity", 10)]),
    ]
    assert [row.after_label for row in result.ranked] == [
        "F 3 · H 2",
        "F 3 · H 2",
        "F 3 · H 1 · autre 1",
        "F 3 · H 1 · non déclaré 1",
        "F 4 · H 1",
    ]
    excluded = {row.candidate.last_name: row.reasons for row in result.excluded}
    assert excluded == {
        "Arsenault": ["Membre de l’ordre\u00a0: Ordre des ingénieurs du Québec (art. 78)."],
        "Bélanger": [f"Consentement échu le {(TODAY - timedelta(days=35)).isoformat()}."],
        "Chartier": ["Siège déjà à cette instance."],
    }
    # Neither the withdrawn nor the purged candidacy is in the bank.
    assert not {"Withdrawn", "Purged"} & {row.candidate.last_name for row in result.ranked + result.excluded}


def test_the_composition_and_one_criterion_alone(bank, vacancy):
    result = matching.match_seat(vacancy, criteria=matching.Criteria(preference=True), on=TODAY)
    assert result.composition == Composition(women=3, men=1)
    assert matching.composition_label(result.composition) == "F 3 · H 1"
    # Dubois 15, Émond 10; the others 0, longest in the bank first: Hébert, Gagnon, Fortin.
    assert [(name, score) for name, score, _points in ranked_rows(result)] == [
        ("Dubois", 15),
        ("Émond", 10),
        ("Hébert", 0),
        ("Gagnon", 0),
        ("Fortin", 0),
    ]


def test_ties_of_the_same_day_go_by_name(board, vacancy):
    for name in ("Roy", "Caron", "Lévesque"):
        in_bank(name, received_on=date(2025, 3, 1), consent_on=TODAY - timedelta(days=10))
    in_bank("Zola", received_on=date(2025, 3, 1), consent_on=TODAY - timedelta(days=20))
    result = matching.match_seat(vacancy, criteria=matching.Criteria(), on=TODAY)
    # Same day received; Zola's consent is older; then Caron, Lévesque (accents ignored), Roy.
    assert [row.candidate.last_name for row in result.ranked] == ["Zola", "Caron", "Lévesque", "Roy"]


def test_parity_after_the_appointment_on_a_board_of_three_women_and_one_man():
    before = Composition(women=3, men=1)
    criteria = matching.Criteria(parity=True, diversity=True)
    man, woman = Candidate(gender=M, region="03"), Candidate(gender=W, region="03", diversity=True)
    assert matching.score(man, criteria=criteria, composition=before) == (
        20,
        matching.score(man, criteria=criteria, composition=before)[1],
    )
    total, points = matching.score(woman, criteria=criteria, composition=before)
    assert total == -20 + 10
    assert [p.signed for p in points] == ["\u221220", "+10"]
    assert [p.why for p in points] == ["écart 2 → 3", "première personne nommée reflétant la diversité"]
    # Once a diverse appointee sits, diversity gains nothing.
    assert matching.score(woman, criteria=criteria, composition=Composition(women=1, men=2, diversity=1))[0] == 20


def test_keywords_are_read_accent_and_case_insensitively():
    assert matching.keywords_of(" Comptabilité ,gouvernance;; droit  des affaires, COMPTABILITE") == (
        "Comptabilité",
        "gouvernance",
        "droit des affaires",
    )
    candidate = Candidate(gender=UNDECLARED, region="03", expertise="DROIT DES AFFAIRES, comptabilite")
    total, points = matching.score(
        candidate,
        criteria=matching.Criteria(keywords=("Comptabilité", "gouvernance", "droit des affaires")),
        composition=Composition(),
    )
    assert (total, points[0].why) == (10, "Comptabilité, droit des affaires")


def test_the_default_day_is_the_seat_s_next_vacancy(bank, board):
    held = board.seats.get(number=1)
    term = Term.objects.get(seat=held)
    result = matching.match_seat(held, criteria=matching.Criteria())
    assert result.on == term.ends_on + timedelta(days=1)
    assert result.holder is None and result.vacancy == result.on
    on_today = matching.match_seat(held, criteria=matching.Criteria(), on=TODAY)
    assert on_today.holder == term and on_today.vacancy == term.ends_on + timedelta(days=1)


def test_the_page_ranks_with_the_criteria_of_the_query_string(make_client, officer, bank, vacancy):
    response = make_client(officer).get(matching_url(vacancy), ALL_CRITERIA)
    assert response.status_code == 200
    assert [row.score for row in response.context["ranked"]] == [55, 20, 10, 10, 5]
    assert response.context["excluded_count"] == 3
    text = response.text
    assert "F 3 · H 1" in text and "Siège déjà à cette instance." in text
    assert "Membre de l’ordre" in text


def test_the_page_opens_with_the_criteria_that_need_nothing_typed(make_client, officer, bank, vacancy):
    response = make_client(officer).get(matching_url(vacancy))
    assert response.context["matching"].criteria == matching.Criteria(preference=True, parity=True, diversity=True)
    assert response.context["ranked"][0].candidate.last_name == "Dubois"  # 15 + 20


def test_criteria_missing_their_value_answer_422_in_french(make_client, officer, bank, vacancy):
    response = make_client(officer).get(
        matching_url(vacancy), {"by_region": "on", "by_expertise": "on", "keywords": " , "}
    )
    assert response.status_code == 422
    assert "Choisissez la région voulue." in response.text
    assert "Tapez au moins un mot-clé." in response.text
    assert "matching" not in response.context


def test_the_page_costs_the_same_with_10_and_60_candidates(
    assert_constant_queries, make_client, officer, board, other_body, vacancy
):
    other_seat = other_body.seats.first()

    def create(count):
        for n in range(count):
            candidate = in_bank(f"Nom{n}", gender=[W, M, UNDECLARED][n % 3], region=["03", "06"][n % 2])
            CandidateLink.objects.create(
                candidate=candidate,
                order=[board.order, other_body.order][n % 2],
                kind=LinkKind.OTHER,
                declared_on=TODAY,
            )
            BoardPreference.objects.create(candidate=candidate, body=board, rank=1 + n % 3)
            if n % 5 == 0:
                TermFactory(seat=other_seat, candidate=candidate)
                Proposal.objects.create(seat=vacancy, candidate=candidate, proposed_on=TODAY, proposed_by=officer)

    assert_constant_queries(
        "administrateurs:seat_matching",
        make_client(officer),
        matching_url(vacancy),
        up_to(create),
        params=ALL_CRITERIA,
        per_page=False,
        sizes=(10, 60),
    )


# Proposing and appointing


def state():
    return {
        "terms": sorted(Term.objects.values_list("pk", "seat_id", "candidate_id")),
        "proposals": sorted(Proposal.objects.values_list("pk", "seat_id", "candidate_id", "status", "closed_on")),
        "candidates": sorted(Candidate.objects.values_list("pk", "status")),
        "decisions": sorted(AppointmentDecision.objects.values_list("pk", "resolution_number")),
    }


def propose_url(seat, candidate):
    return reverse("administrateurs:matching_propose", args=[seat.pk, candidate.pk])


def appoint_url(seat, candidate):
    return reverse("administrateurs:matching_appoint", args=[seat.pk, candidate.pk])


def appointment(**fields):
    return {
        "starts_on": TODAY.isoformat(),
        "resolution_number": "OPQ-2026-077",
        "decided_on": TODAY.isoformat(),
        **fields,
    }


def test_a_candidate_is_proposed_once_per_seat(make_client, officer, bank, vacancy):
    client = make_client(officer)
    dubois = bank["Dubois"]
    here = matching_url(vacancy) + "?by_parity=on"
    response = client.post(propose_url(vacancy, dubois) + "?by_parity=on", {"next": here})
    assert response.status_code == 302 and response["Location"] == here
    proposal = Proposal.objects.get()
    assert (proposal.status, proposal.proposed_by, proposal.proposed_on) == (ProposalStatus.PENDING, officer, TODAY)
    assert client.get(matching_url(vacancy)).context["ranked"][0].proposed
    before = state()
    again = client.post(propose_url(vacancy, dubois) + "?by_parity=on", {"next": here})
    assert again.status_code == 422
    assert "La candidature de Test Dubois est déjà proposée pour ce siège." in again.text
    assert again.context["matching"].criteria == matching.Criteria(parity=True)  # the page as it was
    assert state() == before


def test_an_excluded_candidate_is_not_proposed(make_client, officer, bank, vacancy):
    before = state()
    response = make_client(officer).post(propose_url(vacancy, bank["Arsenault"]))
    assert response.status_code == 422 and "Membre de l’ordre" in response.text
    assert state() == before


def test_appointing_in_one_step_ends_the_other_proposals(make_client, officer, bank, vacancy, other_body):
    dubois, emond = bank["Dubois"], bank["Émond"]
    elsewhere = other_body.seats.first()
    mine = services.proposal_create(seat=vacancy, candidate=dubois, user=officer)
    my_other = services.proposal_create(seat=elsewhere, candidate=dubois, user=officer)
    theirs = services.proposal_create(seat=vacancy, candidate=emond, user=officer)
    unrelated = services.proposal_create(seat=elsewhere, candidate=bank["Gagnon"], user=officer)
    client = make_client(officer)
    page = client.get(appoint_url(vacancy, dubois), {"on": TODAY.isoformat()})
    assert page.status_code == 200 and page.context["form"].initial["starts_on"] == TODAY
    assert "F 3 · H 2" in page.text
    response = client.post(appoint_url(vacancy, dubois), appointment())
    term = Term.objects.get(seat=vacancy)
    try:
        expected = reverse("administrateurs:seat_detail", args=[vacancy.pk])
    except NoReverseMatch:
        expected = dubois.get_absolute_url()
    assert response.status_code == 302 and response["Location"] == expected
    assert (term.candidate, term.starts_on, term.decision.resolution_number) == (dubois, TODAY, "OPQ-2026-077")
    assert Candidate.objects.get(pk=dubois.pk).status == CandidacyStatus.APPOINTED
    statuses = dict(Proposal.objects.values_list("pk", "status"))
    assert statuses == {
        mine.pk: ProposalStatus.APPOINTED,
        my_other.pk: ProposalStatus.ENDED,
        theirs.pk: ProposalStatus.ENDED,
        unrelated.pk: ProposalStatus.PENDING,
    }


@pytest.mark.parametrize(
    ("who", "seat_number", "fields", "message"),
    [
        ("Arsenault", 5, {}, "Membre de l’ordre\u00a0: Ordre des ingénieurs du Québec (art. 78)."),
        ("Bélanger", 5, {}, "Consentement échu le"),
        ("Chartier", 5, {}, "Siège déjà à cette instance."),
        ("Dubois", 1, {}, "Le siège est occupé par"),
        ("Dubois", 5, {"decided_on": (TODAY + timedelta(days=1)).isoformat()}, "postérieure à aujourd’hui"),
        ("Dubois", 5, {"resolution_number": ""}, "Ce champ est obligatoire."),
        ("Dubois", 5, {"starts_on": "9999-12-31"}, "Donnez une date entre 2000 et 2100."),
    ],
)
def test_a_refused_appointment_answers_422_and_changes_nothing(
    make_client, officer, bank, board, who, seat_number, fields, message
):
    seat = board.seats.get(number=seat_number)
    proposal = services.proposal_create(seat=board.seats.get(number=5), candidate=bank["Dubois"], user=officer)
    before = state()
    response = make_client(officer).post(appoint_url(seat, bank[who]), appointment(**fields))
    assert response.status_code == 422
    assert message in response.text
    assert state() == before
    assert Proposal.objects.get(pk=proposal.pk).status == ProposalStatus.PENDING


# The proposals' list and ending one


def test_the_list_filters_by_body_and_status_and_exports(make_client, officer, bank, vacancy, other_body):
    pending = services.proposal_create(seat=vacancy, candidate=bank["Dubois"], user=officer)
    ended = services.proposal_create(seat=other_body.seats.first(), candidate=bank["Gagnon"], user=officer)
    services.proposal_end(proposal=ended, user=officer)
    client = make_client(officer)
    url = reverse("administrateurs:proposal_list")
    by_status = client.get(url, {"status": "pending"})
    assert "Test Dubois" in by_status.text and "Test Gagnon" not in by_status.text
    by_body = client.get(url, {"body": other_body.pk})
    assert "Test Gagnon" in by_body.text and "Test Dubois" not in by_body.text
    assert reverse("administrateurs:proposal_end", args=[pending.pk]) in client.get(url).text
    assert reverse("administrateurs:proposal_end", args=[ended.pk]) not in client.get(url).text
    export = client.get(url, {"export": "csv", "status": "pending"})
    assert export.status_code == 200
    content = b"".join(export.streaming_content).decode("utf-8-sig") if export.streaming else export.text
    assert "Test Dubois" in content and "Test Gagnon" not in content


def test_ending_a_proposal_and_a_refused_second_time(make_client, officer, bank, vacancy):
    proposal = services.proposal_create(seat=vacancy, candidate=bank["Dubois"], user=officer)
    client = make_client(officer)
    url = reverse("administrateurs:proposal_end", args=[proposal.pk])
    assert client.get(url).status_code == 200
    back = matching_url(vacancy)
    response = client.post(url + "?next=" + back)
    assert response.status_code == 302 and response["Location"] == back
    ended = Proposal.objects.get()
    assert (ended.status, ended.closed_on) == (ProposalStatus.ENDED, TODAY)
    before = state()
    again = client.post(url)
    assert again.status_code == 422 and "Cette proposition n’est plus en attente." in again.text
    assert state() == before


def test_the_list_costs_the_same_with_10_and_100(assert_constant_queries, make_client, officer, board):
    seats = list(board.seats.all())

    def create(count):
        for n in range(count):
            Proposal.objects.create(
                seat=seats[n % len(seats)], candidate=in_bank(f"Nom{n}"), proposed_on=TODAY, proposed_by=officer
            )

    assert_constant_queries(
        "administrateurs:proposal_list", make_client(officer), reverse("administrateurs:proposal_list"), up_to(create)
    )


# Each kind of user


@pytest.fixture
def pages(bank, vacancy, officer):
    proposal = services.proposal_create(seat=vacancy, candidate=bank["Dubois"], user=officer)
    return {
        "matching": matching_url(vacancy),
        "appoint": appoint_url(vacancy, bank["Dubois"]),
        "list": reverse("administrateurs:proposal_list"),
        "end": reverse("administrateurs:proposal_end", args=[proposal.pk]),
    }


def posts(bank, vacancy, pages):
    return [
        (propose_url(vacancy, bank["Gagnon"]), {}),
        (pages["appoint"], appointment()),
        (pages["end"], {}),
    ]


def test_anonymous_is_sent_to_sign_in(client, bank, vacancy, pages):
    for name, url in pages.items():
        response = client.get(url)
        assert response.status_code == 302 and response["Location"].startswith("/connexion/"), name
    before = state()
    for url, data in posts(bank, vacancy, pages):
        assert client.post(url, data).status_code == 302
    assert state() == before


@pytest.mark.parametrize("who", ["staff_user", "staff_without_role", "partner_user", "other_partner_user"])
def test_other_staff_and_partners_get_403(make_client, request, bank, vacancy, pages, who):
    client = make_client(request.getfixturevalue(who))
    for name, url in pages.items():
        assert client.get(url).status_code == 403, name
    before = state()
    for url, data in posts(bank, vacancy, pages):
        assert client.post(url, data).status_code == 403, url
    assert state() == before


def test_the_role_reaches_every_page(make_client, officer, bank, vacancy, pages):
    client = make_client(officer)
    for name, url in pages.items():
        assert client.get(url).status_code == 200, name
    assert client.get(propose_url(vacancy, bank["Gagnon"])).status_code == 405


def test_an_unknown_seat_or_candidate_is_404(make_client, officer, bank, vacancy):
    client = make_client(officer)
    missing = Candidate(pk=999_999_999)
    assert client.get(reverse("administrateurs:seat_matching", args=[999_999_999])).status_code == 404
    assert client.get(appoint_url(vacancy, missing)).status_code == 404
    assert client.post(propose_url(vacancy, missing)).status_code == 404
    assert client.get(reverse("administrateurs:proposal_end", args=[999_999_999])).status_code == 404
    assert not Proposal.objects.exists()
