"""Reads of the bodies' meetings, their attendance grid, and the allowance rate table."""

from django.db.models import Count, Q

from administrateurs import allowances
from administrateurs.eligibility import current_terms_filter
from administrateurs.models import AllowanceRate, Attendance, Meeting, Term


def meetings():
    return Meeting.objects.select_related("body").annotate(
        attendee_count=Count("attendances", filter=Q(attendances__present=True))
    )


def eligible_terms(meeting):
    """The Office's appointees who sat on the meeting's body on its day: the grid's rows."""
    return (
        Term.objects.filter(current_terms_filter(meeting.held_on), seat__body_id=meeting.body_id)
        .select_related("candidate", "seat")
        .order_by("candidate__last_name", "candidate__first_name", "seat__number", "pk")
    )


def attendances_of(meeting):
    return {a.term_id: a for a in Attendance.objects.filter(meeting=meeting)}


def meeting_page(meeting):
    """The grid's appointees, their recorded attendance and its allowance: three queries."""
    terms = list(eligible_terms(meeting))
    recorded = attendances_of(meeting)
    table = allowances.rate_table() if recorded else {}
    owed = {term_id: allowances.allowance_for(a, table, meeting) for term_id, a in recorded.items()}
    return {"terms": terms, "recorded": recorded, "allowances": owed}


def rates():
    return AllowanceRate.objects.all()
