"""New files are announced to the other side of a space in one digest per space and side
(the job documents.exchange_digest), never one email per file, and never twice."""

import io
from datetime import timedelta

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from documents.exchange import services
from documents.exchange.choices import EventAction, LinkKind, MemberAccess
from documents.exchange.models import ShareLink
from documents.exchange.services import digest
from opq_intranet.accounts.models import User
from opq_intranet.accounts.roles import Role
from opq_intranet.core.models import Notification, OrgUnit
from opq_intranet.core.notifications import open_notifications_for
from tests.exchange.factories import SpaceMemberFactory, pdf_upload, stored_pdf
from tests.factories import PartnerFactory, UserFactory, order

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def no_settling(monkeypatch):
    """The job leaves events younger than a minute for its next run; here they are all old enough."""
    monkeypatch.setattr(digest, "SETTLE", timedelta(0))


@pytest.fixture
def run(django_capture_on_commit_callbacks):
    """Run the job; everyone reads their emails in English (the source strings: the French
    ones come with the catalogue)."""

    def run_job():
        User.objects.update(language="en")
        with django_capture_on_commit_callbacks(execute=True):
            return digest.send_exchange_digest(timezone.localdate(), lambda text: None)

    return run_job


def queue(person):
    return [(n.key, n.target, n.title) for n in open_notifications_for(person).items]


def mail_to(person):
    return [m for m in mail.outbox if m.to == [person.email]]


def test_two_uploads_by_the_partner_make_one_notification_per_office_member(
    space, unit_member, partner, other_staff, exchange_admin, staff_without_role, run
):
    colleague = UserFactory(roles=[Role.STAFF], org_unit=OrgUnit.objects.get(code="daj"))
    SpaceMemberFactory(space=space, user=other_staff, access=MemberAccess.READ)
    stored_pdf(space=space, user=partner, name="rapport-annuel.pdf")
    stored_pdf(space=space, user=partner, name="annexe-a.pdf")
    run()
    expected_title = "2 new files in the space “Échanges avec l'Ordre des infirmières”"
    for person in (unit_member, colleague, other_staff):
        assert queue(person) == [(digest.NEWS_KEY, space, expected_title)]
        [message] = mail_to(person)
        assert message.subject == expected_title
        assert "rapport-annuel.pdf" in message.body
        assert "annexe-a.pdf" in message.body
        assert space.get_absolute_url() in message.body
        assert "Ordre des infirmières et infirmiers du Québec added these files" in message.body
    # Their own side, the administrator of every space, staff without the role: nothing.
    for person in (partner, exchange_admin, staff_without_role):
        assert queue(person) == []
        assert mail_to(person) == []
    assert len(mail.outbox) == 3


def test_a_second_run_sends_nothing(space, unit_member, partner, run):
    stored_pdf(space=space, user=partner)
    run()
    first = list(Notification.objects.values_list("pk", "created_at"))
    mail.outbox.clear()
    assert run() == "0 spaces announced, 0 people told"
    assert mail.outbox == []
    assert list(Notification.objects.values_list("pk", "created_at")) == first


def test_the_offices_uploads_go_to_the_partners_users(space, unit_member, partner, run):
    reader = PartnerFactory(roles=[Role.ORDER_READER], professional_order=order("infirmieres"))
    stranger = PartnerFactory(roles=[Role.ORDER_DECLARANT], professional_order=order("ingenieurs"))
    version = stored_pdf(space=space, user=unit_member, name="avis.pdf")
    services.file_store(space=space, shared_file=version.shared_file, uploaded=pdf_upload("avis.pdf"), user=unit_member)
    run()
    for person in (partner, reader):
        [message] = mail_to(person)
        assert message.subject == "A new file in the space “Échanges avec l'Ordre des infirmières”"
        assert "The Office des professions du Québec added these files" in message.body
        assert message.body.count("avis.pdf") == 1  # the file once, whatever its versions
    assert queue(unit_member) == [] and mail_to(unit_member) == []
    assert mail_to(stranger) == []


def test_each_side_is_told_only_of_the_other_sides_files(space, unit_member, partner, run):
    stored_pdf(space=space, user=partner, name="du-partenaire.pdf")
    stored_pdf(space=space, user=unit_member, name="de-l-office.pdf")
    run()
    [to_office] = mail_to(unit_member)
    [to_partner] = mail_to(partner)
    assert "du-partenaire.pdf" in to_office.body and "de-l-office.pdf" not in to_office.body
    assert "de-l-office.pdf" in to_partner.body and "du-partenaire.pdf" not in to_partner.body


def test_a_file_through_a_drop_link_is_news_for_the_office(space, unit_member, run):
    link = ShareLink.objects.create(
        space=space,
        kind=LinkKind.DROP,
        digest="d" * 64,
        expires_at=timezone.now() + timedelta(days=7),
        created_by=unit_member,
        label="Cabinet Tremblay",
    )
    # Through a drop link, the version is stored in the name of the link's creator.
    services.file_store(space=space, uploaded=pdf_upload("depot.pdf"), user=unit_member, link=link)
    run()
    [message] = mail_to(unit_member)
    assert "depot.pdf" in message.body


def test_a_file_already_opened_by_its_recipient_is_not_announced_to_them(space, unit_member, partner, run):
    colleague = UserFactory(roles=[Role.STAFF], org_unit=OrgUnit.objects.get(code="daj"))
    seen = stored_pdf(space=space, user=partner, name="deja-lu.pdf").shared_file
    services.event_log(space=space, action=EventAction.DOWNLOADED, user=unit_member, shared_file=seen)
    run()
    assert mail_to(unit_member) == [] and queue(unit_member) == []
    [message] = mail_to(colleague)
    assert "deja-lu.pdf" in message.body


def test_a_deleted_file_is_not_announced(space, unit_member, partner, run):
    gone = stored_pdf(space=space, user=partner, name="retire.pdf").shared_file
    gone.deleted_at = timezone.now()
    gone.save()
    run()
    assert mail.outbox == []


def test_news_leave_the_queue_when_the_person_opens_the_space(space, unit_member, partner, run):
    colleague = UserFactory(roles=[Role.STAFF], org_unit=OrgUnit.objects.get(code="daj"))
    stored_pdf(space=space, user=partner)
    run()
    services.space_news_read(space=space, user=unit_member)
    assert queue(unit_member) == []
    assert len(queue(colleague)) == 1


def test_news_refresh_the_open_entry_rather_than_adding_one(space, unit_member, partner, run):
    stored_pdf(space=space, user=partner, name="premier.pdf")
    run()
    stored_pdf(space=space, user=partner, name="second.pdf")
    run()
    assert Notification.objects.filter(recipient=unit_member).count() == 1
    second = mail_to(unit_member)[-1]
    assert "second.pdf" in second.body and "premier.pdf" not in second.body


def test_a_fresh_event_waits_for_the_next_run(
    space, unit_member, partner, monkeypatch, django_capture_on_commit_callbacks
):
    monkeypatch.setattr(digest, "SETTLE", timedelta(minutes=1))
    stored_pdf(space=space, user=partner)
    assert digest.space_news_send(space=space) == 0
    with django_capture_on_commit_callbacks(execute=True):
        assert digest.space_news_send(space=space, now=timezone.now() + timedelta(minutes=2)) == 1
    assert len(mail_to(unit_member)) == 1


def test_the_job_runs_from_run_scheduled(space, unit_member, partner):
    stored_pdf(space=space, user=partner)
    out = io.StringIO()
    call_command("run_scheduled", "--only", "documents.exchange_digest", stdout=out)
    assert queue(unit_member)
    assert "1 spaces announced, 1 people told" in out.getvalue()
