"""The "Mon travail" dashboard: each app contributes panels of what is due for the person.

In an app's `dashboard.py`:

    from opq_intranet.core.registry.dashboard import Panel, register

    register(Panel(
        key="courrier.my_mail",
        title=_("My mail"),
        template="courrier/panels/my_mail.html",
        permission="accounts.access_courrier",
        get_context=lambda request: {"items": selectors.mail_due_for(request.user)[:10]},
        order=20,
    ))

`get_context` must cost a constant number of queries (one or two): the dashboard's page
budget is shared by every panel. `audience` is "staff" (Mon travail) or "portal" (the home
page of the professional-order portal).
"""

from collections.abc import Callable
from dataclasses import dataclass

_panels = {}


@dataclass(frozen=True)
class Panel:
    key: str
    title: str
    template: str
    get_context: Callable
    permission: str = ""
    order: int = 100
    audience: str = "staff"


def register(panel):
    _panels[panel.key] = panel
    return panel


def unregister(key):
    _panels.pop(key, None)


def panels_for(request, audience="staff"):
    """The panels this person may see, in order, each rendered with its own context."""
    user = request.user
    visible = [
        p
        for p in sorted(_panels.values(), key=lambda p: (p.order, p.key))
        if p.audience == audience and (not p.permission or user.has_perm(p.permission))
    ]
    return [{"panel": p, "context": p.get_context(request)} for p in visible]
