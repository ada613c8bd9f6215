"""Retention arithmetic: when a file goes semi-active and when it reaches its final disposal.

Pure functions over dates, so each case can be checked by hand. The conventions, as in
Quebec retention schedules and Constellio:

- A period in years counts from the end of the counting year in which its starting date
  falls (RECORDS_YEAR_END, 31 December unless set): a file closed on 2020-06-15 with an
  active period of 2 years becomes semi-active on 2022-12-31.
- The active period starts at the file's opening, its closing, or an event recorded on the
  file (say, the end of an employment), as the copy rule says.
- 888 ("open"): the period lasts as long as the file is open; it ends with the counting
  year in which the file is closed. 999 ("until replaced"): it lasts until the record is
  replaced; it ends with the counting year of the replacement (the file's event date).
- The semi-active period follows the active one; a semi-active period of 0 sends the file
  from active straight to its final disposal.
- A date that depends on something not yet known (a file still open, an event not yet
  recorded) is None, with the reason.
- A secondary copy without its own rule follows the principal copy's. A hybrid file
  follows the later of its paper and digital dates and the stronger disposal (C > T > D).
"""

from dataclasses import dataclass
from datetime import date

from django.conf import settings
from django.utils.translation import gettext_lazy as _

from documents.choices import (
    DISPOSAL_STRENGTH,
    PERIOD_OPEN,
    PERIOD_UNTIL_REPLACED,
    CopyKind,
    FileMedium,
    Medium,
    PeriodBasis,
)

WAITING_FOR_CLOSING = _("waiting for the file to be closed")
WAITING_FOR_EVENT = _("waiting for the event the rule counts from")
WAITING_FOR_REPLACEMENT = _("waiting for the record to be replaced")
NO_RULE = _("no retention rule for this copy and medium")


@dataclass(frozen=True)
class FileDates:
    opened_on: date | None
    closed_on: date | None = None
    event_on: date | None = None


@dataclass(frozen=True)
class Schedule:
    semi_active_on: date | None  # None: no semi-active stage, or not computable yet
    disposal_on: date | None
    final_disposal: str  # FinalDisposal value, "" without a rule
    pending: str = ""  # why a date is not known yet


def counting_year_end(day):
    """The end of the counting year in which `day` falls."""
    month, last_day = settings.RECORDS_YEAR_END
    end = date(day.year, month, last_day)
    return end if day <= end else date(day.year + 1, month, last_day)


def _plus_years(year_end, years):
    return year_end.replace(year=year_end.year + years)


def _period_end(period, start_year_end, dates):
    """(end of a period that starts at `start_year_end`, or None, reason)."""
    if period == PERIOD_OPEN:
        if dates.closed_on is None:
            return None, WAITING_FOR_CLOSING
        return max(start_year_end, counting_year_end(dates.closed_on)), ""
    if period == PERIOD_UNTIL_REPLACED:
        if dates.event_on is None:
            return None, WAITING_FOR_REPLACEMENT
        return max(start_year_end, counting_year_end(dates.event_on)), ""
    return _plus_years(start_year_end, period), ""


def _basis_date(copy_rule, dates):
    if copy_rule.active_basis == PeriodBasis.OPENING:
        return dates.opened_on, ""
    if copy_rule.active_basis == PeriodBasis.CLOSING:
        return dates.closed_on, WAITING_FOR_CLOSING
    return dates.event_on, WAITING_FOR_EVENT


def schedule_for_copy(copy_rule, dates):
    """The Schedule of one copy rule applied to a file's dates."""
    basis, waiting = _basis_date(copy_rule, dates)
    if basis is None:
        return Schedule(None, None, copy_rule.final_disposal, waiting)
    active_end, pending = _period_end(copy_rule.active_period, counting_year_end(basis), dates)
    if active_end is None:
        return Schedule(None, None, copy_rule.final_disposal, pending)
    if copy_rule.semi_active_period == 0:
        return Schedule(None, active_end, copy_rule.final_disposal)
    disposal_on, pending = _period_end(copy_rule.semi_active_period, active_end, dates)
    return Schedule(active_end, disposal_on, copy_rule.final_disposal, pending)


def pick_copy_rule(copy_rules, copy_kind, medium):
    """The copy rule for a copy and medium; a secondary copy falls back on the principal's."""
    by_key = {(c.copy_kind, c.medium): c for c in copy_rules}
    return by_key.get((copy_kind, medium)) or by_key.get((CopyKind.PRINCIPAL, medium))


def schedule_for_file(copy_rules, *, copy_kind, medium, dates):
    """The Schedule of a file: its copy (principal or secondary) on its medium or media."""
    media = [Medium.PAPER, Medium.DIGITAL] if medium == FileMedium.HYBRID else [medium]
    schedules = []
    for one in media:
        copy_rule = pick_copy_rule(copy_rules, copy_kind, one)
        if copy_rule is None:
            return Schedule(None, None, "", NO_RULE)
        schedules.append(schedule_for_copy(copy_rule, dates))
    if len(schedules) == 1:
        return schedules[0]
    strongest = max((s.final_disposal for s in schedules), key=DISPOSAL_STRENGTH.get)
    pending = next((s.pending for s in schedules if s.pending), "")
    if pending:
        return Schedule(None, None, strongest, pending)
    semi_active = [s.semi_active_on for s in schedules if s.semi_active_on]
    return Schedule(
        semi_active_on=max(semi_active) if semi_active else None,
        disposal_on=max(s.disposal_on for s in schedules),
        final_disposal=strongest,
    )
