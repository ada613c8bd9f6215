"""Read queries of the mandates, with what their pages need.

Every staff member who uses the app reads every mandate (the Office's work is shared); what a
mandate links to is shown only when the person may see it (`items_visible_to`,
documents.selectors.files_visible_to).
"""

from datetime import timedelta

from django.db.models import Case, Count, F, IntegerField, Q, Value, When, Window
from django.db.models.functions import RowNumber

from courrier.choices import ACTIVE_MANDATE_STATUSES, Priority
from courrier.models import Mandate, MandateNote
from courrier.selectors.mail import items_visible_to
from documents.selectors import files_visible_to


def mandates_visible_to(user):
    mandates = Mandate.objects.select_related("lead", "org_unit")
    if not user.is_office_staff:
        return mandates.none()
    return mandates


# Priorities as people rank them (urgent above high), not in the order of their codes.
PRIORITY_RANK = {Priority.LOW: 0, Priority.NORMAL: 1, Priority.HIGH: 2, Priority.URGENT: 3}


def mandates_for_list(user):
    """The list's rows, with what its columns show and `priority_rank` to sort by."""
    return mandates_visible_to(user).annotate(
        priority_rank=Case(
            *[When(priority=value, then=Value(rank)) for value, rank in PRIORITY_RANK.items()],
            output_field=IntegerField(),
        )
    )


def mandates_for_page(user):
    """The mandates with their people, for a mandate's page (it, then its helpers)."""
    return mandates_visible_to(user).select_related("requester", "created_by").prefetch_related("helpers__org_unit")


def mandate_page(mandate, user):
    """What a mandate's page shows besides the mandate: its helpers, its notes (newest first),
    and the linked items and files the person may see (constant queries)."""
    return {
        "helpers": list(mandate.helpers.all()),
        "notes": list(notes_of(mandate)),
        "items": list(linked_items(mandate, user)),
        "files": list(linked_files(mandate, user)),
    }


def notes_of(mandate):
    """Progress notes, newest first."""
    return MandateNote.objects.filter(mandate=mandate).select_related("author").order_by("-at", "-pk")


def linked_items(mandate, user):
    """The linked mail items the person may see."""
    return items_visible_to(user).filter(mandates=mandate).order_by("-registered_at", "-pk")


def linked_files(mandate, user):
    """The linked records-management files the person may see."""
    linked = Mandate.record_files.through.objects.filter(mandate=mandate).values("recordfile_id")
    return files_visible_to(user).filter(pk__in=linked).order_by("reference")


def involving(user):
    """Q: the person leads the mandate or helps with it. One list of ids, from two index scans
    (lead, helpers) united: an OR of the two conditions made PostgreSQL read every mandate."""
    led = Mandate.objects.filter(lead_id=user.pk).order_by().values("pk")
    helped = Mandate.helpers.through.objects.filter(user_id=user.pk).values("mandate_id")
    return Q(pk__in=led.union(helped))


def my_active_mandates(user):
    """The person's active mandates as lead or helper: overdue first, then by due date (an
    earlier due date comes first, so the overdue ones lead), those without a date last."""
    return (
        Mandate.objects.filter(involving(user), status__in=ACTIVE_MANDATE_STATUSES)
        .select_related("org_unit")
        .order_by(F("due_on").asc(nulls_last=True), "pk")
    )


def week_end(today):
    """The Sunday that ends today's week (Monday to Sunday)."""
    return today + timedelta(days=6 - today.weekday())


def overdue(queryset, today):
    return queryset.filter(status__in=ACTIVE_MANDATE_STATUSES, due_on__lt=today)


def due_this_week(queryset, today):
    return queryset.filter(status__in=ACTIVE_MANDATE_STATUSES, due_on__gte=today, due_on__lte=week_end(today))


# What the due page shows of each mandate.
DUE_ROW_FIELDS = (
    "reference",
    "title",
    "status",
    "due_on",
    "org_unit__name",
    "lead__username",
    "lead__first_name",
    "lead__last_name",
)


def due_by_unit(today, *, unit=None, per_unit=25):
    """The overdue and due-this-week mandates grouped by unit, two queries whatever the volume:

    - the counts of each unit (overdue, due this week);
    - the first `per_unit` mandates of each unit and kind, the most urgent first (a window
      function numbers them inside each unit and kind).

    Returns [{"unit": OrgUnit, "overdue": [...], "overdue_count": n, "this_week": [...],
    "this_week_count": n}], units by name.
    """
    active = Mandate.objects.filter(status__in=ACTIVE_MANDATE_STATUSES, due_on__lte=week_end(today))
    if unit is not None:
        active = active.filter(org_unit=unit)
    is_overdue = Q(due_on__lt=today)
    counts = {
        row["org_unit"]: row
        for row in active.values("org_unit").annotate(
            overdue_count=Count("pk", filter=is_overdue), this_week_count=Count("pk", filter=~is_overdue)
        )
    }
    if not counts:
        return []
    ranked = (
        active.select_related("org_unit", "lead")
        .only(*DUE_ROW_FIELDS)
        .annotate(
            late=Q(due_on__lt=today),
            rank=Window(
                RowNumber(),
                partition_by=[F("org_unit_id"), F("late")],
                order_by=[F("due_on").asc(), F("pk").asc()],
            ),
        )
        .filter(rank__lte=per_unit)
        .order_by("org_unit__name", "org_unit_id", "due_on", "pk")
    )
    groups = {}
    for mandate in ranked:
        group = groups.get(mandate.org_unit_id)
        if group is None:
            row = counts[mandate.org_unit_id]
            group = groups[mandate.org_unit_id] = {
                "unit": mandate.org_unit,
                "overdue": [],
                "this_week": [],
                "overdue_count": row["overdue_count"],
                "this_week_count": row["this_week_count"],
            }
        group["overdue" if mandate.due_on < today else "this_week"].append(mandate)
    return list(groups.values())
