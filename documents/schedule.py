"""Records management's scheduled job (run by `manage.py run_scheduled`)."""

from documents.lifecycle import advance
from opq_intranet.core.registry.schedule import Job, register

register(
    Job(
        key="documents.lifecycle",
        description="Records: files become semi-active when due; what is due for disposal",
        run=advance,
    )
)
