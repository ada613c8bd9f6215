"""The "Mes mandats" panel (registered when courrier/dashboard.py imports this module)."""

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from courrier import selectors
from opq_intranet.core.registry.dashboard import Panel, register

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
