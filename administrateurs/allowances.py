"""The attendance allowances, in one place: the meeting's page, the allowances page, its
exports and the appointee's PDF statement all read these functions.

The rate of an attendance: among the rates of the meeting's kind in force on the meeting's day
(valid_from on or before it), those of the latest valid_from; among those, the one with the
highest threshold (min_hours) the hours counted reach. The hours counted are the hours attended
when the appointee arrived late or left early, else the meeting's duration. An absent appointee
is owed nothing; a present one for whom no rate applies is owed nothing either, and the line
says "no rate" so that someone adds the missing rate.

Totals per appointee over a period cost two queries whatever the number of meetings: the
attendances (with their meeting, body and appointee) and the rate table, matched in memory."""

from dataclasses import dataclass, field
from decimal import Decimal

from django.utils import formats
from django.utils.translation import gettext as _

from administrateurs.models import AllowanceRate, Attendance

ZERO = Decimal("0.00")


@dataclass(frozen=True)
class Allowance:
    amount: Decimal
    hours: Decimal  # hours counted
    rate: AllowanceRate | None = None
    no_rate: bool = False


@dataclass
class Line:
    """One attended meeting of an appointee, and what it pays."""

    attendance: Attendance
    allowance: Allowance

    @property
    def meeting(self):
        return self.attendance.meeting

    @property
    def candidate(self):
        return self.attendance.term.candidate


@dataclass
class AppointeeTotal:
    candidate: object
    lines: list = field(default_factory=list)

    @property
    def meetings(self):
        return len(self.lines)

    @property
    def total(self):
        return sum((line.allowance.amount for line in self.lines), ZERO)

    @property
    def no_rate(self):
        return sum(1 for line in self.lines if line.allowance.no_rate)

    @property
    def bodies(self):
        return list(dict.fromkeys(line.meeting.body.name for line in self.lines))


def rate_table(rates=None):
    """{meeting kind: [rates]} of the whole table (one query), or of the `rates` given."""
    table = {}
    for rate in AllowanceRate.objects.all() if rates is None else rates:
        table.setdefault(rate.meeting_kind, []).append(rate)
    return table


def hours_counted(attendance, meeting):
    if not attendance.present:
        return ZERO
    if (attendance.arrived_late or attendance.left_early) and attendance.hours_attended is not None:
        return attendance.hours_attended
    return meeting.hours


def rate_for(table, kind, day, hours):
    """The rate that applies to a meeting of `kind` on `day` for `hours` counted, or None."""
    in_force = [rate for rate in table.get(kind, ()) if rate.valid_from <= day]
    if not in_force:
        return None
    latest = max(rate.valid_from for rate in in_force)
    reached = [rate for rate in in_force if rate.valid_from == latest and rate.min_hours <= hours]
    return max(reached, key=lambda rate: rate.min_hours, default=None)


def allowance_for(attendance, table, meeting=None):
    meeting = meeting or attendance.meeting
    if not attendance.present:
        return Allowance(ZERO, ZERO)
    hours = hours_counted(attendance, meeting)
    rate = rate_for(table, meeting.kind, meeting.held_on, hours)
    if rate is None:
        return Allowance(ZERO, hours, no_rate=True)
    return Allowance(rate.amount, hours, rate)


def period_lines(start, end, *, body=None, candidate=None):
    """Every attended meeting from `start` to `end` (inclusive) with its allowance, by appointee
    then date: two queries."""
    attendances = (
        Attendance.objects.filter(present=True, meeting__held_on__range=(start, end))
        .select_related("meeting__body", "term__candidate")
        .order_by(
            "term__candidate__last_name",
            "term__candidate__first_name",
            "term__candidate_id",
            "meeting__held_on",
            "meeting__body__name",
            "pk",
        )
    )
    if body is not None:
        attendances = attendances.filter(meeting__body=body)
    if candidate is not None:
        attendances = attendances.filter(term__candidate=candidate)
    attendances = list(attendances)
    table = rate_table() if attendances else {}
    return [Line(attendance, allowance_for(attendance, table)) for attendance in attendances]


def totals_by_appointee(lines):
    """One AppointeeTotal per appointee, in the lines' order."""
    totals = {}
    for line in lines:
        candidate = line.candidate
        totals.setdefault(candidate.pk, AppointeeTotal(candidate)).lines.append(line)
    return list(totals.values())


def period_total(lines):
    return sum((line.allowance.amount for line in lines), ZERO)


# --- How the lines read (the page, the exports, the statement) -----------------------------------


def hours_text(hours):
    """3 → "3", 2.5 → "2,5" (in French)."""
    value = Decimal(hours).quantize(Decimal("0.01"))
    value = value.to_integral() if value == value.to_integral() else value.normalize()
    return formats.number_format(value, use_l10n=True, force_grouping=True)


def rate_text(allowance):
    """How a line names its rate: "≥ 4 h, in force from 2025-04-01", or "no rate"."""
    if allowance.rate is None:
        return _("no rate") if allowance.no_rate else "—"
    return _("≥ %(hours)s h, in force from %(date)s") % {
        "hours": hours_text(allowance.rate.min_hours),
        "date": formats.date_format(allowance.rate.valid_from, "SHORT_DATE_FORMAT"),
    }


def payment_rows(lines):
    """The payment export: a header row, then one row per attended meeting."""
    yield [_("Appointee"), _("Body"), _("Meeting date"), _("Kind"), _("Hours counted"), _("Rate"), _("Amount")]
    for line in lines:
        meeting = line.meeting
        yield [
            str(line.candidate),
            meeting.body.name,
            meeting.held_on,
            meeting.get_kind_display(),
            line.allowance.hours,
            rate_text(line.allowance),
            line.allowance.amount,
        ]
