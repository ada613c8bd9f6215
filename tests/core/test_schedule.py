"""The scheduled-work entry point and core's fixity job."""

import io
from datetime import date

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core.files.base import ContentFile
from django.core.management import CommandError, call_command
from django.utils import timezone

from opq_intranet.core.models import PrivateFile, ProfessionalOrder, ScheduledRun
from opq_intranet.core.registry import schedule

pytestmark = pytest.mark.django_db


@pytest.fixture
def temporary_jobs():
    added = []

    def add(job):
        added.append(job.key)
        return schedule.register(job)

    yield add
    for key in added:
        schedule._jobs.pop(key, None)


def run(*args):
    out = io.StringIO()
    call_command("run_scheduled", *args, stdout=out)
    return out.getvalue()


def test_jobs_get_the_day_they_act_for_and_are_recorded(temporary_jobs):
    seen = []
    temporary_jobs(schedule.Job(key="test.echo", description="", run=lambda today, log: seen.append(today) or "vu"))
    output = run("--only", "test.echo", "--today", "2027-01-04")
    assert seen == [date(2027, 1, 4)]
    assert "test.echo: ok vu" in output
    record = ScheduledRun.objects.get(job="test.echo")
    assert record.succeeded and record.for_date == date(2027, 1, 4) and record.finished_at


def test_a_failing_job_does_not_stop_the_others_but_fails_the_command(temporary_jobs):
    def broken(today, log):
        ProfessionalOrder.objects.filter(code="barreau").update(is_active=False)
        raise ValueError("boom")

    ran = []
    temporary_jobs(schedule.Job(key="test.a_broken", description="", run=broken, order=1))
    temporary_jobs(schedule.Job(key="test.b_after", description="", run=lambda t, log: ran.append(t), order=2))
    with pytest.raises(CommandError, match=r"test\.a_broken"):
        run("--only", "test.a_broken,test.b_after")
    assert ran
    # The failed job's writes were rolled back.
    assert ProfessionalOrder.objects.get(code="barreau").is_active
    assert ScheduledRun.objects.get(job="test.a_broken").summary == "ValueError: boom"


def test_unknown_job_is_an_error():
    with pytest.raises(CommandError):
        run("--only", "nexiste.pas")


def stored_file(tmp_path, settings, content=b"contenu original"):
    import hashlib

    settings.MEDIA_ROOT = settings.PRIVATE_MEDIA_ROOT = tmp_path
    order = ProfessionalOrder.objects.first()
    private = PrivateFile(
        original_name="note.txt",
        mime_type="text/plain",
        size=len(content),
        sha256=hashlib.sha256(content).hexdigest(),
        uploaded_at=timezone.now(),
        owner_type=ContentType.objects.get_for_model(order),
        owner_id=str(order.pk),
    )
    private.content.save(private.uuid.hex, ContentFile(content), save=False)
    private.save()
    return private


def test_fixity_job_marks_intact_and_damaged_files(tmp_path, settings):
    intact = stored_file(tmp_path, settings)
    damaged = stored_file(tmp_path, settings)
    (tmp_path / damaged.content.name).write_bytes(b"contenu altere")
    output = run("--only", "core.fixity")
    assert "2 files checked, 1 damaged" in output
    intact.refresh_from_db()
    damaged.refresh_from_db()
    assert intact.fixity_ok is True and intact.fixity_checked_at
    assert damaged.fixity_ok is False


def test_fixity_job_reports_a_missing_file(tmp_path, settings):
    missing = stored_file(tmp_path, settings)
    (tmp_path / missing.content.name).unlink()
    run("--only", "core.fixity")
    missing.refresh_from_db()
    assert missing.fixity_ok is False
