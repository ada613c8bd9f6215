"""The exchange spaces' panel: "Your exchange spaces" on the portal's home for partners (one
query: the person's spaces, scoped). Staff reach their spaces from the top bar's entry, and
their news of new files through « À traiter »: a panel on Mon travail cost it 8 ms (measured
by `make bench`) for what the bar already gives."""

from django.utils.translation import gettext_lazy as _

from documents.exchange import selectors
from opq_intranet.core.registry.dashboard import Panel, register

SPACES_SHOWN = 6


def my_spaces(request):
    spaces = list(
        selectors.spaces_visible_to(request.user).filter(is_active=True).order_by("name", "pk")[: SPACES_SHOWN + 1]
    )
    return {"spaces": spaces[:SPACES_SHOWN], "more": len(spaces) > SPACES_SHOWN}


register(
    Panel(
        key="documents.exchange_spaces_portal",
        title=_("Your exchange spaces"),
        template="documents/exchange/space_panel.html",
        permission="documents.use_exchange",
        get_context=my_spaces,
        order=20,
        audience="portal",
    )
)
