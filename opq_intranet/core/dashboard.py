"""Core's panels on Mon travail: the person's "À traiter" queue, and the coming non-working
days (legal holidays and closures). Partners see their queue on the portal's home."""

from datetime import timedelta

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from opq_intranet.core import calendar
from opq_intranet.core.models import OfficeClosure
from opq_intranet.core.notifications import open_notifications_for
from opq_intranet.core.registry.dashboard import Panel, register

HORIZON_DAYS = 60
TODO_SHOWN = 10


def todo(request):
    """The person's open notifications, newest first (one query)."""
    items, total = open_notifications_for(request.user, TODO_SHOWN)
    return {"items": items, "total": total, "more": total - len(items)}


def upcoming_days_off(request):
    today = timezone.localdate()
    until = today + timedelta(days=HORIZON_DAYS)
    days = [(d, name, True) for d, name in calendar.holidays_between(today, until)]
    days += [(c.date, c.label, False) for c in OfficeClosure.objects.filter(date__range=(today, until))]
    return {"days": sorted(days)[:6], "horizon": HORIZON_DAYS}


register(
    Panel(
        key="core.todo",
        title=_("To do"),
        template="core/panels/todo.html",
        permission="accounts.access_intranet",
        get_context=todo,
        order=5,
    )
)
register(
    Panel(
        key="core.todo_portal",
        title=_("To do"),
        template="core/panels/todo.html",
        permission="accounts.access_portal",
        get_context=todo,
        order=5,
        audience="portal",
    )
)
register(
    Panel(
        key="core.days_off",
        title=_("Coming days off"),
        template="core/panels/days_off.html",
        permission="accounts.access_intranet",
        get_context=upcoming_days_off,
        order=900,
    )
)
