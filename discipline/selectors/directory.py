"""Reads of the directory: councils, chairs, council members."""

from django.db.models import Count, Q

from discipline.choices import ENDED_STATUSES
from discipline.models import Chair, Council, CouncilMember


def councils():
    return Council.objects.select_related("order").annotate(
        active_cases=Count("cases", filter=~Q(cases__status__in=ENDED_STATUSES))
    )


def council_page(council):
    return {
        "members": list(council.members.order_by("-is_active", "last_name", "first_name")),
        "recent_cases": list(council.cases.select_related("chair").order_by("-filed_on", "-pk")[:10]),
    }


def chairs():
    return Chair.objects.select_related("user").annotate(
        active_cases=Count("cases", filter=~Q(cases__status__in=ENDED_STATUSES))
    )


def active_chairs():
    return Chair.objects.filter(is_active=True).order_by("last_name", "first_name")


def chair_page(chair):
    return {
        "unavailabilities": list(chair.unavailabilities.order_by("-starts_on")),
        "active_cases": list(
            chair.cases.exclude(status__in=ENDED_STATUSES).select_related("council").order_by("-filed_on")[:20]
        ),
    }


def members():
    return CouncilMember.objects.select_related("council__order")


def members_of(council):
    return CouncilMember.objects.filter(council=council, is_active=True).order_by("last_name", "first_name")
