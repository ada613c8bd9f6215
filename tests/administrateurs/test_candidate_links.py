"""A candidate's declared links with orders and ranked preferred bodies: declared and
withdrawn from the candidate's page, a duplicate refused in French with nothing changed, the
ineligibility they bring shown per order and read by the appointment's rule, the list filtered
by them; preferences ranked 1..n whatever is added, removed or moved; every page for each kind
of user."""

from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from administrateurs import eligibility, services
from administrateurs.choices import CandidacyStatus, LinkKind
from administrateurs.models import BoardPreference, CandidateLink
from opq_intranet.core.models import ProfessionalOrder
from tests.administrateurs.declarations_kit import OTHERS, make_candidate, make_officer, url
from tests.administrateurs.factories import BodyFactory, CandidateFactory
from tests.factories import order
from tests.querycounts import up_to

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate()


@pytest.fixture
def officer(db):
    return make_officer()


@pytest.fixture
def candidate(officer):
    return make_candidate(officer)


@pytest.fixture
def engineers(db):
    return order("ingenieurs")


@pytest.fixture
def nurses(db):
    return order("infirmieres")


def links():
    return sorted(CandidateLink.objects.values_list("candidate_id", "order__code", "kind", "details", "declared_on"))


def ranks(candidate):
    return list(BoardPreference.objects.filter(candidate=candidate).order_by("rank").values_list("body__name", "rank"))


def link_data(order_, kind=LinkKind.MEMBER, **fields):
    return {"order": order_.pk, "kind": kind, "details": "", "declared_on": TODAY.isoformat()} | fields


# --- Declared links ------------------------------------------------------------------------------


def test_a_link_is_declared_then_withdrawn_from_the_page(make_client, officer, candidate, engineers):
    client = make_client(officer)
    response = client.post(
        url("candidate_link_add", candidate.pk), link_data(engineers, details="Ingénieur depuis 2004")
    )
    assert response.status_code == 302 and response["Location"] == candidate.get_absolute_url()
    link = CandidateLink.objects.get()
    assert (link.order, link.kind, link.details, link.declared_on) == (
        engineers,
        "member",
        "Ingénieur depuis 2004",
        TODAY,
    )
    page = client.get(candidate.get_absolute_url()).text
    assert "Ingénieur depuis 2004" in page
    assert client.post(url("candidate_link_remove", candidate.pk, link.pk)).status_code == 302
    assert not CandidateLink.objects.exists()


def test_a_duplicate_link_is_refused_in_french_and_nothing_changes(make_client, officer, candidate, engineers):
    services.link_add(candidate=candidate, user=officer, order=engineers, kind=LinkKind.MEMBER)
    before = links()
    response = make_client(officer).post(url("candidate_link_add", candidate.pk), link_data(engineers))
    assert response.status_code == 422
    assert "Ce lien avec Ordre des ingénieurs du Québec est déjà déclaré (Membre de l’ordre)." in response.text
    assert links() == before
    # The same order with another kind of link is another link.
    services.link_add(candidate=candidate, user=officer, order=engineers, kind=LinkKind.INTEREST_BODY)
    assert len(links()) == 2


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        (
            {"declared_on": (TODAY + timedelta(days=1)).isoformat()},
            "La date ne peut pas être postérieure à aujourd’hui.",
        ),
        ({"declared_on": "2026-02-30"}, "Saisissez une date valide."),
        ({"order": "999999"}, "Sélectionnez un choix valide."),
        ({"kind": "cousin"}, "Sélectionnez un choix valide."),
    ],
)
def test_a_refused_link_answers_422_on_the_candidate_page(make_client, officer, candidate, engineers, fields, message):
    response = make_client(officer).post(url("candidate_link_add", candidate.pk), link_data(engineers, **fields))
    assert response.status_code == 422 and message in response.text
    assert response.context["link_form"].errors
    assert not CandidateLink.objects.exists()


def test_another_candidates_link_is_not_found(make_client, officer, candidate, engineers):
    other = CandidateFactory(created_by=officer)
    link = services.link_add(candidate=other, user=officer, order=engineers, kind=LinkKind.MEMBER)
    assert make_client(officer).post(url("candidate_link_remove", candidate.pk, link.pk)).status_code == 404
    assert make_client(officer).post(url("candidate_link_add", 999999), link_data(engineers)).status_code == 404
    assert CandidateLink.objects.count() == 1


def test_the_page_says_for_which_orders_the_candidate_is_ineligible(make_client, officer, candidate, engineers, nurses):
    services.link_add(candidate=candidate, user=officer, order=engineers, kind=LinkKind.MEMBER)
    services.link_add(candidate=candidate, user=officer, order=engineers, kind=LinkKind.INTEREST_BODY)
    services.link_add(candidate=candidate, user=officer, order=nurses, kind=LinkKind.OTHER, details="Sœur infirmière")
    page = make_client(officer).get(candidate.get_absolute_url())
    assert page.context["ineligible"] == [
        (engineers, "Membre de l’ordre; Dirigeant d’un organisme de défense des intérêts des membres (art. 78)")
    ]
    assert (
        "Inadmissible au conseil de l’ordre «\u00a0Ordre des ingénieurs du Québec\u00a0»\u00a0: Membre de l’ordre"
        in page.text
    )
    assert "Ordre des infirmières et infirmiers du Québec\u00a0»" not in page.text  # another link: to be assessed


def test_the_appointments_rule_reads_the_same_links(officer, candidate, engineers, nurses):
    services.link_add(candidate=candidate, user=officer, order=engineers, kind=LinkKind.INTEREST_BODY)
    services.link_add(candidate=candidate, user=officer, order=nurses, kind=LinkKind.OTHER)
    candidate.status, candidate.consent_on = CandidacyStatus.IN_BANK, TODAY
    declared = list(candidate.links.select_related("order"))
    barred = [order_ for order_, _reason in eligibility.ineligible_orders(declared)]
    assert barred == [engineers]
    for body_order, expected in [(engineers, 1), (nurses, 0)]:
        body = BodyFactory(order=body_order)
        reasons = eligibility.exclusion_reasons(candidate, body, links=declared, sitting_body_ids=set(), today=TODAY)
        assert len(reasons) == expected, reasons


def test_the_list_filters_by_ineligibility_and_by_declared_link(make_client, officer, candidate, engineers, nurses):
    services.link_add(candidate=candidate, user=officer, order=engineers, kind=LinkKind.MEMBER)
    other = make_candidate(officer, first_name="Luc", last_name="Gagnon", email="luc@example.qc.ca")
    services.link_add(candidate=other, user=officer, order=engineers, kind=LinkKind.OTHER)
    services.link_add(candidate=other, user=officer, order=nurses, kind=LinkKind.MEMBER)
    client = make_client(officer)

    def found(**query):
        response = client.get(url("candidate_list"), query)
        return sorted(str(row) for row in response.context["page"].object_list)

    assert found(ineligible_for=engineers.pk) == ["Hélène Bouchard"]
    assert found(ineligible_for=nurses.pk) == ["Luc Gagnon"]
    assert found(link_with=engineers.pk) == ["Hélène Bouchard", "Luc Gagnon"]
    assert found(link_with=order("notaires").pk) == []


def test_only_the_role_declares(candidate, staff_user, engineers):
    with pytest.raises(PermissionDenied):
        services.link_add(candidate=candidate, user=staff_user, order=engineers, kind=LinkKind.MEMBER)
    assert not CandidateLink.objects.exists()


# --- Preferred bodies ----------------------------------------------------------------------------


@pytest.fixture
def bodies(db):
    return [BodyFactory(order=order(code), name=f"Conseil {code}") for code in ("ingenieurs", "notaires", "medecins")]


def test_preferences_are_added_at_the_end_and_ranks_stay_contiguous(officer, candidate, bodies):
    a, b, _c = bodies
    for body in bodies:
        services.preference_add(candidate=candidate, user=officer, body=body)
    assert ranks(candidate) == [("Conseil ingenieurs", 1), ("Conseil notaires", 2), ("Conseil medecins", 3)]
    middle = BoardPreference.objects.get(body=b)
    services.preference_remove(preference=middle, user=officer)
    assert ranks(candidate) == [("Conseil ingenieurs", 1), ("Conseil medecins", 2)]
    services.preference_add(candidate=candidate, user=officer, body=b)
    assert ranks(candidate) == [("Conseil ingenieurs", 1), ("Conseil medecins", 2), ("Conseil notaires", 3)]
    services.preference_remove(preference=BoardPreference.objects.get(body=a), user=officer)
    assert ranks(candidate) == [("Conseil medecins", 1), ("Conseil notaires", 2)]


def test_a_preference_moves_up_and_down_one_place(officer, candidate, bodies):
    for body in bodies:
        services.preference_add(candidate=candidate, user=officer, body=body)
    last = BoardPreference.objects.get(body=bodies[2])
    services.preference_move(preference=last, user=officer, direction="up")
    assert ranks(candidate) == [("Conseil ingenieurs", 1), ("Conseil medecins", 2), ("Conseil notaires", 3)]
    services.preference_move(preference=last, user=officer, direction="up")
    assert ranks(candidate) == [("Conseil medecins", 1), ("Conseil ingenieurs", 2), ("Conseil notaires", 3)]
    services.preference_move(preference=last, user=officer, direction="down")
    assert ranks(candidate) == [("Conseil ingenieurs", 1), ("Conseil medecins", 2), ("Conseil notaires", 3)]


def test_the_first_does_not_move_up_nor_the_last_down_nor_a_body_come_twice(officer, candidate, bodies):
    for body in bodies[:2]:
        services.preference_add(candidate=candidate, user=officer, body=body)
    before = ranks(candidate)
    first, last = BoardPreference.objects.order_by("rank")
    with pytest.raises(ValidationError, match="déjà en tête"):
        services.preference_move(preference=first, user=officer, direction="up")
    with pytest.raises(ValidationError, match="déjà en dernier"):
        services.preference_move(preference=last, user=officer, direction="down")
    with pytest.raises(ValidationError, match="déjà parmi les instances préférées"):
        services.preference_add(candidate=candidate, user=officer, body=bodies[0])
    retired = bodies[2]
    retired.is_active = False
    retired.save()
    with pytest.raises(ValidationError, match="instance que l’Office pourvoit encore"):
        services.preference_add(candidate=candidate, user=officer, body=retired)
    assert ranks(candidate) == before


def test_the_preferences_from_the_page(make_client, officer, candidate, bodies):
    client = make_client(officer)
    for body in bodies:
        assert client.post(url("candidate_preference_add", candidate.pk), {"body": body.pk}).status_code == 302
    last = BoardPreference.objects.get(body=bodies[2])
    assert client.post(url("candidate_preference_move", candidate.pk, last.pk, "monter")).status_code == 302
    first = BoardPreference.objects.get(body=bodies[0])
    assert client.post(url("candidate_preference_move", candidate.pk, first.pk, "descendre")).status_code == 302
    assert ranks(candidate) == [("Conseil medecins", 1), ("Conseil ingenieurs", 2), ("Conseil notaires", 3)]
    page = client.get(candidate.get_absolute_url())
    assert [p.body.name for p in page.context["preferences"]] == [
        "Conseil medecins",
        "Conseil ingenieurs",
        "Conseil notaires",
    ]
    assert client.post(url("candidate_preference_remove", candidate.pk, first.pk)).status_code == 302
    assert ranks(candidate) == [("Conseil medecins", 1), ("Conseil notaires", 2)]


def test_a_refused_preference_answers_422_with_nothing_changed(make_client, officer, candidate, bodies):
    services.preference_add(candidate=candidate, user=officer, body=bodies[0])
    before = ranks(candidate)
    client = make_client(officer)
    twice = client.post(url("candidate_preference_add", candidate.pk), {"body": bodies[0].pk})
    assert twice.status_code == 422 and "est déjà parmi les instances préférées" in twice.text
    first = BoardPreference.objects.get()
    up = client.post(url("candidate_preference_move", candidate.pk, first.pk, "monter"))
    assert up.status_code == 422 and "Cette instance est déjà en tête." in up.text
    assert client.post(url("candidate_preference_move", candidate.pk, first.pk, "ailleurs")).status_code == 404
    assert client.post(url("candidate_preference_add", candidate.pk), {"body": ""}).status_code == 422
    assert ranks(candidate) == before


# --- Who reaches what ----------------------------------------------------------------------------


def posts(candidate, engineers, bodies):
    link = CandidateLink.objects.create(candidate=candidate, order=engineers, kind="member", declared_on=TODAY)
    preference = BoardPreference.objects.create(candidate=candidate, body=bodies[0], rank=1)
    BoardPreference.objects.create(candidate=candidate, body=bodies[1], rank=2)
    return {
        url("candidate_link_add", candidate.pk): link_data(order("notaires")),
        url("candidate_link_remove", candidate.pk, link.pk): {},
        url("candidate_preference_add", candidate.pk): {"body": bodies[2].pk},
        url("candidate_preference_move", candidate.pk, preference.pk, "descendre"): {},
        url("candidate_preference_remove", candidate.pk, preference.pk): {},
    }


def state(candidate):
    return links(), ranks(candidate)


def test_anonymous_is_sent_to_sign_in(client, officer, candidate, engineers, bodies):
    for path, data in posts(candidate, engineers, bodies).items():
        before = state(candidate)
        response = client.post(path, data)
        assert response.status_code == 302 and response["Location"].startswith("/connexion/"), path
        assert state(candidate) == before


@pytest.mark.parametrize("who", OTHERS)
def test_other_staff_and_partners_get_403(make_client, request, candidate, engineers, bodies, who):
    client = make_client(request.getfixturevalue(who))
    for path, data in posts(candidate, engineers, bodies).items():
        before = state(candidate)
        assert client.post(path, data).status_code == 403, path
        assert client.get(path).status_code == 403, path
        assert state(candidate) == before


def test_the_role_posts_each_and_a_get_is_refused(make_client, officer, candidate, engineers, bodies):
    client = make_client(officer)
    for path, data in posts(candidate, engineers, bodies).items():
        assert client.get(path).status_code == 405, path
        assert client.post(path, data).status_code == 302, path
    assert links() == [(candidate.pk, "notaires", "member", "", TODAY)]
    # Medecins added last, ingenieurs moved below notaires, then taken off.
    assert ranks(candidate) == [("Conseil notaires", 1), ("Conseil medecins", 2)]


def test_the_candidate_page_costs_the_same_with_10_and_100_links(
    assert_constant_queries, make_client, officer, candidate
):
    orders = list(ProfessionalOrder.objects.order_by("pk"))

    def declare(count):
        start = CandidateLink.objects.filter(candidate=candidate).count()
        kinds = list(LinkKind)
        CandidateLink.objects.bulk_create(
            CandidateLink(candidate=candidate, order=orders[n // 3], kind=kinds[n % 3], declared_on=TODAY)
            for n in range(start, start + count)
        )  # fmt: skip

    assert_constant_queries(
        "administrateurs:candidate_detail",
        make_client(officer),
        candidate.get_absolute_url(),
        up_to(declare),
        variant="links",
        per_page=False,
    )
