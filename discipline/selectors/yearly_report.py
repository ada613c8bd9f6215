"""The Bureau's yearly report (reddition de compte) for a fiscal year (1 April to 31 March, as
the Office and the orders report): complaints filed by complainant, decisions rendered,
sanctions by type, the average and median delays per stage, and the share of decisions
rendered within 90 days of advisement (art. 154.1), per council and overall.

Each figure is counted in the year its event happened: a complaint when filed, a decision and
its sanctions when rendered, a delay to service when served, a delay to the hearing when the
complaint's first hearing on the merits was held. Delays are in calendar days.
"""

from collections import Counter
from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from discipline.choices import ComplainantKind, DecisionStage, SanctionKind
from discipline.deadlines import rendered_within_advisement_delay
from discipline.models import Case, Chair, Council, Decision, Sanction
from discipline.selectors.report_tables import (
    Delays,
    ReportRow,
    ReportTable,
    aware_bounds,
    first_merits_hearings,
    fiscal_year,
    fiscal_year_label,
    local_day,
    share,
)

GUILT_STAGES = (DecisionStage.GUILT, DecisionStage.GUILT_AND_SANCTION)
SANCTION_STAGES = (DecisionStage.SANCTION, DecisionStage.GUILT_AND_SANCTION)


@dataclass
class YearFigures:
    complaints: Counter = field(default_factory=Counter)  # by complainant kind
    decisions: Counter = field(default_factory=Counter)  # by stage
    sanctions: Counter = field(default_factory=Counter)  # by kind
    to_service: Delays = field(default_factory=Delays)
    to_hearing: Delays = field(default_factory=Delays)
    to_guilt: Delays = field(default_factory=Delays)
    to_sanction: Delays = field(default_factory=Delays)
    advisement: Delays = field(default_factory=Delays)
    within_90_days: int = 0  # decisions rendered within art. 154.1's delay (deadlines.py)

    @property
    def share_within_90_days(self):
        return share(self.within_90_days, self.advisement.count)


@dataclass
class YearlyReport:
    year: int
    first: object
    last: object
    councils: list
    figures: dict  # {council id or None (all): YearFigures}
    chairs: list = field(default_factory=list)
    by_chair: dict = field(default_factory=dict)  # {chair id: YearFigures} (delays only)

    @property
    def label(self):
        return fiscal_year_label(self.year)

    def of(self, council_id=None):
        return self.figures.get(council_id) or YearFigures()

    def tables(self):
        return yearly_tables(self)

    def charts(self):
        """What the page draws (the overall figures), as Chart.js reads them."""
        overall = self.of()
        charts = [
            {
                "id": "chart-complaints",
                "title": _("Complaints filed by complainant"),
                "labels": [str(label) for label in ComplainantKind.labels],
                "data": [overall.complaints.get(kind, 0) for kind in ComplainantKind.values],
            },
            {
                "id": "chart-decisions",
                "title": _("Decisions rendered"),
                "labels": [str(label) for label in DecisionStage.labels],
                "data": [overall.decisions.get(stage, 0) for stage in DecisionStage.values],
            },
            {
                "id": "chart-sanctions",
                "title": _("Sanctions imposed"),
                "labels": [str(label) for label in SanctionKind.labels],
                "data": [overall.sanctions.get(kind, 0) for kind in SanctionKind.values],
            },
        ]
        for chart in charts:
            chart["source"] = f"{chart['id']}-data"
        return charts


def yearly_report(year):
    """The report of fiscal year `year` (April `year - 1` to March `year`): seven queries."""
    first, last = fiscal_year(year)
    start, end = aware_bounds(first, last)
    figures, by_chair = {}, {}

    def figures_of(council_id, chair_id=False):
        found = [figures.setdefault(council_id, YearFigures()), figures.setdefault(None, YearFigures())]
        if chair_id is not False:  # the delays are watched per chair too (art. 115.7)
            found.append(by_chair.setdefault(chair_id, YearFigures()))
        return found

    for council_id, kind in (
        Case.objects.filter(filed_on__range=(first, last)).order_by().values_list("council_id", "complainant_kind")
    ):
        for f in figures_of(council_id):
            f.complaints[kind] += 1
    for council_id, filed_on, served_on in (
        Case.objects.filter(served_on__range=(first, last))
        .order_by()
        .values_list("council_id", "filed_on", "served_on")
    ):
        for f in figures_of(council_id):
            f.to_service.add(filed_on, served_on)
    first_merits = (
        first_merits_hearings(start, end)
        .order_by()
        .values_list("case__council_id", "case__chair_id", "case__filed_on", "starts_at")
    )
    for council_id, chair_id, filed_on, first_start in first_merits:
        for f in figures_of(council_id, chair_id):
            f.to_hearing.add(filed_on, local_day(first_start))
    decisions = (
        Decision.objects.filter(rendered_on__range=(first, last))
        .order_by()
        .values_list("case__council_id", "case__chair_id", "stage", "advisement_on", "rendered_on", "case__filed_on")
    )
    for council_id, chair_id, stage, advisement_on, rendered_on, filed_on in decisions:
        for f in figures_of(council_id, chair_id):
            f.decisions[stage] += 1
            f.advisement.add(advisement_on, rendered_on)
            if advisement_on is not None and rendered_within_advisement_delay(advisement_on, rendered_on):
                f.within_90_days += 1
            if stage in GUILT_STAGES:
                f.to_guilt.add(filed_on, rendered_on)
            if stage in SANCTION_STAGES:
                f.to_sanction.add(filed_on, rendered_on)
    for council_id, kind in (
        Sanction.objects.filter(decision__rendered_on__range=(first, last))
        .order_by()
        .values_list("decision__case__council_id", "kind")
    ):
        for f in figures_of(council_id):
            f.sanctions[kind] += 1
    council_ids = [key for key in figures if key is not None]
    councils = list(Council.objects.filter(pk__in=council_ids).select_related("order").order_by("number"))
    chairs = list(Chair.objects.filter(pk__in=[pk for pk in by_chair if pk is not None]))
    return YearlyReport(year, first, last, councils, figures, chairs, by_chair)


def _delay_pair(delays):
    return [delays.average, delays.median]


def _advisement_columns():
    return [
        _("Decisions after advisement"),
        _("Rendered within 90 days"),
        _("Share within 90 days (%)"),
        _("Days under advisement: average"),
        _("Days under advisement: median"),
    ]


def _advisement_values(f):
    return [f.advisement.count, f.within_90_days, f.share_within_90_days, *_delay_pair(f.advisement)]


SPECS = (
    (
        "complaints",
        lambda: _("Complaints filed, by complainant"),
        lambda: [*ComplainantKind.labels, _("All complaints")],
        lambda f: [*(f.complaints.get(kind, 0) for kind in ComplainantKind.values), sum(f.complaints.values())],
    ),
    (
        "decisions",
        lambda: _("Decisions rendered"),
        lambda: [*DecisionStage.labels, _("All decisions")],
        lambda f: [*(f.decisions.get(stage, 0) for stage in DecisionStage.values), sum(f.decisions.values())],
    ),
    (
        "sanctions",
        lambda: _("Sanctions imposed, by type (art. 156)"),
        lambda: [*SanctionKind.labels, _("All sanctions")],
        lambda f: [*(f.sanctions.get(kind, 0) for kind in SanctionKind.values), sum(f.sanctions.values())],
    ),
    (
        "delays",
        lambda: _("Delays per stage, in days (average and median)"),
        lambda: [
            _("Receipt to service: average"),
            _("Receipt to service: median"),
            _("Receipt to the hearing: average"),
            _("Receipt to the hearing: median"),
            _("Receipt to the decision on guilt: average"),
            _("Receipt to the decision on guilt: median"),
            _("Receipt to the decision on sanction: average"),
            _("Receipt to the decision on sanction: median"),
        ],
        lambda f: [
            *_delay_pair(f.to_service),
            *_delay_pair(f.to_hearing),
            *_delay_pair(f.to_guilt),
            *_delay_pair(f.to_sanction),
        ],
    ),
    (
        "advisement",
        lambda: _("Decisions rendered after advisement (art. 154.1)"),
        _advisement_columns,
        _advisement_values,
    ),
)


def yearly_tables(report):
    tables = []
    for key, title, columns, values in SPECS:
        table = ReportTable(key, title(), columns(), first_column=_("Council"))
        for council in report.councils:
            table.rows.append(ReportRow(str(council), values(report.of(council.pk))))
        table.rows.append(ReportRow(_("All councils"), values(report.of()), is_total=True))
        tables.append(table)
    per_chair = ReportTable(
        "chairs",
        _("Delays per chair, in days"),
        [
            _("Receipt to the hearing: average"),
            _("Receipt to the hearing: median"),
            *_advisement_columns(),
        ],
        first_column=_("Chair"),
    )
    for chair in report.chairs:
        f = report.by_chair[chair.pk]
        per_chair.rows.append(ReportRow(str(chair), [*_delay_pair(f.to_hearing), *_advisement_values(f)]))
    if None in report.by_chair:
        f = report.by_chair[None]
        per_chair.rows.append(ReportRow(_("No chair assigned"), [*_delay_pair(f.to_hearing), *_advisement_values(f)]))
    tables.append(per_chair)
    return tables
