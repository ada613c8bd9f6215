"""The Django admin of the administrators' bank. Everything a service owns is read-only here:
candidacies (statuses, the art. 78 links, the purge), bodies and their seats (the seats follow
the number the Office fills), terms and appointment decisions (the vacancy and term-limit
rules), proposals, obligations, meetings and attendance (all or nothing), the allowance rates
(dated, never rewritten) and the purge log. Every read of a candidacy on the app's pages is
logged; the admin is for IT's inspection, the app's pages for the work."""

from django.contrib import admin

from administrateurs.models import (
    AllowanceRate,
    AppointmentDecision,
    Attendance,
    Body,
    Candidate,
    CandidateLink,
    Meeting,
    Obligation,
    Proposal,
    PurgeLog,
    Seat,
    Term,
    TrainingSession,
)
from opq_intranet.core.admin_history import ReadOnlyHistoryAdmin, ReadOnlyMixin


class LinkInline(ReadOnlyMixin, admin.TabularInline):
    model = CandidateLink
    fields = ("order", "kind", "details", "declared_on")
    readonly_fields = fields
    extra = 0


@admin.register(Candidate)
class CandidateAdmin(ReadOnlyHistoryAdmin):
    list_display = ("last_name", "first_name", "region", "status", "received_on")
    list_filter = ("status", "region")
    search_fields = ("last_name", "first_name")
    inlines = [LinkInline]


class SeatInline(ReadOnlyMixin, admin.TabularInline):
    model = Seat
    fields = ("number", "is_active")
    readonly_fields = fields
    extra = 0


@admin.register(Body)
class BodyAdmin(ReadOnlyHistoryAdmin):
    list_display = ("name", "kind", "order", "size", "office_seats", "term_years", "is_active")
    list_filter = ("kind", "is_active")
    search_fields = ("name", "order__name")
    list_select_related = ("order",)
    inlines = [SeatInline]


@admin.register(Term)
class TermAdmin(ReadOnlyHistoryAdmin):
    list_display = ("candidate", "seat", "starts_on", "ends_on", "ended_on", "end_reason")
    list_filter = ("end_reason", "seat__body__kind")
    search_fields = ("candidate__last_name", "seat__body__name")
    list_select_related = ("candidate", "seat__body")
    date_hierarchy = "starts_on"


@admin.register(AppointmentDecision)
class AppointmentDecisionAdmin(ReadOnlyHistoryAdmin):
    list_display = ("resolution_number", "decided_on")
    search_fields = ("resolution_number",)
    date_hierarchy = "decided_on"


@admin.register(Proposal)
class ProposalAdmin(ReadOnlyHistoryAdmin):
    list_display = ("candidate", "seat", "status", "proposed_on", "closed_on")
    list_filter = ("status",)
    list_select_related = ("candidate", "seat__body")


@admin.register(Obligation)
class ObligationAdmin(ReadOnlyHistoryAdmin):
    list_display = ("term", "kind", "due_on", "completed_on")
    list_filter = ("kind",)
    list_select_related = ("term__candidate", "term__seat__body")
    date_hierarchy = "due_on"


@admin.register(TrainingSession)
class TrainingSessionAdmin(ReadOnlyHistoryAdmin):
    list_display = ("title", "held_on", "place")
    date_hierarchy = "held_on"


class AttendanceInline(ReadOnlyMixin, admin.TabularInline):
    model = Attendance
    fields = ("term", "present", "arrived_late", "left_early", "hours_attended")
    readonly_fields = fields
    extra = 0


@admin.register(Meeting)
class MeetingAdmin(ReadOnlyHistoryAdmin):
    list_display = ("body", "kind", "held_on", "hours")
    list_filter = ("kind",)
    search_fields = ("body__name",)
    list_select_related = ("body",)
    date_hierarchy = "held_on"
    inlines = [AttendanceInline]


@admin.register(AllowanceRate)
class AllowanceRateAdmin(ReadOnlyHistoryAdmin):
    list_display = ("meeting_kind", "min_hours", "amount", "valid_from")
    list_filter = ("meeting_kind",)


@admin.register(PurgeLog)
class PurgeLogAdmin(ReadOnlyMixin, admin.ModelAdmin):
    list_display = ("candidate", "purged_at", "status", "closed_on")
    list_filter = ("status",)
    date_hierarchy = "purged_at"
