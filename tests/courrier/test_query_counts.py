"""Query counts of the mail pages not measured elsewhere: each the same with 10 rows (or related
rows) as with 100, and the one recorded in tests/querycounts/courrier.json."""

import datetime

import pytest
from django.urls import reverse

from courrier.choices import Direction
from tests.courrier.factories import (
    AccessRequestFactory,
    ContactFactory,
    MailAttachmentFactory,
    MailItemFactory,
    MandateFactory,
    MandateNoteFactory,
    ReviewRequestFactory,
    RoutingEventFactory,
)
from tests.documents.factories import RecordClassFactory, RecordFileFactory
from tests.factories import UserFactory
from tests.querycounts import up_to

pytestmark = pytest.mark.django_db


def test_contacts(make_client, mail_clerk, assert_constant_queries):
    make_rows = up_to(ContactFactory.create_batch)
    url = reverse("courrier:contact_list")
    assert_constant_queries("courrier:contact_list", make_client(mail_clerk), url, make_rows)


def test_a_contact_with_its_items(make_client, mail_clerk, assert_constant_queries):
    contact = ContactFactory()
    make_rows = up_to(lambda count: MailItemFactory.create_batch(count, contact=contact, registered_by=mail_clerk))
    url = reverse("courrier:contact_detail", args=[contact.pk])
    assert_constant_queries("courrier:contact_detail", make_client(mail_clerk), url, make_rows, per_page=False)


def test_an_item_with_its_attachments_trail_replies_and_mandates(
    make_client, mail_clerk, lawyer, assert_constant_queries
):
    item = MailItemFactory(registered_by=mail_clerk)

    def related(count):
        MailAttachmentFactory.create_batch(count, mail_item=item)
        RoutingEventFactory.create_batch(count, mail_item=item, to_assignee=lawyer)
        MailItemFactory.create_batch(
            count,
            direction=Direction.OUTGOING,
            received_on=None,
            sent_on=datetime.date(2026, 3, 9),
            in_reply_to=item,
            registered_by=mail_clerk,
        )
        for mandate in MandateFactory.create_batch(count, requester=lawyer, lead=lawyer):
            mandate.mail_items.add(item)

    url = reverse("courrier:item_detail", args=[item.pk])
    response = assert_constant_queries(
        "courrier:item_detail", make_client(mail_clerk), url, up_to(related), per_page=False
    )
    assert response.text.count("/pieces/") == 100  # each attachment's link


def test_access_requests(make_client, mail_clerk, assert_constant_queries):
    make_rows = up_to(lambda count: AccessRequestFactory.create_batch(count, handled_by=mail_clerk))
    url = reverse("courrier:access_list")
    assert_constant_queries("courrier:access_list", make_client(mail_clerk), url, make_rows)


def test_an_access_request_with_its_reviews(make_client, mail_clerk, assert_constant_queries):
    access_request = AccessRequestFactory(handled_by=mail_clerk)
    make_rows = up_to(lambda count: ReviewRequestFactory.create_batch(count, access_request=access_request))
    url = reverse("courrier:access_detail", args=[access_request.pk])
    assert_constant_queries("courrier:access_detail", make_client(mail_clerk), url, make_rows, per_page=False)


def test_a_mandate_with_its_notes_helpers_mail_and_files(make_client, lawyer, legal, assert_constant_queries):
    mandate = MandateFactory(requester=lawyer, lead=lawyer)
    record_class = RecordClassFactory()

    def related(count):
        MandateNoteFactory.create_batch(count, mandate=mandate)
        mandate.helpers.add(*UserFactory.create_batch(count, org_unit=legal))
        mandate.mail_items.add(*MailItemFactory.create_batch(count, routed_unit=legal, registered_by=lawyer))
        mandate.record_files.add(*RecordFileFactory.create_batch(count, record_class=record_class, org_unit=legal))

    url = reverse("courrier:mandate_detail", args=[mandate.pk])
    response = assert_constant_queries(
        "courrier:mandate_detail", make_client(lawyer), url, up_to(related), per_page=False
    )
    assert response.text.count("avis demandé au contentieux") == 100
