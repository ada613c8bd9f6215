"""Retention: a file is kept its space's retention_days after its last activity, then the job
documents.exchange_retention purges its content, frees the quota and says so in the trail."""

import datetime
import io
from pathlib import Path

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from documents.exchange import services
from documents.exchange.choices import EventAction
from documents.exchange.models import ExchangeEvent, SharedFile
from documents.exchange.services import retention
from opq_intranet.accounts.models import User
from opq_intranet.core.notifications import open_notifications_for
from tests.documents.factories import RecordFactory
from tests.exchange.factories import ExchangeSpaceFactory, pdf_upload, stored_pdf

pytestmark = pytest.mark.django_db

TODAY = datetime.date(2027, 3, 10)


def at(day, hour=12):
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour)))


@pytest.fixture
def space(space):
    space.retention_days = 30
    space.save()
    return space


def file_last_active(space, user, day, name="piece.pdf", **fields):
    shared_file = stored_pdf(space=space, user=user, name=name).shared_file
    SharedFile.objects.filter(pk=shared_file.pk).update(last_activity_at=at(day), **fields)
    shared_file.refresh_from_db()
    return shared_file


def purge(today=TODAY):
    lines = []
    summary = retention.purge_expired_files(today, lines.append)
    return summary, lines


def test_an_expired_file_is_purged_logged_and_its_quota_freed(space, unit_member):
    old = file_last_active(space, unit_member, TODAY - datetime.timedelta(days=31), name="ancien.pdf")
    services.file_store(space=space, shared_file=old, uploaded=pdf_upload("ancien.pdf", "v2"), user=unit_member)
    SharedFile.objects.filter(pk=old.pk).update(last_activity_at=at(TODAY - datetime.timedelta(days=31)))
    recent = file_last_active(space, unit_member, TODAY - datetime.timedelta(days=30), name="recent.pdf")
    space.refresh_from_db()
    versions = list(old.versions.select_related("stored_file"))
    paths = [Path(v.stored_file.content.path) for v in versions]
    freed = sum(v.stored_file.size for v in versions)
    used = space.used_bytes

    summary, lines = purge()

    assert summary == f"1 files purged, {freed} bytes freed"
    assert lines == [f"PURGED: {space} / ancien.pdf ({freed} bytes, not filed)"]
    old.refresh_from_db()
    assert old.purged_at is not None
    for version, path in zip(versions, paths, strict=True):
        version.stored_file.refresh_from_db()
        assert version.stored_file.content_destroyed_at is not None
        assert not path.exists()
        assert version.stored_file.sha256  # the trace of what existed stays
    space.refresh_from_db()
    assert space.used_bytes == used - freed
    event = ExchangeEvent.objects.get(action=EventAction.PURGED)
    assert (event.shared_file, event.object_name, event.user) == (old, "ancien.pdf", None)
    assert "2 version(s)" in event.detail
    recent.refresh_from_db()
    assert recent.purged_at is None  # its last day is today


def test_the_job_is_idempotent(space, unit_member):
    file_last_active(space, unit_member, TODAY - datetime.timedelta(days=40))
    purge()
    space.refresh_from_db()
    used = space.used_bytes
    assert purge() == ("0 files purged, 0 bytes freed", [])
    space.refresh_from_db()
    assert space.used_bytes == used
    assert ExchangeEvent.objects.filter(action=EventAction.PURGED).count() == 1


def test_a_filed_file_is_purged_too_the_record_keeps_its_copy(space, unit_member):
    record = RecordFactory()
    filed = file_last_active(space, unit_member, TODAY - datetime.timedelta(days=60), filed_record=record)
    _summary, lines = purge()
    filed.refresh_from_db()
    assert filed.purged_at is not None and filed.filed_record == record
    assert lines[0].endswith(", filed)")
    # The journal's detail is written in the Office's language when the job runs.
    assert "versé dans un dossier" in ExchangeEvent.objects.get(action=EventAction.PURGED).detail


def test_a_deleted_file_is_kept_the_retention_after_its_deletion(space, unit_member):
    deleted = file_last_active(
        space, unit_member, TODAY - datetime.timedelta(days=90), deleted_at=at(TODAY - datetime.timedelta(days=10))
    )
    assert retention.expiry_of(deleted) == TODAY + datetime.timedelta(days=20)
    purge()
    deleted.refresh_from_db()
    assert deleted.purged_at is None
    purge(TODAY + datetime.timedelta(days=21))
    deleted.refresh_from_db()
    assert deleted.purged_at is not None


def test_each_space_has_its_own_retention(space, unit_member):
    long_kept = ExchangeSpaceFactory(retention_days=365)
    here = file_last_active(space, unit_member, TODAY - datetime.timedelta(days=100))
    there = file_last_active(long_kept, unit_member, TODAY - datetime.timedelta(days=100))
    purge()
    here.refresh_from_db()
    there.refresh_from_db()
    assert here.purged_at is not None and there.purged_at is None


def test_the_expiry_day_is_the_last_activity_plus_the_retention(space, unit_member):
    shared_file = file_last_active(space, unit_member, datetime.date(2027, 1, 15))
    assert retention.expiry_of(shared_file) == datetime.date(2027, 2, 14)


def test_run_scheduled_with_today(space, unit_member):
    expired = file_last_active(space, unit_member, TODAY - datetime.timedelta(days=31))
    out = io.StringIO()
    call_command("run_scheduled", "--only", "documents.exchange_retention", "--today", str(TODAY), stdout=out)
    expired.refresh_from_db()
    assert expired.purged_at is not None
    assert "1 files purged" in out.getvalue()


def test_the_office_is_warned_once_of_files_that_expire_unfiled(
    space, unit_member, partner, django_capture_on_commit_callbacks
):
    User.objects.update(language="en")
    soon = TODAY - datetime.timedelta(days=30 - retention.EXPIRY_WARNING_DAYS)
    file_last_active(space, unit_member, soon, name="a-verser.pdf")
    file_last_active(space, unit_member, soon, name="deja-verse.pdf", filed_record=RecordFactory())
    file_last_active(space, unit_member, soon + datetime.timedelta(days=1), name="plus-tard.pdf")
    with django_capture_on_commit_callbacks(execute=True):
        summary = retention.warn_expiring_files(TODAY, lambda text: None)
    assert summary == "1 expiring files announced"
    [message] = mail.outbox
    assert message.to == [unit_member.email]
    assert message.subject == f"A file of the space “{space.name}” expires in 14 days"
    assert "a-verser.pdf" in message.body and "deja-verse.pdf" not in message.body
    assert "2027-03-24" in message.body
    assert [n.key for n in open_notifications_for(unit_member).items] == [retention.EXPIRING_KEY]
    assert open_notifications_for(partner).total == 0
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        retention.warn_expiring_files(TODAY + datetime.timedelta(days=1), lambda text: None)
    assert ["plus-tard.pdf" in m.body and "a-verser.pdf" not in m.body for m in mail.outbox] == [True]


def test_a_list_can_show_each_files_expiry_in_its_query(space, unit_member):
    shared_file = file_last_active(space, unit_member, datetime.date(2027, 1, 15))
    annotated = retention.with_expiry(SharedFile.objects.filter(pk=shared_file.pk)).get()
    assert annotated.kept_until == retention.expiry_of(shared_file) == datetime.date(2027, 2, 14)


def test_a_file_touched_late_in_the_evening_expires_on_its_day_across_daylight_time(space, unit_member):
    # 23:30 on 1 March 2027; 30 days later the clocks have moved forward (14 March): the file
    # is kept until 31 March, warned of on 17 March, purged on 1 April, as expiry_of() says.
    shared_file = file_last_active(space, unit_member, datetime.date(2027, 3, 1))
    late = timezone.make_aware(datetime.datetime(2027, 3, 1, 23, 30))
    SharedFile.objects.filter(pk=shared_file.pk).update(last_activity_at=late)
    shared_file.refresh_from_db()
    assert retention.expiry_of(shared_file) == datetime.date(2027, 3, 31)
    assert retention.with_expiry(SharedFile.objects.filter(pk=shared_file.pk)).get().kept_until == datetime.date(
        2027, 3, 31
    )
    warning_day = datetime.date(2027, 3, 31) - datetime.timedelta(days=retention.EXPIRY_WARNING_DAYS)
    assert list(retention.expiring_files(warning_day)) == [shared_file]
    assert not retention.expired_files(datetime.date(2027, 3, 31)).exists()
    assert list(retention.expired_files(datetime.date(2027, 4, 1))) == [shared_file]
