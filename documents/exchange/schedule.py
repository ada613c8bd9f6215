"""Scheduled jobs of the exchange spaces (documents/schedule.py imports this module, so that
`manage.py run_scheduled` finds them)."""

from documents.exchange.services import run_retention, send_exchange_digest, uploads_drop_abandoned
from opq_intranet.core.registry.schedule import Job, register


# --- Resumable uploads (services/uploads.py). ----------------------------------------------
def drop_abandoned_uploads(today, log):
    """Uploads past their expiry (abandoned, or finished and no longer asked about) and any
    temporary file left without its upload. `today` plays no part: expiry is a moment."""
    rows, files = uploads_drop_abandoned()
    return f"{rows} uploads dropped, {files} orphan temporary files deleted"


register(
    Job(
        key="documents.exchange_uploads",
        description="Exchange spaces: drop the uploads left unfinished for 24 hours and their temporary files",
        run=drop_abandoned_uploads,
    )
)


# --- New-files digest and retention (services/digest.py, services/retention.py). -----------
# The digest is idempotent at any frequency: run it every half-hour
# (`run_scheduled --only documents.exchange_digest`) for news within the half-hour, or with
# the nightly run. The retention purges what expired before `today` and warns the Office of
# what expires in 14 days unfiled.
register(
    Job(
        key="documents.exchange_digest",
        description="Exchange spaces: tell each side of the new files from the other side (one digest per space)",
        run=send_exchange_digest,
    )
)
register(
    Job(
        key="documents.exchange_retention",
        description="Exchange spaces: purge the files past their space's retention; warn of those about to expire",
        run=run_retention,
    )
)
