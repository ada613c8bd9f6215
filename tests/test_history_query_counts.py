"""Every object's history page at the same number of queries with 10 and with 100 events, each
count recorded in tests/querycounts/ (the walker asks one of every `_history` page)."""

import pytest
from django.urls import reverse

from opq_intranet.core.models import OrgUnit
from tests.courrier.factories import AccessRequestFactory, MailItemFactory, MandateFactory
from tests.documents.factories import (
    BoxFactory,
    DispositionListFactory,
    LegalHoldFactory,
    PaperLoanFactory,
    RecordClassFactory,
    RecordFactory,
    RecordFileFactory,
    RetentionRuleFactory,
    StorageSpaceFactory,
)
from tests.querycounts import up_to

pytestmark = pytest.mark.django_db

# URL name: (how to make the object, the text field each event changes); core:order_history
# and bdsp_portal:return_history are measured with their apps. Each case is an
# object whose every change (here, of one text field) is one event of its history.
CASES = {
    "core:unit_history": (lambda: OrgUnit.objects.get(code="daj"), "name"),
    "courrier:item_history": (MailItemFactory, "subject"),
    "courrier:access_history": (AccessRequestFactory, "documents_requested"),
    "courrier:mandate_history": (MandateFactory, "title"),
    "documents:class_history": (RecordClassFactory, "title"),
    "documents:rule_history": (RetentionRuleFactory, "title"),
    "documents:file_history": (RecordFileFactory, "title"),
    "documents:record_history": (RecordFactory, "title"),
    "documents:disposition_history": (DispositionListFactory, "notes"),
    "documents:hold_history": (LegalHoldFactory, "title"),
    "documents:space_history": (StorageSpaceFactory, "room"),
    "documents:box_history": (BoxFactory, "notes"),
    "documents:loan_history": (PaperLoanFactory, "note"),
}


@pytest.mark.parametrize("url_name", sorted(CASES))
def test_a_history_page_costs_the_same_with_10_and_100_events(url_name, make_client, it_admin, assert_constant_queries):
    make_object, field = CASES[url_name]
    obj = make_object()
    done = 0

    def change(count):
        nonlocal done
        for _ in range(count):
            done += 1
            setattr(obj, field, f"{getattr(obj, field)[:40]} {done}")
            obj.save(update_fields=[field])

    url = reverse(url_name, args=[obj.pk])
    response = assert_constant_queries(url_name, make_client(it_admin), url, up_to(change), per_page=False)
    assert response.status_code == 200
    assert f" {done}" in response.text  # the latest change is on the page
