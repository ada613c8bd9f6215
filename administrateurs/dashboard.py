"""Panels on Mon travail for the Nominations role."""

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from administrateurs import permissions, selectors
from opq_intranet.core.registry.dashboard import Panel, register

# --- the obligations overdue or due within 14 days -------------------------------------

OBLIGATIONS_SHOWN = 8
OBLIGATIONS_DAYS = 14


def obligations_due(request):
    """One query: the trainings and declarations overdue or due within 14 days, oldest due first."""
    today = timezone.localdate()
    rows = list(selectors.obligations_due_within(today, OBLIGATIONS_DAYS)[: OBLIGATIONS_SHOWN + 1])
    shown = rows[:OBLIGATIONS_SHOWN]
    return {
        "overdue": [o for o in shown if o.due_on < today],
        "soon": [o for o in shown if o.due_on >= today],
        "more": len(rows) > OBLIGATIONS_SHOWN,
        "shown": OBLIGATIONS_SHOWN,
        "days": OBLIGATIONS_DAYS,
    }


register(
    Panel(
        key="administrateurs.obligations_due",
        title=_("Trainings and declarations due"),
        template="administrateurs/panels/obligations_due.html",
        permission=permissions.APP,
        get_context=obligations_due,
        order=40,
    )
)
