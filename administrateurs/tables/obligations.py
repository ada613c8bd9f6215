"""Tables of the obligations' list and of the training sessions' list."""

from django.urls import reverse
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, pgettext_lazy

from administrateurs.models import Obligation, TrainingSession
from opq_intranet.core.lists.tables import Column, Table


def obligation_state(obligation):
    if obligation.completed_on is not None:
        return _("Completed")
    return _("Overdue") if obligation.due_on < timezone.localdate() else _("To complete")


def completion_link(value, obligation):
    if obligation.completed_on is not None:
        return ""
    return format_html(
        '<a class="btn btn-sm btn-outline-primary" href="{}">{}<span class="visually-hidden"> · {}</span></a>',
        reverse("administrateurs:obligation_complete", args=[obligation.pk]),
        _("Record completion"),
        obligation,
    )


class ObligationTable(Table):
    model = Obligation
    appointee = Column(
        gettext_lazy("Appointee"),
        accessor="term.candidate",
        sort_by=("term__candidate__last_name", "term__candidate__first_name"),
        link=True,
    )
    body = Column(gettext_lazy("Body"), accessor="term.seat.body.name", sort_by=("term__seat__body__name",))
    kind = Column(gettext_lazy("Obligation"))
    due_on = Column(gettext_lazy("Due on"))
    state = Column(gettext_lazy("State"), accessor=obligation_state, orderable=False)
    completed_on = Column(pgettext_lazy("obligation", "Completed on"))
    action = Column(
        gettext_lazy("Action"), accessor=lambda o: "", orderable=False, export=False, display=completion_link
    )
    default_sort = "due_on"
    caption = gettext_lazy("Trainings and declarations")


class TrainingSessionTable(Table):
    model = TrainingSession
    title = Column(gettext_lazy("Title"), link=True)
    held_on = Column(gettext_lazy("Date"))
    place = Column(gettext_lazy("Place"))
    attendee_count = Column(gettext_lazy("Appointees trained"))
    default_sort = "-held_on"
    caption = gettext_lazy("Training sessions")
