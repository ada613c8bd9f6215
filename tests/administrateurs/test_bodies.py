"""Bodies, seats, terms, appointment decisions, vacancies and the home's dashboards: the
Nominations role's only; each form refused in French (422) with nothing changed; a body's
seats follow the number the Office fills; constant query counts."""

from datetime import date, timedelta

import pytest
from dateutil.relativedelta import relativedelta
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django.utils import timezone

from administrateurs import services
from administrateurs.choices import BodyKind, CandidacyStatus, Gender, ObligationKind, TermEnd
from administrateurs.models import AppointmentDecision, Body, Candidate, Obligation, Seat, Term
from opq_intranet.accounts.roles import Role
from tests.administrateurs.factories import BodyFactory, CandidateFactory, DecisionFactory, TermFactory
from tests.factories import UserFactory, order
from tests.querycounts import up_to

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate()
YEAR_AGO = TODAY - relativedelta(years=1)


@pytest.fixture
def officer(db):
    return UserFactory(roles=[Role.STAFF, Role.APPOINTMENTS])


@pytest.fixture
def board(db):
    return BodyFactory(order=order("infirmieres"), name="Conseil d’administration de l’OIIQ", size=12, office_seats=4)


@pytest.fixture
def term(board):
    return TermFactory(
        seat=board.seats.get(number=1),
        candidate=CandidateFactory(first_name="Hélène", last_name="Bouchard", status=CandidacyStatus.APPOINTED),
        starts_on=YEAR_AGO,
        ends_on=services.term_end_for(board.seats.get(number=1), YEAR_AGO),
    )


@pytest.fixture
def in_bank(db):
    return CandidateFactory(first_name="Nadia", last_name="Tremblay", status=CandidacyStatus.IN_BANK, consent_on=TODAY)


def pages(board, term):
    seat, decision = term.seat, term.decision
    return {
        "index": reverse("administrateurs:index"),
        "body_list": reverse("administrateurs:body_list"),
        "body_create": reverse("administrateurs:body_create"),
        "body_detail": reverse("administrateurs:body_detail", args=[board.pk]),
        "body_edit": reverse("administrateurs:body_edit", args=[board.pk]),
        "body_history": reverse("administrateurs:body_history", args=[board.pk]),
        "seat_detail": reverse("administrateurs:seat_detail", args=[seat.pk]),
        "seat_history": reverse("administrateurs:seat_history", args=[seat.pk]),
        "seat_appoint": reverse("administrateurs:seat_appoint", args=[seat.pk]),
        "term_detail": reverse("administrateurs:term_detail", args=[term.pk]),
        "term_history": reverse("administrateurs:term_history", args=[term.pk]),
        "term_renew": reverse("administrateurs:term_renew", args=[term.pk]),
        "term_end": reverse("administrateurs:term_end", args=[term.pk]),
        "decision_list": reverse("administrateurs:decision_list"),
        "decision_detail": reverse("administrateurs:decision_detail", args=[decision.pk]),
        "decision_history": reverse("administrateurs:decision_history", args=[decision.pk]),
        "vacancy_list": reverse("administrateurs:vacancy_list"),
    }


def state():
    return (
        sorted(Body.objects.values_list("pk", "name", "size", "office_seats", "term_years", "is_active")),
        sorted(Seat.objects.values_list("pk", "body", "number", "is_active")),
        sorted(Term.objects.values_list("pk", "seat", "candidate", "starts_on", "ends_on", "ended_on", "end_reason")),
        sorted(AppointmentDecision.objects.values_list("pk", "resolution_number", "decided_on")),
        sorted(Candidate.objects.values_list("pk", "status")),
        Obligation.objects.count(),
    )


def body_data(**fields):
    values = {
        "kind": BodyKind.BOARD,
        "order": "ingenieurs",  # an order's code
        "name": "Conseil d’administration de l’OIQ",
        "size": "16",
        "office_seats": "4",
        "term_years": "4",
        "is_active": "on",
    }
    values.update(fields)
    values["order"] = order(values["order"]).pk if values["order"] else ""
    return values


# Who reaches the pages


def test_anonymous_is_sent_to_sign_in(client, board, term):
    for name, url in pages(board, term).items():
        response = client.get(url)
        assert response.status_code == 302 and response["Location"].startswith("/connexion/"), name


@pytest.mark.parametrize("who", ["staff_user", "staff_without_role", "partner_user", "other_partner_user"])
def test_other_staff_and_partners_get_403(make_client, request, board, term, in_bank, who):
    client = make_client(request.getfixturevalue(who))
    for name, url in pages(board, term).items():
        assert client.get(url).status_code == 403, name
    before = state()
    posts = {
        "body_create": body_data(),
        "seat_appoint": {"candidate": in_bank.pk, "starts_on": TODAY, "resolution_number": "R1", "decided_on": TODAY},
        "term_renew": {"resolution_number": "R1", "decided_on": TODAY},
        "term_end": {"ended_on": TODAY, "reason": TermEnd.RESIGNED},
    }
    for name, data in posts.items():
        assert client.post(pages(board, term)[name], data).status_code == 403, name
    assert state() == before


def test_the_role_reaches_every_page(make_client, officer, board, term):
    client = make_client(officer)
    for name, url in pages(board, term).items():
        assert client.get(url).status_code == 200, name


@pytest.mark.parametrize(
    "name",
    [
        "body_detail",
        "body_edit",
        "body_history",
        "seat_detail",
        "seat_history",
        "seat_appoint",
        "term_detail",
        "term_history",
        "term_renew",
        "term_end",
        "decision_detail",
        "decision_history",
    ],
)
def test_an_unknown_id_answers_404(make_client, officer, name):
    assert make_client(officer).get(reverse(f"administrateurs:{name}", args=[999999])).status_code == 404


# A body and its seats


def test_a_body_is_created_with_its_seats(make_client, officer):
    response = make_client(officer).post(reverse("administrateurs:body_create"), body_data())
    body = Body.objects.get(name="Conseil d’administration de l’OIQ")
    assert response["Location"] == body.get_absolute_url()
    assert list(body.seats.values_list("number", "is_active")) == [(1, True), (2, True), (3, True), (4, True)]


def test_a_body_s_seats_follow_the_number_the_office_fills(officer, board, term):
    board.office_seats = 6
    services.body_save(body=board, user=officer)
    assert list(board.seats.values_list("number", "is_active")) == [(n, True) for n in range(1, 7)]
    board.office_seats = 2  # seat 1 is held: seats 6 to 3 go
    services.body_save(body=board, user=officer)
    assert list(board.seats.filter(is_active=True).values_list("number", flat=True)) == [1, 2]
    assert board.seats.count() == 6  # deactivated, never deleted
    board.office_seats = 3  # reopens seat 3 before adding any
    services.body_save(body=board, user=officer)
    assert list(board.seats.filter(is_active=True).values_list("number", flat=True)) == [1, 2, 3]
    assert board.seats.count() == 6


def test_a_held_seat_is_never_deactivated(officer, board, term):
    TermFactory(seat=board.seats.get(number=4), starts_on=TODAY + timedelta(days=30))  # to come: held too
    before = state()
    board.office_seats = 1
    with pytest.raises(ValidationError) as refused:
        services.body_save(body=board, user=officer)
    message = "2 sièges sont occupés\u00a0: l’Office ne peut en pourvoir moins."
    assert refused.value.message_dict["office_seats"] == [message]
    assert state() == before


@pytest.mark.parametrize(
    ("fields", "field", "message"),
    [
        ({"office_seats": "17"}, "office_seats", "plus de sièges que l’instance ne compte de membres (16)"),
        ({"office_seats": "0"}, "office_seats", "au moins un siège"),
        ({"term_years": "0"}, "term_years", "de 1 à 10 ans"),
        ({"order": ""}, "order", "appartient à un ordre"),
        ({"order": "infirmieres"}, "order", "Cet ordre a déjà son conseil"),
        ({"name": "Conseil d’administration de l’OIIQ"}, "name", "existe déjà"),
        ({"size": "abc"}, "size", "Saisissez un nombre entier."),
    ],
)
def test_a_refused_body_answers_422_in_french(make_client, officer, board, fields, field, message):
    before = state()
    response = make_client(officer).post(reverse("administrateurs:body_create"), body_data(**fields))
    assert response.status_code == 422
    assert any(message in error for error in response.context["form"].errors[field]), response.context["form"].errors
    assert state() == before


def test_another_body_needs_no_order(make_client, officer):
    data = body_data(kind=BodyKind.OTHER, order="", name="Comité consultatif", size="5", office_seats="5")
    make_client(officer).post(reverse("administrateurs:body_create"), data)
    assert Body.objects.get(name="Comité consultatif").seats.count() == 5


def test_only_the_role_saves_a_body(staff_user, board):
    with pytest.raises(PermissionDenied):
        services.body_save(body=board, user=staff_user)


def test_the_body_s_page_shows_its_seats_parity_and_minimum(make_client, officer, board, term):
    Candidate.objects.filter(pk=term.candidate_id).update(gender=Gender.WOMAN)
    page = make_client(officer).get(reverse("administrateurs:body_detail", args=[board.pk]))
    states = {state.seat.number: state.status for state in page.context["seat_states"]}
    assert states == {1: "held", 2: "vacant", 3: "vacant", 4: "vacant"}
    assert page.context["composition"].women == 1
    assert (page.context["office_minimum"], page.context["minimum_met"]) == (3, False)  # 12 members: 3; 1 filled
    assert "Hélène Bouchard" in page.text and "Sous le minimum" in page.text


# A seat: appoint


def appoint_data(person, **fields):
    values = {
        "candidate": person.pk,
        "starts_on": TODAY.isoformat(),
        "resolution_number": "2026-12-01-03",
        "decided_on": TODAY.isoformat(),
    }
    values.update(fields)
    return values


def test_an_appointment_from_the_seat_s_page(make_client, officer, board, in_bank):
    seat = board.seats.get(number=2)
    client = make_client(officer)
    form = client.get(reverse("administrateurs:seat_appoint", args=[seat.pk]))
    assert "Tremblay, Nadia" in form.text
    response = client.post(reverse("administrateurs:seat_appoint", args=[seat.pk]), appoint_data(in_bank))
    term = Term.objects.get(seat=seat)
    assert response["Location"] == term.get_absolute_url()
    assert (term.candidate, term.starts_on, term.ends_on) == (in_bank, TODAY, services.term_end_for(seat, TODAY))
    assert set(term.obligations.values_list("kind", flat=True)) == {ObligationKind.TRAINING, ObligationKind.DECLARATION}


def test_the_picker_offers_only_the_bank(make_client, officer, board, in_bank):
    CandidateFactory(first_name="Paul", last_name="Gagnon", status=CandidacyStatus.ELIGIBLE)
    page = make_client(officer).get(reverse("administrateurs:seat_appoint", args=[board.seats.first().pk]))
    assert "Tremblay, Nadia" in page.text and "Gagnon, Paul" not in page.text


@pytest.mark.parametrize(
    ("number", "fields", "message"),
    [
        (2, {"starts_on": "2026-13-45"}, "Saisissez une date valide."),
        (2, {"decided_on": (TODAY + timedelta(days=1)).isoformat()}, "ne peut pas être postérieure à aujourd’hui"),
        (2, {"resolution_number": ""}, "Ce champ est obligatoire."),
        (2, {"candidate": "999999"}, "Sélectionnez un choix valide"),
        (1, {}, "Le siège est occupé par Hélène Bouchard"),  # seat 1 is the term's
    ],
)
def test_a_refused_appointment_answers_422_in_french(
    make_client, officer, board, term, in_bank, number, fields, message
):
    before = state()
    url = reverse("administrateurs:seat_appoint", args=[board.seats.get(number=number).pk])
    response = make_client(officer).post(url, appoint_data(in_bank, **fields))
    assert response.status_code == 422
    assert message in response.text
    assert state() == before


def test_an_appointment_out_of_the_bank_is_refused_with_its_reason(make_client, officer, board):
    lapsed = CandidateFactory(status=CandidacyStatus.IN_BANK, consent_on=TODAY - timedelta(days=400))
    before = state()
    url = reverse("administrateurs:seat_appoint", args=[board.seats.get(number=3).pk])
    response = make_client(officer).post(url, appoint_data(lapsed))
    assert response.status_code == 422 and "Consentement échu le" in response.text
    assert state() == before


def test_an_inactive_seat_offers_no_appointment(make_client, officer, board):
    seat = board.seats.get(number=4)
    Seat.objects.filter(pk=seat.pk).update(is_active=False)
    client = make_client(officer)
    assert reverse("administrateurs:seat_appoint", args=[seat.pk]) not in client.get(seat.get_absolute_url()).text


# A term: renew, end early


def test_renewal_from_the_term_s_page_then_refused_at_the_limit(make_client, officer, term, settings):
    settings.ADMINISTRATEURS_MAX_CONSECUTIVE_TERMS = 2
    client = make_client(officer)
    url = reverse("administrateurs:term_renew", args=[term.pk])
    assert reverse("administrateurs:term_renew", args=[term.pk]) in client.get(term.get_absolute_url()).text
    response = client.post(url, {"resolution_number": "2026-12-01-04", "decided_on": TODAY.isoformat()})
    renewal = Term.objects.get(renewal_of=term)
    assert response["Location"] == renewal.get_absolute_url()
    assert renewal.starts_on == term.ends_on + timedelta(days=1)
    page = client.get(renewal.get_absolute_url())
    assert page.context["consecutive"] == 2 and page.context["at_limit"]
    assert reverse("administrateurs:term_renew", args=[renewal.pk]) not in page.text
    before = state()
    refused = client.post(
        reverse("administrateurs:term_renew", args=[renewal.pk]),
        {"resolution_number": "2026-12-01-05", "decided_on": TODAY.isoformat()},
    )
    assert refused.status_code == 422 and "2 mandats consécutifs, le maximum permis" in refused.text
    assert state() == before


def test_ending_a_term_early_from_its_page(make_client, officer, term):
    client = make_client(officer)
    response = client.post(
        reverse("administrateurs:term_end", args=[term.pk]),
        {"ended_on": (TODAY - timedelta(days=1)).isoformat(), "reason": TermEnd.RESIGNED},
    )
    assert response["Location"] == term.get_absolute_url()
    term.refresh_from_db()
    assert (term.ended_on, term.end_reason) == (TODAY - timedelta(days=1), TermEnd.RESIGNED)
    assert Candidate.objects.get(pk=term.candidate_id).status == CandidacyStatus.IN_BANK


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"ended_on": (TODAY + relativedelta(years=5)).isoformat(), "reason": "resigned"}, "pendant le mandat"),
        ({"ended_on": TODAY.isoformat(), "reason": "expired"}, "Sélectionnez un choix valide"),
        ({"ended_on": "", "reason": "resigned"}, "Ce champ est obligatoire."),
    ],
)
def test_a_refused_end_answers_422_in_french(make_client, officer, term, data, message):
    before = state()
    response = make_client(officer).post(reverse("administrateurs:term_end", args=[term.pk]), data)
    assert response.status_code == 422 and message in response.text
    assert state() == before


def test_the_term_s_page_lists_its_obligations(make_client, officer, term):
    Obligation.objects.create(term=term, kind=ObligationKind.TRAINING, due_on=date(2026, 3, 1))
    page = make_client(officer).get(term.get_absolute_url())
    assert "Formation en gouvernance et en éthique" in page.text and "2026-03-01" in page.text


def test_a_decision_s_page_lists_its_terms(make_client, officer, term):
    page = make_client(officer).get(term.decision.get_absolute_url())
    assert term.get_absolute_url() in page.text and term.decision.resolution_number in page.text


# Lists, the home, the search


def test_the_body_list_filters_by_kind_order_and_activity(make_client, officer, board):
    BodyFactory(order=order("ingenieurs"), name="Comité de révision de l’OIQ", kind=BodyKind.REVIEW_COMMITTEE)
    BodyFactory(order=order("notaires"), name="Conseil de la CNQ", is_active=False)
    client = make_client(officer)
    url = reverse("administrateurs:body_list")
    assert client.get(url).context["total"] == 3
    assert client.get(url, {"kind": BodyKind.REVIEW_COMMITTEE}).context["total"] == 1
    assert client.get(url, {"order": board.order_id}).context["total"] == 1
    assert client.get(url, {"is_active": "false"}).context["total"] == 1
    assert client.get(url, {"q": "infirmieres"}).context["total"] == 1
    export = client.get(url, {"export": "csv"})
    assert "Comité de révision de l’OIQ" in export.getvalue().decode("utf-8-sig")


def test_the_home_shows_vacancies_terms_ending_and_parity(make_client, officer, board):
    ending = TermFactory(
        seat=board.seats.get(number=1),
        candidate=CandidateFactory(gender=Gender.WOMAN, status=CandidacyStatus.APPOINTED),
        starts_on=TODAY - relativedelta(years=4) + timedelta(days=60),
    )  # ends in 59 days
    page = make_client(officer).get(reverse("administrateurs:index"))
    assert [bar.count for bar in page.context["vacancies"]] == [3, 4, 4]
    assert page.context["terms_ending"] == [ending]
    assert page.context["overall"].women == 1
    assert (page.context["boards_meeting_minimum"], page.context["boards_count"]) == (0, 1)
    assert 'data-chart-source="chart-women-share"' in page.text and "js/bar-charts.js" in page.text


def test_the_global_search_finds_a_body_for_the_role_only(make_client, officer, staff_user, board):
    url = reverse("core:search_group", args=["administrateurs.bodies"])
    found = make_client(officer).get(url, {"q": "infirmières"})
    assert board.get_absolute_url() in found.text
    refused = make_client(staff_user).get(url, {"q": "infirmières"})
    assert refused.status_code in (403, 404) and board.get_absolute_url() not in refused.text


# Query counts


def test_the_body_list_costs_the_same_with_10_and_100(assert_constant_queries, make_client, officer):
    def bodies(count):
        made = Body.objects.bulk_create(
            Body(kind=BodyKind.OTHER, name=f"Comité {Body.objects.count()}-{n}", size=3, office_seats=2)
            for n in range(count)
        )
        Seat.objects.bulk_create(Seat(body=body, number=n) for body in made for n in (1, 2))

    url = reverse("administrateurs:body_list")
    assert_constant_queries("administrateurs:body_list", make_client(officer), url, up_to(bodies))


def test_the_decision_list_costs_the_same_with_10_and_100(assert_constant_queries, make_client, officer):
    url = reverse("administrateurs:decision_list")
    assert_constant_queries(
        "administrateurs:decision_list", make_client(officer), url, up_to(lambda n: DecisionFactory.create_batch(n))
    )


def seats_with_terms(body):
    """make_rows for a body's page: `count` more seats, every other one held."""

    def add(count):
        first = body.seats.count() + 1
        Seat.objects.bulk_create(Seat(body=body, number=n) for n in range(first, first + count))
        for seat in body.seats.filter(number__gte=first, number__lt=first + count, number__gt=0)[::2]:
            TermFactory(seat=seat, starts_on=YEAR_AGO)

    return up_to(add)


def test_a_body_s_page_costs_the_same_with_10_and_100_seats(assert_constant_queries, make_client, officer):
    body = BodyFactory(kind=BodyKind.OTHER, size=200, office_seats=100, with_seats=False)
    url = reverse("administrateurs:body_detail", args=[body.pk])
    make_rows = seats_with_terms(body)
    assert_constant_queries("administrateurs:body_detail", make_client(officer), url, make_rows, per_page=False)


def test_a_seat_s_page_costs_the_same_with_10_and_100_terms(assert_constant_queries, make_client, officer, board):
    seat = board.seats.first()

    def terms(count):
        first = date(1900, 1, 1) + relativedelta(years=4 * Term.objects.filter(seat=seat).count())
        for n in range(count):
            TermFactory(seat=seat, starts_on=first + relativedelta(years=4 * n))

    url = reverse("administrateurs:seat_detail", args=[seat.pk])
    assert_constant_queries("administrateurs:seat_detail", make_client(officer), url, up_to(terms), per_page=False)


def test_a_decision_s_page_costs_the_same_with_10_and_100_terms(assert_constant_queries, make_client, officer):
    decision = DecisionFactory()
    body = BodyFactory(kind=BodyKind.OTHER, size=200, office_seats=100)
    seats = iter(body.seats.order_by("number"))
    url = reverse("administrateurs:decision_detail", args=[decision.pk])
    make_rows = up_to(lambda n: [TermFactory(seat=next(seats), decision=decision) for _ in range(n)])
    assert_constant_queries("administrateurs:decision_detail", make_client(officer), url, make_rows, per_page=False)


def test_the_appointment_s_picker_is_one_query_whatever_the_bank(assert_constant_queries, make_client, officer, board):
    url = reverse("administrateurs:seat_appoint", args=[board.seats.first().pk])
    make_rows = up_to(lambda n: CandidateFactory.create_batch(n, status=CandidacyStatus.IN_BANK))
    client = make_client(officer)
    response = assert_constant_queries("administrateurs:seat_appoint", client, url, make_rows, per_page=False)
    assert response.text.count("· Capitale-Nationale</option>") == 100


def test_the_home_costs_the_same_with_10_and_100_boards(assert_constant_queries, make_client, officer):
    def boards(count):
        made = Body.objects.bulk_create(
            Body(kind=BodyKind.BOARD, name=f"Conseil {Body.objects.count()}-{n}", size=8, office_seats=2)
            for n in range(count)
        )
        Seat.objects.bulk_create(Seat(body=body, number=1) for body in made)
        for body in made[::3]:
            TermFactory(seat=body.seats.first(), starts_on=YEAR_AGO)

    url = reverse("administrateurs:index")
    assert_constant_queries("administrateurs:index", make_client(officer), url, up_to(boards), per_page=False)


@pytest.mark.parametrize(
    "name",
    ["administrateurs:term_detail", "administrateurs:term_history", "administrateurs:body_history",
     "administrateurs:seat_history", "administrateurs:decision_history"],
)  # fmt: skip
def test_the_pages_query_counts(assert_query_count, make_client, officer, board, term, name):
    obj = {"term": term, "body": board, "seat": term.seat, "decision": term.decision}[name.split(":")[1].split("_")[0]]
    client = make_client(officer)
    url = reverse(name, args=[obj.pk])
    client.get(url)
    with assert_query_count(name):
        assert client.get(url).status_code == 200
