"""The art. 115.8 compilation: for a period, month by month and per council, what the senior
chair reports on each council's activity (Code des professions, art. 115.8).

Every figure is counted once here; the page, the PDF and the workbook draw the same tables.
An event belongs to the month (and the council) it happened in:

- a hearing day is a day on which at least one hearing of the council was held; its hours are
  the hours of the hearings held that day;
- a postponement granted is a hearing of the month that was postponed;
- a complaint had a management conference, or was heard, when such a hearing of it was held
  in the month (a complaint heard twice in a month counts once; over the period, once too);
- a matter is taken under advisement on the day the council reserves its decision;
  the time under advisement is that of the decisions rendered in the month;
- decisions count by nature (their stage) when rendered; a decision is appealed in the month
  the appeal is filed;
- the delay from receipt to the start of the hearing is counted for the complaints whose first
  hearing on the merits (not a management conference) was held in the month; the delay to a
  decision, for the decisions rendered in the month. Delays are in calendar days.
"""

from collections import Counter
from dataclasses import dataclass, field

from django.urls import reverse
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from discipline.choices import MERITS_HEARINGS, DecisionStage, HearingKind, HearingOutcome, HearingVenue
from discipline.models import Appeal, Case, Council, Decision, Hearing
from discipline.selectors.report_tables import (
    Delays,
    ReportRow,
    ReportTable,
    aware_bounds,
    first_merits_hearings,
    local_day,
    month_end,
    months_between,
)

MAX_MONTHS = 36


@dataclass
class Cell:
    """The figures of one council for one month (or of several, for the totals)."""

    hearing_days: set = field(default_factory=set)  # {(council id, day)}
    hearing_minutes: int = 0
    postponements: int = 0
    management_cases: set = field(default_factory=set)
    heard_cases: set = field(default_factory=set)
    advisements: int = 0
    advisement: Delays = field(default_factory=Delays)
    decisions: Counter = field(default_factory=Counter)
    appeals: int = 0
    to_hearing: Delays = field(default_factory=Delays)
    to_decision: dict = field(default_factory=lambda: {stage: Delays() for stage in DecisionStage.values})

    @property
    def average_hours(self):
        days = len(self.hearing_days)
        return round(self.hearing_minutes / 60 / days, 1) if days else None


@dataclass
class HeardComplaint:
    """A hearing on the merits held: the "places and dates" of the complaints heard."""

    council: object
    case_id: int
    case_number: str
    day: object
    place: str
    kind: str


@dataclass
class Compilation:
    first: object
    last: object
    council: object  # the council chosen, or None for all
    months: list
    councils: list
    cells: dict  # {(council id or None, month or None): Cell}
    heard: list

    def cell(self, council_id=None, month=None):
        return self.cells.get((council_id, month)) or Cell()

    def tables(self):
        return compilation_tables(self)


def compilation(first, last, *, council=None):
    """The compilation from the first day of `first`'s month to the last of `last`'s, for one
    council or all: a constant number of queries, whatever the period."""
    months = months_between(first, last)
    first, last = months[0], month_end(months[-1])
    start, end = aware_bounds(first, last)
    cells = {}

    def cells_of(council_id, day):
        month = day.replace(day=1)
        for key in ((council_id, month), (council_id, None), (None, month), (None, None)):
            yield cells.setdefault(key, Cell())

    def scoped(queryset, path="case__council"):
        return queryset.filter(**{path: council}) if council is not None else queryset

    heard = []
    hearings = (
        scoped(
            Hearing.objects.filter(
                starts_at__gte=start, starts_at__lt=end, outcome__in=(HearingOutcome.HELD, HearingOutcome.POSTPONED)
            )
        )
        .order_by()
        .values_list(
            "case__council_id", "case_id", "case__number", "kind", "outcome", "starts_at", "ends_at", "venue", "room"
        )
    )
    for council_id, case_id, number, kind, outcome, starts_at, ends_at, venue, room in hearings:
        day = local_day(starts_at)
        for cell in cells_of(council_id, day):
            if outcome == HearingOutcome.POSTPONED:
                cell.postponements += 1
                continue
            cell.hearing_days.add((council_id, day))
            cell.hearing_minutes += int((ends_at - starts_at).total_seconds() // 60)
            if kind == HearingKind.MANAGEMENT:
                cell.management_cases.add(case_id)
            elif kind in MERITS_HEARINGS:
                cell.heard_cases.add(case_id)
        if outcome == HearingOutcome.HELD and kind in MERITS_HEARINGS:
            site = str(HearingVenue(venue).label)
            place = f"{site}, {room}" if room else site
            heard.append((council_id, case_id, number, day, place, kind))

    first_merits = (
        scoped(first_merits_hearings(start, end))
        .order_by()
        .values_list("case__council_id", "case__filed_on", "starts_at")
    )
    for council_id, filed_on, first_start in first_merits:
        day = local_day(first_start)
        for cell in cells_of(council_id, day):
            cell.to_hearing.add(filed_on, day)

    reserved = (
        scoped(Decision.objects.filter(advisement_on__range=(first, last)))
        .order_by()
        .values_list("case__council_id", "advisement_on")
    )
    pending = (
        scoped(Case.objects.filter(advisement_since__range=(first, last)), "council")
        .order_by()
        .values_list("council_id", "advisement_since")
    )
    for council_id, day in [*reserved, *pending]:
        for cell in cells_of(council_id, day):
            cell.advisements += 1

    decisions = (
        scoped(Decision.objects.filter(rendered_on__range=(first, last)))
        .order_by()
        .values_list("case__council_id", "stage", "advisement_on", "rendered_on", "case__filed_on")
    )
    for council_id, stage, advisement_on, rendered_on, filed_on in decisions:
        for cell in cells_of(council_id, rendered_on):
            cell.decisions[stage] += 1
            cell.advisement.add(advisement_on, rendered_on)
            cell.to_decision[stage].add(filed_on, rendered_on)

    appeals = (
        scoped(Appeal.objects.filter(filed_on__range=(first, last)))
        .order_by()
        .values_list("case__council_id", "filed_on")
    )
    for council_id, filed_on in appeals:
        for cell in cells_of(council_id, filed_on):
            cell.appeals += 1

    council_ids = {key[0] for key in cells if key[0] is not None}
    councils = list(Council.objects.filter(pk__in=council_ids).select_related("order").order_by("number"))
    by_id = {c.pk: c for c in councils}
    heard_complaints = [
        HeardComplaint(by_id[council_id], case_id, number, day, place, HearingKind(kind).label)
        for council_id, case_id, number, day, place, kind in sorted(heard, key=lambda h: (h[3], h[2]))
    ]
    return Compilation(first, last, council, months, councils, cells, heard_complaints)


# --- The tables ------------------------------------------------------------------------------


def _hearing_values(cell):
    return [
        len(cell.hearing_days),
        cell.average_hours,
        cell.postponements,
        len(cell.management_cases),
        len(cell.heard_cases),
        cell.advisements,
        cell.advisement.average,
    ]


def _decision_values(cell):
    counts = [cell.decisions.get(stage, 0) for stage in DecisionStage.values]
    return [*counts, sum(counts), cell.appeals]


def _delay_values(cell):
    return [cell.to_hearing.average, *(cell.to_decision[stage].average for stage in DecisionStage.values)]


SPECS = (
    (
        "hearings",
        lambda: _("Hearings and advisement"),
        lambda: [
            _("Hearing days"),
            _("Average hours per day"),
            _("Postponements granted"),
            _("Complaints with a management conference"),
            _("Complaints heard"),
            _("Matters taken under advisement"),
            _("Average days under advisement"),
        ],
        _hearing_values,
    ),
    (
        "decisions",
        lambda: _("Decisions by nature"),
        lambda: [*DecisionStage.labels, _("All decisions"), _("Decisions appealed")],
        _decision_values,
    ),
    (
        "delays",
        lambda: _("Average delays from receipt of the complaint (days)"),
        lambda: [_("To the start of the hearing"), *(_("To the %(decision)s") % {"decision": label.lower()}
                                                      for label in DecisionStage.labels)],
        _delay_values,
    ),
)  # fmt: skip


def _council_url(compilation, council):
    return (
        reverse("discipline:compilation")
        + f"?from={compilation.first:%Y-%m}&to={compilation.last:%Y-%m}&council={council.pk}"
    )


def compilation_tables(compilation):
    """Month by month, then per council (when all are shown), each with its total row."""
    tables = []
    for key, title, columns, values in SPECS:
        by_month = ReportTable(f"{key}-by-month", title(), columns(), first_column=_("Month"))
        for month in compilation.months:
            by_month.rows.append(
                ReportRow(date_format(month, "YEAR_MONTH_FORMAT"), values(compilation.cell(month=month)))
            )
        by_month.rows.append(ReportRow(_("Period"), values(compilation.cell()), is_total=True))
        tables.append(by_month)
    if compilation.council is None:
        for key, title, columns, values in SPECS:
            by_council = ReportTable(
                f"{key}-by-council",
                _("%(title)s, per council") % {"title": title()},
                columns(),
                first_column=_("Council"),
            )
            for council in compilation.councils:
                by_council.rows.append(
                    ReportRow(
                        str(council), values(compilation.cell(council.pk)), url=_council_url(compilation, council)
                    )
                )
            by_council.rows.append(ReportRow(_("All councils"), values(compilation.cell()), is_total=True))
            tables.append(by_council)
    return tables
