"""Core's scheduled jobs: the fixity check of private files, the daily notification digest."""

import logging

from django.db.models import F
from django.utils import timezone

from opq_intranet.core.files import checksum_matches
from opq_intranet.core.models import PrivateFile
from opq_intranet.core.notifications import send_digests
from opq_intranet.core.registry.schedule import Job, register

logger = logging.getLogger(__name__)
FILES_PER_RUN = 2000


def check_fixity(today, log):
    """Recompute the checksum of the files checked longest ago (never-checked first)."""
    kept = PrivateFile.objects.filter(content_destroyed_at__isnull=True)  # destroyed on approval: nothing to check
    batch = list(kept.order_by(F("fixity_checked_at").asc(nulls_first=True), "pk")[:FILES_PER_RUN])
    damaged = []
    now = timezone.now()
    for private_file in batch:
        try:
            intact = checksum_matches(private_file)
        except FileNotFoundError:
            intact = False
        if not intact:
            damaged.append(private_file)
            logger.error("fixity: %s (%s) does not match its SHA-256", private_file.uuid, private_file.original_name)
        private_file.fixity_checked_at = now
        private_file.fixity_ok = intact
    PrivateFile.objects.bulk_update(batch, ["fixity_checked_at", "fixity_ok"])
    for private_file in damaged:
        log(f"DAMAGED: {private_file.uuid} {private_file.original_name}")
    return f"{len(batch)} files checked, {len(damaged)} damaged"


register(Job(key="core.fixity", description="Recompute private files' SHA-256 (fixity)", run=check_fixity, order=900))
register(
    Job(
        key="core.notification_digest",
        description="Daily digest of the new notifications, for people who chose it",
        run=send_digests,
        order=950,
    )
)
