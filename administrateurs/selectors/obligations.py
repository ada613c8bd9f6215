"""Reads of the appointees' obligations (training, solemn declaration) and of the training
sessions. An obligation is owed while its term runs or is to come: a term that ended (or
ended early) owes nothing more, so it leaves the list, the panel and the reminders."""

from datetime import timedelta

from django.db.models import Count, Q

from administrateurs.choices import DueWindow, ObligationShown
from administrateurs.models import Obligation, TrainingSession
from opq_intranet.core.text import filter_words

SOON_DAYS = 30  # the list's "due within 30 days"
SEARCH_FIELDS = ("term__candidate__first_name", "term__candidate__last_name", "term__seat__body__name")


def term_not_over(today):
    """Obligations whose term has not ended on `today` (current or to come)."""
    return Q(term__ends_on__gte=today) & (Q(term__ended_on__isnull=True) | Q(term__ended_on__gte=today))


def obligations():
    return Obligation.objects.select_related("term__candidate", "term__seat__body", "session", "file")


def open_obligations(today):
    """Not completed, of a term not over: what is still owed."""
    return obligations().filter(term_not_over(today), completed_on__isnull=True)


def obligations_for_list(shown, today):
    """The list's obligations: those to complete, unless it asks for the completed ones or all."""
    if shown == ObligationShown.COMPLETED:
        return obligations().filter(completed_on__isnull=False)
    if shown == ObligationShown.ALL:
        return obligations()
    return open_obligations(today)


def in_window(queryset, window, today):
    """Overdue (the due date passed, not completed), or due from today to 30 days from now."""
    if window == DueWindow.OVERDUE:
        return queryset.filter(completed_on__isnull=True, due_on__lt=today)
    if window == DueWindow.SOON:
        return queryset.filter(completed_on__isnull=True, due_on__range=(today, today + timedelta(days=SOON_DAYS)))
    return queryset


def matching_obligations(queryset, text):
    return filter_words(queryset, SEARCH_FIELDS, text)


def obligations_due_within(today, days):
    """Still owed and due within `days` days or overdue, the oldest due first (Mon travail)."""
    return open_obligations(today).filter(due_on__lte=today + timedelta(days=days)).order_by("due_on", "kind", "pk")


def obligations_to_remind_before(today, days):
    """Due within `days` days (not passed), and not reminded yet."""
    return (
        open_obligations(today)
        .filter(reminded_on__isnull=True, due_on__range=(today, today + timedelta(days=days)))
        .order_by("due_on", "pk")
    )


def obligations_to_remind_overdue(today):
    """The due date passed, and the overdue reminder not sent yet."""
    return open_obligations(today).filter(overdue_reminded_on__isnull=True, due_on__lt=today).order_by("due_on", "pk")


def training_sessions():
    return TrainingSession.objects.annotate(attendee_count=Count("obligations"))


def matching_sessions(queryset, text):
    return filter_words(queryset, ("title", "place"), text)


def sessions_held(today):
    """The sessions a completed training may name: held on or before `today`."""
    return TrainingSession.objects.filter(held_on__lte=today).order_by("-held_on", "title", "pk")


def training_session_page(session):
    """Who attended: the obligations completed through the session."""
    attendees = (
        Obligation.objects.filter(session=session)
        .select_related("term__candidate", "term__seat__body")
        .order_by("term__candidate__last_name", "term__candidate__first_name", "pk")
    )
    return {"attendees": list(attendees)}
