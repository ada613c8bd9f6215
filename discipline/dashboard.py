"""Panels on Mon travail for the Bureau des présidents: the senior chair sees every case
under advisement with its age (urgent cases first); a chair sees their hearings this week and
their decisions due. Each costs a constant number of queries."""

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from discipline import deadlines, permissions, selectors
from opq_intranet.core.registry.dashboard import Panel, register

SHOWN = 8


def _with_delays(cases, today):
    for case in cases:
        case.days_under_advisement = (today - case.advisement_since).days if case.advisement_since else None
        case.flag = deadlines.advisement_flag(case.advisement_since, today)
        case.due_on = deadlines.advisement_deadline(case.advisement_since)
    return cases


def chairs_work(request):
    today = timezone.localdate()
    chair = permissions.chair_of(request.user)
    if chair is None:
        return {"chair": None}
    scope = None if chair.is_senior else chair
    due = list(selectors.under_advisement(scope)[: SHOWN + 1])
    week = list(selectors.hearings_of_chair_this_week(chair, today)[: SHOWN + 1])
    return {
        "chair": chair,
        "due": _with_delays(due[:SHOWN], today),
        "more_due": len(due) > SHOWN,
        "week": week[:SHOWN],
        "more_week": len(week) > SHOWN,
    }


register(
    Panel(
        key="discipline.chairs_work",
        title=_("Hearings and decisions due"),
        template="discipline/panels/chairs_work.html",
        permission="accounts.access_discipline",
        get_context=chairs_work,
        order=20,
    )
)
