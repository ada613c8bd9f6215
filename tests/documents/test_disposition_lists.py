"""The list pages of disposition lists and legal holds: who sees what, filters, export, query counts."""

from datetime import date

import pytest
from django.urls import reverse

from documents.models import DispositionList, LegalHold
from opq_intranet.core.models import OrgUnit
from tests.querycounts import up_to

pytestmark = pytest.mark.django_db


def make_lists(count, unit, user, start=0):
    return DispositionList.objects.bulk_create(
        DispositionList(
            reference=f"L2026-{start + n:05d}",
            kind="destruction" if n % 2 else "banq_transfer",
            org_unit=unit,
            due_on=date(2026, 1, 1),
            created_by=user,
        )
        for n in range(count)
    )


def make_holds(count, user):
    return LegalHold.objects.bulk_create(
        LegalHold(title=f"Gel {n}", reason="Recours", placed_by=user) for n in range(count)
    )


def test_a_unit_sees_its_lists_and_the_records_manager_all(make_client, lawyer, outsider, records_manager, legal):
    make_lists(3, legal, records_manager)
    make_lists(2, OrgUnit.objects.get(code="dcom"), records_manager, start=100)
    url = reverse("documents:disposition_list")
    assert make_client(records_manager).get(url).context["page"].count == 5
    assert make_client(lawyer).get(url).context["page"].count == 3
    assert make_client(outsider).get(url).context["page"].count == 2
    filtered = make_client(records_manager).get(url, {"kind": "destruction", "org_unit": legal.pk})
    assert {dl.kind for dl in filtered.context["page"].object_list} == {"destruction"}
    export = make_client(lawyer).get(url, {"export": "csv"})
    assert export.status_code == 200 and b"L2026-00000" in b"".join(export.streaming_content)


def test_holds_are_for_the_records_manager(make_client, lawyer, staff_without_role, partner_user, records_manager):
    make_holds(2, records_manager)
    LegalHold.objects.filter(title="Gel 0").update(lifted_at="2026-01-01T10:00:00Z", lifted_by=records_manager)
    url = reverse("documents:hold_list")
    assert make_client(records_manager).get(url, {"in_force": "true"}).context["page"].count == 1
    assert make_client(lawyer).get(url).status_code == 403
    assert make_client(staff_without_role).get(url).status_code == 403
    assert make_client(partner_user).get(url).status_code == 403
    assert make_client().get(url).status_code == 302


def test_the_lists_keep_their_query_counts(make_client, records_manager, legal, assert_constant_queries):
    client = make_client(records_manager)
    lists = up_to(lambda count: make_lists(count, legal, records_manager, start=DispositionList.objects.count()))
    assert_constant_queries("documents:disposition_list", client, reverse("documents:disposition_list"), lists)
    holds = up_to(lambda count: make_holds(count, records_manager))
    assert_constant_queries("documents:hold_list", client, reverse("documents:hold_list"), holds)
