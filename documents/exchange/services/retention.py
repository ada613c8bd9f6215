"""Retention of the exchange spaces: a file is kept `space.retention_days` days after its last
activity, then purged by the job `documents.exchange_retention`.

- The last activity is the file's `last_activity_at` (upload, new version, download, comment),
  or its deletion when it was deleted later: a deleted file stays restorable from the trail
  for the same time, then goes the same way.
- A file expires at the end of the day `expiry_of(shared_file)`; the job run on any later day
  purges it: every version's content destroyed (`private_file_destroy_content`: the stored
  file's row keeps its name, size and SHA-256), `purged_at` set, the space's quota freed, and
  a PURGED event in the trail with the name, the size and whether it had been filed.
- Filed files are purged too: the record keeps its own copy.
- FILES_PER_RUN bounds one run (the rest goes the next night); the job is idempotent.
- EXPIRY_WARNING_DAYS before its expiry, a file not filed is announced once to the Office's
  members of the space (key "documents.exchange_expiring", target the space): on the day its
  expiry is that many days away, so a daily run warns each file once.
"""

import datetime

from django.db import transaction
from django.db.models import DateField, DurationField, ExpressionWrapper, F, Value
from django.db.models.functions import Greatest, TruncDate
from django.template.defaultfilters import filesizeformat
from django.utils import timezone
from django.utils.translation import gettext as _

from documents.exchange.choices import EventAction
from documents.exchange.models import ExchangeSpace, FileVersion, SharedFile
from documents.exchange.services.audit import event_log
from documents.exchange.services.digest import OFFICE, side_members
from opq_intranet.core.files import private_file_destroy_content
from opq_intranet.core.notifications import notifications_done, notify

FILES_PER_RUN = 5000
EXPIRY_WARNING_DAYS = 14
EXPIRING_KEY = "documents.exchange_expiring"
ONE_DAY = datetime.timedelta(days=1)
# What a warning is about: files still in the space, neither deleted nor filed.
UNFILED = {"purged_at__isnull": True, "deleted_at__isnull": True, "filed_record__isnull": True}


def last_activity_of(shared_file):
    if shared_file.deleted_at is not None and shared_file.deleted_at > shared_file.last_activity_at:
        return shared_file.deleted_at
    return shared_file.last_activity_at


def expiry_of(shared_file):
    """The last day the file is kept (its space must be loaded): "expire le 2027-03-01"."""
    return timezone.localdate(last_activity_of(shared_file)) + datetime.timedelta(days=shared_file.space.retention_days)


def _start_of(day):
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time.min))


def _kept_until():
    """The file's last activity (deletion included) plus its space's retention, as SQL: a
    moment, for the bounds the partial index on last activity can serve."""
    retention = ExpressionWrapper(F("space__retention_days") * Value(ONE_DAY), output_field=DurationField())
    return Greatest("last_activity_at", "deleted_at") + retention


def _kept_on():
    """The last day the file is kept, as SQL: the local date of its last activity plus its
    space's retention in days, as expiry_of() counts it. Adding days to the moment instead
    moved a file touched after 23:00 to the next day across a change to daylight time."""
    last_day = TruncDate(Greatest("last_activity_at", "deleted_at"), tzinfo=timezone.get_current_timezone())
    return ExpressionWrapper(last_day + F("space__retention_days"), output_field=DateField())


def with_expiry(files):
    """Annotate a queryset of shared files with `kept_until`, the last day of its retention
    (for a list's "expire le …" column: `{{ file.kept_until|date:"SHORT_DATE_FORMAT" }}`;
    the file is purged the day after that date)."""
    return files.annotate(kept_until=_kept_on())


def expired_files(today):
    """Files not purged whose expiry day is before `today` (the partial index on last activity
    narrows them, a day wide for daylight time; the local date decides)."""
    return (
        SharedFile.objects.filter(purged_at__isnull=True)
        .alias(kept_until=_kept_until(), kept_on=_kept_on())
        .filter(kept_until__lt=_start_of(today + ONE_DAY), kept_on__lt=today)
        .order_by("pk")
    )


def expiring_files(today, days=EXPIRY_WARNING_DAYS):
    """Files not filed nor deleted whose expiry day is `days` after `today`."""
    day = today + datetime.timedelta(days=days)
    return (
        SharedFile.objects.filter(**UNFILED)
        .alias(kept_on=_kept_on())
        .filter(kept_on=day)
        .select_related("space")
        .order_by("space_id", "name", "pk")
    )


def expiry_warning_settle(*, space, today):
    """The warning leaves the Office's queues once no file of the space it could be about is
    left unfiled (filed, deleted or purged): called after a filing and after the purge."""
    horizon = today + datetime.timedelta(days=EXPIRY_WARNING_DAYS)
    waiting = SharedFile.objects.filter(space=space, **UNFILED).alias(kept_on=_kept_on()).filter(kept_on__lte=horizon)
    if not waiting.exists():
        notifications_done(target=space, key=EXPIRING_KEY)


@transaction.atomic
def shared_file_purge(*, shared_file, today):
    """Purge one expired file; returns the bytes freed, or None when it is not expired (any
    more: an activity since) or already purged."""
    shared_file = SharedFile.objects.select_for_update().select_related("space").get(pk=shared_file.pk)
    if shared_file.purged_at is not None or expiry_of(shared_file) >= today:
        return None
    freed = 0
    versions = FileVersion.objects.filter(shared_file=shared_file).select_related("stored_file")
    for version in versions:
        stored = version.stored_file
        if stored.content_destroyed_at is None:
            freed += stored.size
            private_file_destroy_content(stored)
    shared_file.purged_at = timezone.now()
    shared_file.save(update_fields=["purged_at"])
    ExchangeSpace.objects.filter(pk=shared_file.space_id).update(used_bytes=Greatest(F("used_bytes") - freed, 0))
    filed = shared_file.filed_record_id is not None
    event_log(
        space=shared_file.space,
        action=EventAction.PURGED,
        shared_file=shared_file,
        detail=(
            _("%(size)s, %(versions)s version(s); filed into a records file")
            if filed
            else _("%(size)s, %(versions)s version(s); not filed")
        )
        % {"size": filesizeformat(freed), "versions": len(versions)},
    )
    return freed


def purge_expired_files(today, log):
    """The scheduled job: purge what expired before `today`, each file in its own transaction."""
    purged = freed = 0
    spaces = {}
    for shared_file in expired_files(today).select_related("space")[:FILES_PER_RUN]:
        size = shared_file_purge(shared_file=shared_file, today=today)
        if size is None:
            continue
        purged += 1
        freed += size
        spaces[shared_file.space_id] = shared_file.space
        filed = "filed" if shared_file.filed_record_id else "not filed"
        log(f"PURGED: {shared_file.space} / {shared_file.name} ({size} bytes, {filed})")
    for space in spaces.values():
        expiry_warning_settle(space=space, today=today)
    return f"{purged} files purged, {freed} bytes freed"


def warn_expiring_files(today, log):
    """Tell the Office's members of each space of its files expiring in EXPIRY_WARNING_DAYS."""
    by_space = {}
    for shared_file in expiring_files(today):
        by_space.setdefault(shared_file.space_id, (shared_file.space, []))[1].append(shared_file)
    warned = 0
    for space, files in by_space.values():
        people = side_members(space, OFFICE)
        notify(
            recipients=people,
            key=EXPIRING_KEY,
            target=space,
            url=space.get_absolute_url(),
            subject_template="documents/email/exchange_expiring_subject.txt",
            body_template="documents/email/exchange_expiring.txt",
            context={"space": space, "files": files, "expires_on": expiry_of(files[0]), "days": EXPIRY_WARNING_DAYS},
        )
        warned += len(files)
        log(f"{space}: {len(files)} files expire on {expiry_of(files[0])}, {len(people)} people told")
    return f"{warned} expiring files announced"


def run_retention(today, log):
    """The job `documents.exchange_retention`: purge what expired, warn of what soon will."""
    return f"{purge_expired_files(today, log)}; {warn_expiring_files(today, log)}"
