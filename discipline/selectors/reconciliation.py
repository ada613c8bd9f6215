"""The reconciliation with the BDSP: for each order and reporting year, the section 18 counts the
order declared in its accepted annual return (Règlement sur le rapport annuel, C-26, r. 8)
beside the same counts computed from the Bureau's cases, every difference linked to the cases
behind the computed figure.

The BDSP is read through its selector (`bdsp.selectors.declared_figures`), never its tables.
The period is the fiscal year the order's return covers (ending on its `fiscal_year_end`, 31
March of the reporting year when left blank). Computed as the orders count:

- hearing days: days on which a hearing of the council was held;
- complaints received, by complainant: filed in the period, the syndic (or an assistant or
  ad hoc syndic) or another person (a private complaint);
- decisions by outcome: a decision on guilt that finds the respondent guilty on a count
  (guilty) or on none (acquittal); a complaint withdrawn or rejected on preliminary grounds;
- sanctions imposed: each sanction of a decision rendered in the period, by the BDSP's type;
- decisions taken under advisement, and those rendered within the 90 days of art. 154.1;
- decisions appealed: appeals filed in the period (their outcome is shown, the BDSP has none).

Complaints by nature are not compared: the Bureau does not classify complaints by nature.
"""

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, timedelta

from django.db.models import Exists, OuterRef, Q
from django.urls import reverse
from django.utils.translation import gettext_lazy

from bdsp.selectors import declared_figures
from discipline.choices import (
    SYNDIC_KINDS,
    AppealOutcome,
    CaseStatus,
    DecisionStage,
    HearingOutcome,
    SanctionKind,
    Verdict,
)
from discipline.deadlines import rendered_within_advisement_delay
from discipline.models import Appeal, Case, Council, Count, Decision, Hearing, Sanction
from discipline.selectors.report_tables import aware_bounds, local_day
from discipline.selectors.yearly_report import GUILT_STAGES

# The BDSP's sanction types (its "sanction" dimension) for each sanction of art. 156.
BDSP_SANCTION = {
    SanctionKind.REPRIMAND: "reprimande",
    SanctionKind.FINE: "amende",
    SanctionKind.TEMPORARY_STRIKING_OFF: "radiation-temp",
    SanctionKind.PERMANENT_STRIKING_OFF: "radiation-perm",
    SanctionKind.RESTRICTION: "limitation",
    SanctionKind.SUSPENSION: "limitation",
}
OTHER_SANCTION = "autre"

# (indicator code, category key, label): the lines compared, in the return's order.
LINES = (
    ("audiences", "", gettext_lazy("Hearing days")),
    ("plaintes-plaignant", "syndic", gettext_lazy("Complaints received from the syndic")),
    ("plaintes-plaignant", "autre", gettext_lazy("Complaints received from another person")),
    ("plaintes-plaignant", "", gettext_lazy("Complaints received")),
    ("decisions-issue", "culpabilite", gettext_lazy("Decisions: guilty")),
    ("decisions-issue", "acquittement", gettext_lazy("Decisions: acquittal")),
    ("decisions-issue", "retrait", gettext_lazy("Decisions: complaint withdrawn or rejected")),
    ("decisions-issue", "", gettext_lazy("Decisions rendered")),
    ("decisions-sanction", "reprimande", gettext_lazy("Sanctions: reprimand")),
    ("decisions-sanction", "amende", gettext_lazy("Sanctions: fine")),
    ("decisions-sanction", "radiation-temp", gettext_lazy("Sanctions: temporary striking off")),
    ("decisions-sanction", "radiation-perm", gettext_lazy("Sanctions: permanent striking off")),
    ("decisions-sanction", "limitation", gettext_lazy("Sanctions: restriction or suspension")),
    ("decisions-sanction", "autre", gettext_lazy("Sanctions: other")),
    ("decisions-sanction", "", gettext_lazy("Sanctions imposed")),
    ("decisions-delibere", "", gettext_lazy("Decisions taken under advisement")),
    ("decisions-90-jours", "", gettext_lazy("Of which rendered within 90 days of advisement")),
    ("appels", "", gettext_lazy("Decisions appealed to the Tribunal des professions")),
)
CODES = sorted({code for code, _key, _label in LINES})


@dataclass
class Figure:
    value: int = 0
    cases: set = field(default_factory=set)


@dataclass
class Line:
    code: str
    key: str
    label: str
    declared: object  # Decimal, or None when there is no return or the cell is blank
    computed: int
    case_ids: list
    compared: bool  # whether the order has an accepted return to compare with
    links: list = field(default_factory=list)  # [(case number, url)], on one council's page

    @property
    def difference(self):
        # A blank cell of an accepted return declares nothing: 0.
        return self.computed - int(self.declared or 0) if self.compared else None

    @property
    def differs(self):
        return self.difference not in (None, 0)


@dataclass
class OrderReconciliation:
    council: object
    year: int
    first: object
    last: object
    has_return: bool
    lines: list
    appeal_outcomes: list  # [(label, count)] of the appeals filed in the period

    @property
    def differences(self):
        return [line for line in self.lines if line.differs]


def period_of(year, fiscal_year_end):
    last = fiscal_year_end or date(year, 3, 31)
    try:
        first = last.replace(year=last.year - 1) + timedelta(days=1)
    except ValueError:  # 29 February
        first = last.replace(year=last.year - 1, day=28) + timedelta(days=1)
    return first, last


def computed_figures(first, last, council_ids):
    """{council id: {(code, key): Figure}} from the cases of the councils, for the period."""
    figures = defaultdict(lambda: defaultdict(Figure))
    start, end = aware_bounds(first, last)
    days = defaultdict(set)
    held = (
        Hearing.objects.filter(
            case__council_id__in=council_ids, outcome=HearingOutcome.HELD, starts_at__gte=start, starts_at__lt=end
        )
        .order_by()
        .values_list("case__council_id", "case_id", "starts_at")
    )
    for council_id, case_id, starts_at in held:
        days[council_id].add(local_day(starts_at))
        figures[council_id][("audiences", "")].cases.add(case_id)
    for council_id, council_days in days.items():
        figures[council_id][("audiences", "")].value = len(council_days)

    def add(council_id, code, key, case_id):
        for cell_key in {(code, key), (code, "")}:
            figure = figures[council_id][cell_key]
            figure.value += 1
            figure.cases.add(case_id)

    # One query for the complaints received and those withdrawn in the period.
    received_or_withdrawn = (
        Case.objects.filter(
            Q(filed_on__range=(first, last)) | Q(status=CaseStatus.WITHDRAWN, closed_on__range=(first, last)),
            council_id__in=council_ids,
        )
        .order_by()
        .values_list("council_id", "pk", "complainant_kind", "filed_on", "status", "closed_on")
    )
    for council_id, case_id, kind, filed_on, status, closed_on in received_or_withdrawn:
        if first <= filed_on <= last:
            add(council_id, "plaintes-plaignant", "syndic" if kind in SYNDIC_KINDS else "autre", case_id)
        if status == CaseStatus.WITHDRAWN and closed_on and first <= closed_on <= last:
            add(council_id, "decisions-issue", "retrait", case_id)

    guilty = Count.objects.filter(case=OuterRef("case"), verdict=Verdict.GUILTY)
    decisions = (
        Decision.objects.filter(case__council_id__in=council_ids, rendered_on__range=(first, last))
        .annotate(finds_guilt=Exists(guilty))
        .values_list("case__council_id", "case_id", "stage", "advisement_on", "rendered_on", "finds_guilt")
    )
    for council_id, case_id, stage, advisement_on, rendered_on, finds_guilt in decisions:
        if stage in GUILT_STAGES:
            add(council_id, "decisions-issue", "culpabilite" if finds_guilt else "acquittement", case_id)
        elif stage == DecisionStage.PRELIMINARY:
            add(council_id, "decisions-issue", "retrait", case_id)
        if advisement_on is not None:
            add(council_id, "decisions-delibere", "", case_id)
            if rendered_within_advisement_delay(advisement_on, rendered_on):
                add(council_id, "decisions-90-jours", "", case_id)

    sanctions = (
        Sanction.objects.filter(decision__case__council_id__in=council_ids, decision__rendered_on__range=(first, last))
        .order_by()
        .values_list("decision__case__council_id", "decision__case_id", "kind")
    )
    for council_id, case_id, kind in sanctions:
        add(council_id, "decisions-sanction", BDSP_SANCTION.get(kind, OTHER_SANCTION), case_id)

    appeals = (
        Appeal.objects.filter(case__council_id__in=council_ids, filed_on__range=(first, last))
        .order_by()
        .values_list("case__council_id", "case_id", "outcome")
    )
    for council_id, case_id, outcome in appeals:
        add(council_id, "appels", "", case_id)
        add(council_id, "appels-issue", outcome, case_id)
    return figures


def _lines(declared_numbers, computed):
    lines = []
    for code, key, label in LINES:
        figure = computed.get((code, key)) or Figure()
        declared = declared_numbers.get((code, key)) if declared_numbers is not None else None
        compared = declared_numbers is not None
        lines.append(Line(code, key, str(label), declared, figure.value, sorted(figure.cases), compared))
    return lines


def _appeal_outcomes(computed):
    return [
        (label, computed[("appels-issue", outcome)].value)
        for outcome, label in AppealOutcome.choices
        if ("appels-issue", outcome) in computed
    ]


def _reconciled(year, councils):
    """The reconciliation of `councils`, grouped by the fiscal year their returns cover (one
    set of queries per period; every return of the seed and of the orders ends on 31 March)."""
    declared = declared_figures(year, CODES)
    by_period = defaultdict(list)
    for council in councils:
        figures = declared.get(council.order_id)
        by_period[period_of(year, figures.fiscal_year_end if figures else None)].append(council)
    results = []
    for (first, last), group in by_period.items():
        computed = computed_figures(first, last, [c.pk for c in group])
        for council in group:
            figures = declared.get(council.order_id)
            of_council = computed.get(council.pk, {})
            results.append(
                OrderReconciliation(
                    council=council,
                    year=year,
                    first=first,
                    last=last,
                    has_return=figures is not None,
                    lines=_lines(figures.numbers if figures else None, of_council),
                    appeal_outcomes=_appeal_outcomes(of_council),
                )
            )
    results.sort(key=lambda r: r.council.number)
    return results


def reconciliation(year):
    """Every council's reconciliation for reporting year `year`: a constant number of queries.
    Orders with no accepted return are compared with nothing (their declared side is empty)."""
    return _reconciled(year, list(Council.objects.select_related("order").order_by("number")))


def order_reconciliation(year, council):
    """One council's reconciliation, with the numbers of the cases linked to its lines."""
    (result,) = _reconciled(year, [council])
    linked = {pk for line in result.lines for pk in line.case_ids}
    numbers = dict(Case.objects.filter(pk__in=linked).order_by().values_list("pk", "number"))
    for line in result.lines:
        line.links = [(numbers.get(pk, ""), reverse("discipline:case_detail", args=[pk])) for pk in line.case_ids]
    return result
