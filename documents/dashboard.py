"""Records panels on Mon travail: the disposition lists waiting for the person (to validate,
approve or process), and the person's paper loans, overdue first (for the records manager,
how many loans are overdue)."""

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

import documents.exchange.dashboard  # noqa: F401 - registers the exchange spaces' panels
from documents import selectors
from documents.permissions import can_manage_plan
from opq_intranet.core.registry.dashboard import Panel, register

LOANS_SHOWN = 6
LISTS_SHOWN = 6


def my_lists(request):
    """One query: the lists whose next step is the person's (selectors.lists_waiting_for)."""
    entries = selectors.lists_waiting_for(request.user, LISTS_SHOWN + 1)
    return {"entries": entries[:LISTS_SHOWN], "more": len(entries) > LISTS_SHOWN, "shown": LISTS_SHOWN}


def my_loans(request):
    """One query, two for the records manager."""
    today = timezone.localdate()
    user = request.user
    loans = selectors.loans_of(user, today, LOANS_SHOWN + 1)
    overdue_count = None
    if can_manage_plan(user):
        overdue_count = selectors.overdue_loans(today).count()
    return {
        "loans": loans[:LOANS_SHOWN],
        "more": len(loans) > LOANS_SHOWN,
        "shown": LOANS_SHOWN,
        "today": today,
        "overdue_count": overdue_count,
    }


register(
    Panel(
        key="documents.my_lists",
        title=_("Disposition lists waiting for you"),
        template="documents/panels/my_lists.html",
        permission="accounts.access_documents",
        get_context=my_lists,
        order=39,
    )
)
register(
    Panel(
        key="documents.my_loans",
        title=_("My loans"),
        template="documents/panels/my_loans.html",
        permission="accounts.access_documents",
        get_context=my_loans,
        order=40,
    )
)
