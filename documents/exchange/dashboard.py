"""The exchange spaces' panels: "Your exchange spaces" on the portal's home for partners, and on
Mon travail for the staff who use them. One query each (the person's spaces, scoped)."""

from django.utils.translation import gettext_lazy as _

from documents.exchange import selectors
from opq_intranet.core.registry.dashboard import Panel, register

SPACES_SHOWN = 6


def my_spaces(request):
    spaces = list(
        selectors.spaces_visible_to(request.user).filter(is_active=True).order_by("name", "pk")[: SPACES_SHOWN + 1]
    )
    return {"spaces": spaces[:SPACES_SHOWN], "more": len(spaces) > SPACES_SHOWN}


for audience, order in (("portal", 20), ("staff", 40)):
    register(
        Panel(
            key=f"documents.exchange_spaces_{audience}",
            title=_("Your exchange spaces"),
            template="documents/exchange/space_panel.html",
            permission="documents.use_exchange",
            get_context=my_spaces,
            order=order,
            audience=audience,
        )
    )
