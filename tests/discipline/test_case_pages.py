"""A case's pages: who reaches them, the opening form and its refusals (422, nothing saved),
the actions' pages, the redaction for a chair not assigned, the logged reads, query counts."""

from datetime import date, time, timedelta

import pytest
from django.contrib.auth.models import Permission
from django.urls import reverse
from django.utils import timezone

from discipline import services
from discipline.choices import CaseStatus, HearingKind, HearingVenue, OrderScope, ProtectedMatter
from discipline.models import Case, Hearing, NonPublicationOrder
from opq_intranet.core.models import ConfidentialAccess
from tests.discipline.conftest import fresh
from tests.discipline.factories import CaseFactory
from tests.factories import UserFactory
from tests.querycounts import up_to

pytestmark = pytest.mark.django_db


@pytest.fixture
def case(clerk, council, members, chair):
    case = services.case_open(
        case=Case(
            council=council,
            filed_on=date(2026, 3, 2),
            served_on=date(2026, 3, 9),
            complainant_kind="syndic",
            complainant_name="Julie Bouchard, syndique",
            respondent_name="Éloïse Côté",
            respondent_permit="765432",
            summary="Plainte concernant Éloïse Côté et la patiente Marie Lapointe.",
        ),
        user=clerk,
        counts=[("A omis de tenir un dossier pour Marie Lapointe.", "art. 59.2 C.prof.", False)],
    )
    services.case_assign_panel(case=case, user=clerk, chair=chair, members=members)
    return fresh(case)


def pages(case):
    pk = case.pk
    return {
        "index": reverse("discipline:index"),
        "list": reverse("discipline:case_list"),
        "open": reverse("discipline:case_open"),
        "detail": reverse("discipline:case_detail", args=[pk]),
        "history": reverse("discipline:case_history", args=[pk]),
        "edit": reverse("discipline:case_edit", args=[pk]),
        "panel": reverse("discipline:case_panel", args=[pk]),
        "count": reverse("discipline:count_add", args=[pk]),
        "withdraw": reverse("discipline:case_withdraw", args=[pk]),
        "order": reverse("discipline:protection_order", args=[pk]),
        "schedule": reverse("discipline:hearing_schedule", args=[pk]),
        "decision": reverse("discipline:decision_record", args=[pk]),
    }


WRITES = ("open", "edit", "panel", "count", "withdraw", "order", "schedule", "decision")


def test_anonymous_is_sent_to_sign_in(client, case):
    for name, url in pages(case).items():
        response = client.get(url)
        assert response.status_code == 302 and response["Location"].startswith("/connexion/"), name


@pytest.mark.parametrize("who", ["staff_without_role", "staff_user", "partner_user", "other_partner_user"])
def test_other_staff_and_partners_get_403(make_client, request, case, who):
    client = make_client(request.getfixturevalue(who))
    for name, url in pages(case).items():
        assert client.get(url).status_code == 403, name
    assert client.post(pages(case)["withdraw"], {"on": "2026-11-02"}).status_code == 403
    assert fresh(case).status == CaseStatus.SERVED


def test_the_bureau_reaches_every_page(make_client, clerk, case):
    client = make_client(clerk)
    for name, url in pages(case).items():
        assert client.get(url).status_code == 200, name


def test_reading_without_managing_reaches_the_pages_but_no_write(make_client, case):
    reader = UserFactory()
    reader.user_permissions.add(
        Permission.objects.get(codename="access_discipline"), Permission.objects.get(codename="access_intranet")
    )
    client = make_client(reader)
    urls = pages(case)
    for name in ("index", "list", "detail", "history"):
        assert client.get(urls[name]).status_code == 200, name
    for name in WRITES:
        assert client.get(urls[name]).status_code == 403, name
    assert client.post(urls["withdraw"], {"on": "2026-11-02"}).status_code == 403
    assert fresh(case).status == CaseStatus.SERVED
    assert reverse("discipline:case_withdraw", args=[case.pk]) not in client.get(urls["detail"]).text


def test_opening_a_case_numbers_it_and_bad_input_changes_nothing(make_client, clerk, council):
    client = make_client(clerk)
    url = reverse("discipline:case_open")
    data = {
        "council": council.pk,
        "filed_on": "2026-11-02",
        "complainant_kind": "syndic",
        "complainant_name": "Julie Bouchard",
        "respondent_name": "Jean Tremblay",
        "count_1_description": "A fait défaut de collaborer.",
        "count_1_provisions": "art. 114 C.prof.",
    }
    refused = client.post(url, {**data, "filed_on": (timezone.localdate() + timedelta(days=3)).isoformat()})
    assert refused.status_code == 422
    assert "La date ne peut pas être postérieure à aujourd’hui." in refused.text
    refused = client.post(url, {**data, "count_1_provisions": ""})
    assert refused.status_code == 422 and "Ce champ est obligatoire." in refused.text
    assert not Case.objects.exists()
    response = client.post(url, data)
    case = Case.objects.get()
    assert response.status_code == 302 and response["Location"] == case.get_absolute_url()
    assert case.number == "26-26-00001" and case.counts.get().provisions == "art. 114 C.prof."


def test_every_view_of_a_case_is_logged(make_client, clerk, case):
    client = make_client(clerk)
    client.get(reverse("discipline:case_detail", args=[case.pk]))
    entry = ConfidentialAccess.objects.get(object_label="discipline.Case", object_id=str(case.pk))
    assert entry.user == clerk and entry.action == "view"


def test_a_chair_not_assigned_sees_the_protected_name_redacted(make_client, clerk, chair, other_chair, case):
    services.protection_order_place(
        case=case,
        user=clerk,
        order=NonPublicationOrder(
            scope=OrderScope.NON_PUBLICATION,
            matter=ProtectedMatter.NAME,
            covered_text="Marie Lapointe",
            ordered_on=date(2026, 3, 20),
        ),
    )
    services.protection_order_place(
        case=case,
        user=clerk,
        order=NonPublicationOrder(
            scope=OrderScope.NON_DISCLOSURE,
            matter=ProtectedMatter.NAME,
            covered_text="Éloïse Côté",
            ordered_on=date(2026, 3, 20),
        ),
    )
    url = reverse("discipline:case_detail", args=[case.pk])
    outsider = make_client(other_chair.user).get(url).text
    assert 'data-testid="protection-banner"' in outsider
    assert "Marie Lapointe" not in outsider and "Éloïse Côté" not in outsider and "[protégé]" in outsider
    assert make_client(other_chair.user).get(reverse("discipline:case_history", args=[case.pk])).status_code == 403
    for person in (clerk, chair.user):
        text = make_client(person).get(url).text
        assert "Marie Lapointe" in text and "Éloïse Côté" in text
    # On the list and in its export, whoever looks.
    listing = make_client(clerk).get(reverse("discipline:case_list"))
    assert "Éloïse Côté" not in listing.text
    export = make_client(clerk).get(reverse("discipline:case_list") + "?export=csv")
    assert "Côté" not in b"".join(export.streaming_content).decode("utf-8-sig")
    # A chair not assigned does not find the case by the covered name; the clerk does.
    search = reverse("discipline:case_list") + "?q=Cote"
    assert case.number not in make_client(other_chair.user).get(search).text
    assert case.number in make_client(clerk).get(search).text


def test_scheduling_refuses_a_conflict_with_its_reason_and_saves_nothing(make_client, clerk, case, chair):
    client = make_client(clerk)
    url = reverse("discipline:hearing_schedule", args=[case.pk])
    data = {
        "kind": "guilt",
        "day": "2026-12-14",
        "start": "09:30",
        "minutes": "180",
        "venue": "quebec",
        "room": "Salle 1.10",
    }
    other = CaseFactory(council=case.council, chair=chair, served_on=date(2026, 3, 3))
    services.hearing_schedule(
        case=other,
        user=clerk,
        kind=HearingKind.MANAGEMENT,
        day=date(2026, 12, 14),
        start=time(10, 0),
        minutes=60,
        venue=HearingVenue.QUEBEC,
        room="Salle 2",
    )
    refused = client.post(url, data)
    assert refused.status_code == 422
    assert "siège déjà à ce moment" in refused.text or "déjà" in refused.text
    assert Hearing.objects.filter(case=case).count() == 0 and fresh(case).status == CaseStatus.SERVED
    response = client.post(url, {**data, "day": "2026-12-15"})
    assert response.status_code == 302
    assert fresh(case).status == CaseStatus.GUILT_HEARING


def test_the_list_keeps_its_query_count(assert_constant_queries, make_client, clerk, council):
    assert_constant_queries(
        "discipline:case_list",
        make_client(clerk),
        reverse("discipline:case_list"),
        up_to(lambda n: CaseFactory.create_batch(n, council=council)),
    )


def test_case_page_query_count(assert_query_count, make_client, clerk, case):
    client = make_client(clerk)
    url = reverse("discipline:case_detail", args=[case.pk])
    client.get(url)
    with assert_query_count("discipline:case_detail"):
        assert client.get(url).status_code == 200
    with assert_query_count("discipline:case_history"):
        assert client.get(reverse("discipline:case_history", args=[case.pk])).status_code == 200
