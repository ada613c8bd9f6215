"""Mail panels on Mon travail: "Mon courrier" (what is routed to me), the access requests'
deadlines (for the person responsible for access), and "Mes mandats"."""

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from courrier import selectors
from opq_intranet.core.registry.dashboard import Panel, register

ITEMS_SHOWN = 6


def my_mail(request):
    """One query: the items routed to the person and still waiting, the oldest due first."""
    items = list(selectors.my_pending_items(request.user)[: ITEMS_SHOWN + 1])
    return {"items": items[:ITEMS_SHOWN], "more": len(items) > ITEMS_SHOWN, "today": timezone.localdate()}


register(
    Panel(
        key="courrier.my_mail",
        title=_("My mail"),
        template="courrier/panels/my_mail.html",
        permission="accounts.access_courrier",
        get_context=my_mail,
        order=30,
    )
)


def access_deadlines(request):
    """One query: the open access requests, the nearest deadline first (legal deadlines)."""
    requests = list(selectors.open_access_requests_by_deadline(request.user)[: ITEMS_SHOWN + 1])
    return {"requests": requests[:ITEMS_SHOWN], "more": len(requests) > ITEMS_SHOWN, "today": timezone.localdate()}


register(
    Panel(
        key="courrier.access_deadlines",
        title=_("Access requests: deadlines"),
        template="courrier/panels/access_deadlines.html",
        permission="courrier.handle_access_requests",
        get_context=access_deadlines,
        order=31,
    )
)

MANDATES_SHOWN = 6


def my_mandates(request):
    """One query: the person's active mandates as lead or helper, overdue first, then by due date."""
    user = request.user
    mandates = list(selectors.my_active_mandates(user)[: MANDATES_SHOWN + 1])
    return {
        "mandates": mandates[:MANDATES_SHOWN],
        "more": len(mandates) > MANDATES_SHOWN,
        "shown": MANDATES_SHOWN,
        "today": timezone.localdate(),
        "user_id": user.pk,
    }


register(
    Panel(
        key="courrier.my_mandates",
        title=_("My mandates"),
        template="courrier/panels/my_mandates.html",
        permission="accounts.access_courrier",
        get_context=my_mandates,
        order=35,
    )
)
