"""The nightly lifecycle job: digital files whose semi-active date has come become
semi-active. Paper and hybrid files move with a transfer list (someone carries the boxes to
semi-active storage), and disposal is never automatic: files due for disposal wait for a disposition list
(documents/services/disposition.py). `run_scheduled --today 2031-01-01` runs time forward.
"""

from django.db import transaction

from documents import selectors
from documents.choices import LifecycleStage


@transaction.atomic
def advance(today, log):
    moved = selectors.digital_due_for_semi_active(today).update(
        stage=LifecycleStage.SEMI_ACTIVE, semi_active_since=today
    )
    paper = selectors.paper_due_for_semi_active(today).count()
    due = selectors.due_for_disposal(today).count()
    held = selectors.held_files(selectors.due_for_disposal_including_held(today)).count()
    return (
        f"{moved} files became semi-active; {paper} paper files wait for a transfer list; "
        f"{due} files due for disposal, {held} more under a hold"
    )
