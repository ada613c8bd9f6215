"""Filing mail into records management: the records follow the file's rule; the registry says where."""

from datetime import date

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from courrier import services
from courrier.models import MailItem
from documents.models import Record
from tests.courrier.factories import ContactFactory
from tests.documents.factories import CopyRuleFactory, RecordClassFactory, RecordFileFactory, RetentionRuleFactory
from tests.documents.samples import pdf_bytes, upload

pytestmark = pytest.mark.django_db


@pytest.fixture
def legal_file(legal):
    rule = RetentionRuleFactory(number="7200", title="Avis juridiques")
    CopyRuleFactory(rule=rule, medium="digital", active_period=2, semi_active_period=5, final_disposal="D")
    record_class = RecordClassFactory(code="7100", title="Avis juridiques", retention_rule=rule)
    return RecordFileFactory(record_class=record_class, org_unit=legal, medium="digital", title="Avis 2026")


def test_an_item_and_its_reply_are_filed_as_records(make_client, mail_clerk, lawyer, legal, legal_file):
    item = services.mail_register(
        item=MailItem(direction="incoming", received_on=date(2026, 3, 2), contact=ContactFactory(name="Me Roy"),
                      subject="Demande d'avis"),
        user=mail_clerk,
        uploads=[upload("demande.pdf", pdf_bytes("Question sur l'exercice illégal."))],
    )  # fmt: skip
    services.mail_route(item=item, user=mail_clerk, unit=legal, assignee=lawyer)
    reply = services.mail_reply(
        item=item, user=lawyer, reply=MailItem(sent_on=date(2026, 3, 9), channel="post", subject="Avis")
    )
    response = make_client(lawyer).post(
        reverse("courrier:item_file", args=[item.pk]), {"reference": legal_file.reference.lower()}
    )
    assert response.status_code == 302
    records = Record.objects.filter(record_file=legal_file).order_by("pk")
    assert [(r.medium, r.record_date) for r in records] == [("digital", date(2026, 3, 2)), ("paper", date(2026, 3, 9))]
    assert "exercice illégal" in records[0].current_version.text  # the copy is indexed for the records search
    assert records[0].current_version.stored_file != item.attachments.get().stored_file  # a copy, not the same file
    item.refresh_from_db()
    reply.refresh_from_db()
    assert item.filed_in == reply.filed_in == legal_file
    assert legal_file.reference in make_client(lawyer).get(item.get_absolute_url()).content.decode()
    registry = make_client(lawyer).get(reverse("courrier:item_list"), {"q": item.reference}).content.decode()
    assert legal_file.reference in registry  # the registry shows where each item is filed
    with pytest.raises(ValidationError, match=legal_file.reference):
        services.mail_file(item=item, user=lawyer, record_file=legal_file)


def test_filing_needs_a_file_the_person_may_use(make_client, mail_clerk, outsider, legal_file):
    item = services.mail_register(
        item=MailItem(direction="incoming", received_on=date(2026, 3, 2), contact=ContactFactory(), subject="Lettre"),
        user=mail_clerk,
    )
    bad = make_client(mail_clerk).post(reverse("courrier:item_file", args=[item.pk]), {"reference": "D1999-99999"})
    assert bad.status_code == 422 and "D1999-99999" in bad.context["file_form"].errors["reference"][0]
    not_mine = make_client(outsider).post(
        reverse("courrier:item_file", args=[item.pk]), {"reference": legal_file.reference}
    )
    assert not_mine.status_code == 403  # the outsider does not handle this item
    assert not Record.objects.exists()
