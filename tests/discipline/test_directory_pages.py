"""The directory's pages (councils, chairs and their non-availability, council members): who
reaches them, who writes, refused forms (422, nothing saved), the council number that stays
once it has cases, a period refused over a scheduled hearing, and query counts.

The new strings are not translated yet: the refusals are checked by their status, the field
that carries the error and the rows left as they were, not by their wording."""

from datetime import date, time

import pytest
from django.contrib.auth.models import Permission
from django.urls import reverse

from discipline import services
from discipline.choices import CaseStatus, HearingKind, HearingVenue
from discipline.models import Chair, ChairUnavailability, Council, CouncilMember
from opq_intranet.accounts.roles import Role
from opq_intranet.core.models import ProfessionalOrder
from tests.discipline.conftest import fresh
from tests.discipline.factories import CaseFactory, ChairFactory, CouncilFactory, MemberFactory, UnavailabilityFactory
from tests.factories import UserFactory, order
from tests.querycounts import up_to

pytestmark = pytest.mark.django_db

HEARING_DAY = date(2026, 12, 14)


@pytest.fixture
def reader(db):
    """Reads the app (accounts.access_discipline) but does not manage it (no discipline.manage_cases)."""
    user = UserFactory(first_name="Lucie", last_name="Caron")
    user.user_permissions.add(
        Permission.objects.get(codename="access_discipline"), Permission.objects.get(codename="access_intranet")
    )
    return user


@pytest.fixture
def member(members):
    return members[0]


@pytest.fixture
def period(chair):
    return UnavailabilityFactory(chair=chair)


@pytest.fixture
def case(clerk, council, members, chair):
    """A served case of the council, heard by the chair and the two members."""
    case = CaseFactory(council=council, served_on=date(2026, 3, 9), status=CaseStatus.SERVED)
    services.case_assign_panel(case=case, user=clerk, chair=chair, members=members)
    return fresh(case)


def pages(council, chair, member):
    """Every GET page of the directory."""
    return {
        "council_list": reverse("discipline:council_list"),
        "council_create": reverse("discipline:council_create"),
        "council_detail": reverse("discipline:council_detail", args=[council.pk]),
        "council_edit": reverse("discipline:council_edit", args=[council.pk]),
        "council_history": reverse("discipline:council_history", args=[council.pk]),
        "chair_list": reverse("discipline:chair_list"),
        "chair_create": reverse("discipline:chair_create"),
        "chair_detail": reverse("discipline:chair_detail", args=[chair.pk]),
        "chair_edit": reverse("discipline:chair_edit", args=[chair.pk]),
        "chair_history": reverse("discipline:chair_history", args=[chair.pk]),
        "member_list": reverse("discipline:member_list"),
        "member_create": reverse("discipline:member_create"),
        "member_detail": reverse("discipline:member_detail", args=[member.pk]),
        "member_edit": reverse("discipline:member_edit", args=[member.pk]),
        "member_history": reverse("discipline:member_history", args=[member.pk]),
    }


READS = ("council_list", "council_detail", "council_history", "chair_list", "chair_detail", "chair_history")
READS += ("member_list", "member_detail", "member_history")
FORMS = ("council_create", "council_edit", "chair_create", "chair_edit", "member_create", "member_edit")


def council_data(council=None, **fields):
    data = {
        "order": council.order_id if council else order("pharmaciens").pk,
        "number": council.number if council else 31,
        "secretary_name": "Me Louise Paquet",
        "secretary_email": "secretariat@pharmaciens.example.qc.ca",
        "secretary_phone": "418 555-0101",
        "is_active": "on",
    }
    data.update(fields)
    return data


def chair_data(chair=None, **fields):
    data = {
        "first_name": chair.first_name if chair else "Isabelle",
        "last_name": chair.last_name if chair else "Gauthier",
        "email": "gauthier@bpcd.example.qc.ca",
        "user": chair.user_id if chair and chair.user_id else "",
        "is_active": "on",
    }
    if chair and chair.is_senior:
        data["is_senior"] = "on"
    data.update(fields)
    return {key: value for key, value in data.items() if value is not None}


def member_data(of, **fields):
    data = {
        "council": of.pk,
        "first_name": "Nathalie",
        "last_name": "Pelletier",
        "title": "inf.",
        "email": "pelletier@example.qc.ca",
        "appointed_on": "2025-06-01",
        "is_active": "on",
    }
    data.update(fields)
    return data


def writes(council, chair, member, period):
    """Every POST of the directory, with valid data: (url, data)."""
    return {
        "council_create": (reverse("discipline:council_create"), council_data()),
        "council_edit": (
            reverse("discipline:council_edit", args=[council.pk]),
            council_data(council, secretary_name="Changé"),
        ),
        "chair_create": (reverse("discipline:chair_create"), chair_data()),
        "chair_edit": (reverse("discipline:chair_edit", args=[chair.pk]), chair_data(chair, email="autre@example.ca")),
        "member_create": (reverse("discipline:member_create"), member_data(council)),
        "member_edit": (
            reverse("discipline:member_edit", args=[member.pk]),
            member_data(council, first_name="Changé", last_name=member.last_name),
        ),
        "unavailability_add": (
            reverse("discipline:unavailability_add", args=[chair.pk]),
            {"away-starts_on": "2027-01-04", "away-ends_on": "2027-01-08", "away-reason": "Formation"},
        ),
        "unavailability_remove": (reverse("discipline:unavailability_remove", args=[chair.pk, period.pk]), {}),
    }


def state():
    """Every row of the directory, as saved."""
    return (
        sorted(Council.objects.values_list("pk", "order_id", "number", "secretary_name", "is_active")),
        sorted(
            Chair.objects.values_list("pk", "first_name", "last_name", "email", "user_id", "is_senior", "is_active")
        ),
        sorted(ChairUnavailability.objects.values_list("pk", "chair_id", "starts_on", "ends_on", "reason")),
        sorted(CouncilMember.objects.values_list("pk", "council_id", "first_name", "last_name", "is_active")),
    )


# --- Who reaches what ---------------------------------------------------------------------------


def test_anonymous_is_sent_to_sign_in(client, council, chair, member, period):
    for name, url in pages(council, chair, member).items():
        response = client.get(url)
        assert response.status_code == 302 and response["Location"].startswith("/connexion/"), name
    before = state()
    for name, (url, data) in writes(council, chair, member, period).items():
        response = client.post(url, data)
        assert response.status_code == 302 and response["Location"].startswith("/connexion/"), name
    assert state() == before


@pytest.mark.parametrize("who", ["staff_without_role", "staff_user", "partner_user", "other_partner_user"])
def test_other_staff_and_partners_get_403(make_client, request, council, chair, member, period, who):
    client = make_client(request.getfixturevalue(who))
    for name, url in pages(council, chair, member).items():
        assert client.get(url).status_code == 403, name
    before = state()
    for name, (url, data) in writes(council, chair, member, period).items():
        assert client.post(url, data).status_code == 403, name
    assert state() == before


def test_the_bureau_reaches_every_page(make_client, clerk, council, chair, member, period):
    client = make_client(clerk)
    for name, url in pages(council, chair, member).items():
        assert client.get(url).status_code == 200, name
    chair_page = client.get(reverse("discipline:chair_detail", args=[chair.pk])).text
    assert 'name="away-starts_on"' in chair_page
    assert reverse("discipline:unavailability_remove", args=[chair.pk, period.pk]) in chair_page
    assert reverse("discipline:chair_edit", args=[chair.pk]) in chair_page
    for name in ("council_list", "chair_list", "member_list"):
        assert (
            reverse(f"discipline:{name.replace('_list', '_create')}") in client.get(reverse(f"discipline:{name}")).text
        )


def test_reading_without_managing_reaches_the_pages_but_no_write(make_client, reader, council, chair, member, period):
    client = make_client(reader)
    urls = pages(council, chair, member)
    for name in READS:
        assert client.get(urls[name]).status_code == 200, name
    for name in FORMS:
        assert client.get(urls[name]).status_code == 403, name
    before = state()
    for name, (url, data) in writes(council, chair, member, period).items():
        assert client.post(url, data).status_code == 403, name
    assert state() == before
    chair_page = client.get(urls["chair_detail"]).text
    assert 'name="away-starts_on"' not in chair_page
    assert reverse("discipline:unavailability_remove", args=[chair.pk, period.pk]) not in chair_page
    assert urls["chair_edit"] not in chair_page
    assert urls["council_edit"] not in client.get(urls["council_detail"]).text
    assert urls["member_edit"] not in client.get(urls["member_detail"]).text
    for name in ("council_list", "chair_list", "member_list"):
        assert urls[name.replace("_list", "_create")] not in client.get(urls[name]).text


def test_the_actions_answer_405_to_a_get(make_client, clerk, chair, period):
    client = make_client(clerk)
    assert client.get(reverse("discipline:unavailability_add", args=[chair.pk])).status_code == 405
    assert client.get(reverse("discipline:unavailability_remove", args=[chair.pk, period.pk])).status_code == 405


def test_an_unknown_object_is_404(make_client, clerk, chair):
    client = make_client(clerk)
    for name in ("council_detail", "chair_detail", "member_detail", "council_edit", "chair_history"):
        assert client.get(reverse(f"discipline:{name}", args=[999999])).status_code == 404, name
    other = UnavailabilityFactory(chair=ChairFactory())  # another chair's period
    response = client.post(reverse("discipline:unavailability_remove", args=[chair.pk, other.pk]))
    assert response.status_code == 404
    assert ChairUnavailability.objects.filter(pk=other.pk).exists()


# --- Councils -----------------------------------------------------------------------------------


def test_the_bureau_adds_a_council(make_client, clerk):
    response = make_client(clerk).post(reverse("discipline:council_create"), council_data())
    council = Council.objects.get(order__code="pharmaciens")
    assert response.status_code == 302 and response["Location"] == reverse(
        "discipline:council_detail", args=[council.pk]
    )
    assert (council.number, council.secretary_name) == (31, "Me Louise Paquet")


@pytest.mark.parametrize(
    ("fields", "field"),
    [
        ({"number": "0"}, "number"),
        ({"number": "100"}, "number"),
        ({"number": "douze"}, "number"),
        ({"number": "26"}, "number"),  # the nurses' council has it
        ({"order": ""}, "order"),
        ("same_order", "order"),  # the nurses already have a council
        ({"secretary_email": "pas une adresse"}, "secretary_email"),
    ],
)
def test_a_refused_council_answers_422_and_saves_nothing(make_client, clerk, council, fields, field):
    if fields == "same_order":
        fields = {"order": council.order_id, "number": "40"}
    before = state()
    response = make_client(clerk).post(reverse("discipline:council_create"), council_data(**fields))
    assert response.status_code == 422
    assert response.context["form"].errors[field]
    assert state() == before


def test_a_council_with_cases_keeps_its_number(make_client, clerk, council, case):
    client = make_client(clerk)
    url = reverse("discipline:council_edit", args=[council.pk])
    before = state()
    response = client.post(url, council_data(council, number="27", secretary_name="Me Autre"))
    assert response.status_code == 422
    assert response.context["form"].errors["number"]
    assert state() == before
    # Its other fields still change.
    response = client.post(url, council_data(council, secretary_name="Me Autre"))
    assert response.status_code == 302
    assert Council.objects.get(pk=council.pk).secretary_name == "Me Autre"


def test_a_council_without_cases_changes_its_number(make_client, clerk, council):
    response = make_client(clerk).post(
        reverse("discipline:council_edit", args=[council.pk]), council_data(council, number="27")
    )
    assert response.status_code == 302
    assert Council.objects.get(pk=council.pk).number == 27


def test_the_council_page_shows_its_members_and_cases(make_client, reader, council, members, case):
    page = make_client(reader).get(reverse("discipline:council_detail", args=[council.pk])).text
    for member in members:
        assert reverse("discipline:member_detail", args=[member.pk]) in page
    assert case.number in page and case.get_absolute_url() in page


# --- Chairs -------------------------------------------------------------------------------------


def test_the_bureau_adds_a_chair_linked_to_an_account_of_the_bureau(make_client, clerk):
    account = UserFactory(roles=[Role.STAFF, Role.DISCIPLINE], first_name="Isabelle", last_name="Gauthier")
    response = make_client(clerk).post(reverse("discipline:chair_create"), chair_data(user=account.pk))
    chair = Chair.objects.get(last_name="Gauthier")
    assert response.status_code == 302 and response["Location"] == reverse("discipline:chair_detail", args=[chair.pk])
    assert (chair.user, chair.is_senior, chair.is_active) == (account, False, True)


def test_a_new_senior_chair_takes_the_title(make_client, clerk, senior_chair, chair):
    response = make_client(clerk).post(
        reverse("discipline:chair_edit", args=[chair.pk]), chair_data(chair, is_senior="on")
    )
    assert response.status_code == 302
    assert list(Chair.objects.filter(is_senior=True)) == [chair]
    # The previous senior chair, changed, stays a chair without the title.
    response = make_client(clerk).post(
        reverse("discipline:chair_edit", args=[senior_chair.pk]), chair_data(senior_chair, is_senior=None)
    )
    assert response.status_code == 302
    assert list(Chair.objects.filter(is_senior=True)) == [chair]


@pytest.mark.parametrize(
    ("fields", "field"),
    [
        ({"last_name": ""}, "last_name"),
        ({"email": "pas une adresse"}, "email"),
        ("account_without_role", "user"),
        ("account_of_another_chair", "user"),
    ],
)
def test_a_refused_chair_answers_422_and_saves_nothing(make_client, clerk, chair, staff_without_role, fields, field):
    if fields == "account_without_role":
        fields = {"user": staff_without_role.pk}
    elif fields == "account_of_another_chair":
        fields = {"user": chair.user_id}
    before = state()
    response = make_client(clerk).post(reverse("discipline:chair_create"), chair_data(**fields))
    assert response.status_code == 422
    assert response.context["form"].errors[field]
    assert state() == before


# --- A chair's non-availability ------------------------------------------------------------------


def test_the_bureau_records_and_removes_a_period(make_client, clerk, chair):
    client = make_client(clerk)
    response = client.post(
        reverse("discipline:unavailability_add", args=[chair.pk]),
        {"away-starts_on": "2027-01-04", "away-ends_on": "2027-01-08", "away-reason": " Formation "},
    )
    assert response.status_code == 302 and response["Location"] == reverse("discipline:chair_detail", args=[chair.pk])
    period = ChairUnavailability.objects.get(chair=chair)
    assert (period.starts_on, period.ends_on, period.reason) == (date(2027, 1, 4), date(2027, 1, 8), "Formation")
    page = client.get(response["Location"]).text
    assert reverse("discipline:unavailability_remove", args=[chair.pk, period.pk]) in page
    response = client.post(reverse("discipline:unavailability_remove", args=[chair.pk, period.pk]))
    assert response.status_code == 302
    assert not ChairUnavailability.objects.exists()


@pytest.mark.parametrize(
    ("data", "field"),
    [
        ({"away-starts_on": "2027-01-08", "away-ends_on": "2027-01-04"}, "ends_on"),
        ({"away-starts_on": "", "away-ends_on": "2027-01-04"}, "starts_on"),
        ({"away-starts_on": "2027-13-45", "away-ends_on": "2027-01-04"}, "starts_on"),
    ],
)
def test_a_refused_period_answers_422_on_the_chairs_page(make_client, clerk, chair, period, data, field):
    before = state()
    response = make_client(clerk).post(reverse("discipline:unavailability_add", args=[chair.pk]), data)
    assert response.status_code == 422
    assert response.context["away_form"].errors[field]
    assert 'name="away-starts_on"' in response.text  # the chair's page, with the form bound
    assert state() == before


def test_a_period_over_a_scheduled_hearing_is_refused(make_client, clerk, chair, case):
    services.hearing_schedule(
        case=case,
        user=clerk,
        kind=HearingKind.GUILT,
        day=HEARING_DAY,
        start=time(9, 30),
        minutes=180,
        venue=HearingVenue.QUEBEC,
        room="Salle 1.10",
    )
    before = state()
    response = make_client(clerk).post(
        reverse("discipline:unavailability_add", args=[chair.pk]),
        {"away-starts_on": "2026-12-10", "away-ends_on": "2026-12-18", "away-reason": "Vacances"},
    )
    assert response.status_code == 422
    assert case.number in " ".join(response.context["away_form"].non_field_errors())  # the hearing's case
    assert state() == before
    # Just after the hearing, the period is recorded.
    response = make_client(clerk).post(
        reverse("discipline:unavailability_add", args=[chair.pk]),
        {"away-starts_on": "2026-12-15", "away-ends_on": "2026-12-18"},
    )
    assert response.status_code == 302
    assert ChairUnavailability.objects.filter(chair=chair, starts_on=date(2026, 12, 15)).exists()


def test_the_chair_page_shows_its_active_cases(make_client, reader, chair, case):
    closed = CaseFactory(council=case.council, chair=chair, status=CaseStatus.WITHDRAWN)
    page = make_client(reader).get(reverse("discipline:chair_detail", args=[chair.pk])).text
    assert case.get_absolute_url() in page
    assert closed.get_absolute_url() not in page


# --- Council members ----------------------------------------------------------------------------


def test_the_bureau_adds_a_member_from_the_councils_page(make_client, clerk, council):
    client = make_client(clerk)
    council_page = client.get(reverse("discipline:council_detail", args=[council.pk])).text
    create = f"{reverse('discipline:member_create')}?council={council.pk}"
    assert create in council_page
    form = client.get(create).context["form"]
    assert form.initial["council"] == council.pk
    response = client.post(reverse("discipline:member_create"), member_data(council))
    member = CouncilMember.objects.get(last_name="Pelletier")
    assert response.status_code == 302 and response["Location"] == reverse("discipline:member_detail", args=[member.pk])
    assert (member.council, member.appointed_on) == (council, date(2025, 6, 1))


@pytest.mark.parametrize(
    ("fields", "field"),
    [
        ({"last_name": ""}, "last_name"),
        ({"council": ""}, "council"),
        ({"council": "999999"}, "council"),
        ({"appointed_on": "1er juin"}, "appointed_on"),
        ({"email": "pas une adresse"}, "email"),
    ],
)
def test_a_refused_member_answers_422_and_saves_nothing(make_client, clerk, council, member, fields, field):
    before = state()
    client = make_client(clerk)
    response = client.post(reverse("discipline:member_create"), member_data(council, **fields))
    assert response.status_code == 422
    assert response.context["form"].errors[field]
    response = client.post(
        reverse("discipline:member_edit", args=[member.pk]),
        member_data(council, **{"last_name": member.last_name, **fields}),
    )
    assert response.status_code == 422
    assert response.context["form"].errors[field]
    assert state() == before


def test_an_inactive_council_takes_no_new_member(make_client, clerk, council):
    Council.objects.filter(pk=council.pk).update(is_active=False)
    response = make_client(clerk).post(reverse("discipline:member_create"), member_data(council))
    assert response.status_code == 422
    assert response.context["form"].errors["council"]
    assert not CouncilMember.objects.exists()


# --- Lists' filters -----------------------------------------------------------------------------


def test_the_lists_search_and_filter(make_client, reader, council, members, chair, other_chair):
    client = make_client(reader)
    other_council = CouncilFactory(order=order("medecins"), number=12, is_active=False)
    stranger = MemberFactory(council=other_council, last_name="Côté")
    response = client.get(reverse("discipline:member_list"), {"q": "cote"})
    assert response.status_code == 200
    assert reverse("discipline:member_detail", args=[stranger.pk]) in response.text
    assert reverse("discipline:member_detail", args=[members[0].pk]) not in response.text
    response = client.get(reverse("discipline:member_list"), {"council": council.pk})
    assert reverse("discipline:member_detail", args=[stranger.pk]) not in response.text
    assert reverse("discipline:member_detail", args=[members[1].pk]) in response.text
    response = client.get(reverse("discipline:council_list"), {"is_active": "false"})
    assert reverse("discipline:council_detail", args=[other_council.pk]) in response.text
    assert reverse("discipline:council_detail", args=[council.pk]) not in response.text
    response = client.get(reverse("discipline:chair_list"), {"q": "fortin"})
    assert reverse("discipline:chair_detail", args=[other_chair.pk]) in response.text
    assert reverse("discipline:chair_detail", args=[chair.pk]) not in response.text
    assert client.get(reverse("discipline:member_list"), {"council": "abc"}).status_code == 200


def test_the_lists_export(make_client, reader, council, members, chair):
    client = make_client(reader)
    for name in ("council_list", "chair_list", "member_list"):
        response = client.get(reverse(f"discipline:{name}"), {"export": "csv"})
        assert response.status_code == 200, name
        assert "attachment" in response["Content-Disposition"], name


# --- Query counts -------------------------------------------------------------------------------


def free_numbers():
    taken = set(Council.objects.values_list("number", flat=True))
    return (n for n in range(1, 100) if n not in taken)


def make_councils(count):
    orders = ProfessionalOrder.objects.exclude(pk__in=Council.objects.values("order")).order_by("code")[:count]
    numbers = free_numbers()
    for each in orders:
        council = CouncilFactory(order=each, number=next(numbers))
        CaseFactory(council=council)


def test_the_council_list_costs_the_same_with_10_and_40_councils(assert_constant_queries, make_client, clerk):
    # 46 orders, one council each: 10 and 40 rows, all on one page.
    assert_constant_queries(
        "discipline:council_list",
        make_client(clerk),
        reverse("discipline:council_list"),
        up_to(make_councils),
        sizes=(10, 40),
        per_page=False,
        params={"per_page": 50},
    )


def test_the_chair_list_costs_the_same_with_10_and_100_chairs(assert_constant_queries, make_client, clerk):
    def make_chairs(count):
        for _ in range(count):
            ChairFactory(user=UserFactory())

    assert_constant_queries(
        "discipline:chair_list", make_client(clerk), reverse("discipline:chair_list"), up_to(make_chairs)
    )


def test_the_member_list_costs_the_same_with_10_and_100_members(assert_constant_queries, make_client, clerk):
    councils = [CouncilFactory(order=order(code), number=60 + n) for n, code in enumerate(("medecins", "notaires"))]

    def make_members(count):
        for n in range(count):
            MemberFactory(council=councils[n % 2])

    assert_constant_queries(
        "discipline:member_list", make_client(clerk), reverse("discipline:member_list"), up_to(make_members)
    )


def test_the_council_page_costs_the_same_with_10_and_100_members_and_cases(
    assert_constant_queries, make_client, clerk, council, chair
):
    def make_rows(count):
        for _ in range(count):
            MemberFactory(council=council)
            CaseFactory(council=council, chair=chair)

    assert_constant_queries(
        "discipline:council_detail",
        make_client(clerk),
        reverse("discipline:council_detail", args=[council.pk]),
        up_to(make_rows),
        variant="rows",
        per_page=False,
    )


def test_the_chair_page_costs_the_same_with_10_and_100_periods_and_cases(
    assert_constant_queries, make_client, clerk, chair
):
    councils = [CouncilFactory(order=order(code), number=60 + n) for n, code in enumerate(("medecins", "notaires"))]

    def make_rows(count):
        for n in range(count):
            UnavailabilityFactory(chair=chair, starts_on=date(2027, 1, 1), ends_on=date(2027, 1, 2))
            CaseFactory(council=councils[n % 2], chair=chair)

    assert_constant_queries(
        "discipline:chair_detail",
        make_client(clerk),
        reverse("discipline:chair_detail", args=[chair.pk]),
        up_to(make_rows),
        variant="rows",
        per_page=False,
    )


@pytest.mark.parametrize(
    "name",
    [
        "discipline:council_detail",
        "discipline:council_history",
        "discipline:chair_detail",
        "discipline:chair_history",
        "discipline:member_detail",
        "discipline:member_history",
    ],
)
def test_the_pages_query_counts(assert_query_count, make_client, clerk, council, chair, member, period, case, name):
    pk = {"council": council.pk, "chair": chair.pk, "member": member.pk}[name.split(":")[1].split("_")[0]]
    client = make_client(clerk)
    url = reverse(name, args=[pk])
    client.get(url)  # warm the session: its first write is not the page's
    with assert_query_count(name):
        response = client.get(url)
    assert response.status_code == 200
