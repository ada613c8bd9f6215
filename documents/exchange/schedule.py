"""Scheduled jobs of the exchange spaces (documents/schedule.py imports this module, so that
`manage.py run_scheduled` finds them)."""

from documents.exchange.services import uploads_drop_abandoned
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
