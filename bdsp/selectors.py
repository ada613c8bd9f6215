"""Read queries of the BDSP, scoped to what the person may see."""

from dataclasses import dataclass, field
from decimal import Decimal
from itertools import product

from django.db.models import Prefetch

from bdsp import permissions
from bdsp.choices import AttachmentKind, ReturnStatus, RuleKind, Severity, ValueState, ValueType, YearStatus
from bdsp.models import (
    AnnualReturn,
    ApiToken,
    Indicator,
    IndicatorDimension,
    ReportingYear,
    ReturnComment,
    ReturnValue,
    Section,
    ValidationRule,
)
from bdsp.validation import Cell, ReturnData
from opq_intranet.core.models import ProfessionalOrder

# --- The form of a year -------------------------------------------------------------------


@dataclass
class FormIndicator:
    id: int
    code: str
    label: str
    help_text: str
    value_type: str
    choices: list
    unit: str
    formula: str
    section_code: str
    dimensions: list = field(default_factory=list)  # [(code, label, [(category code, label)])]
    keys: list = field(default_factory=list)  # category keys, "" (total) excluded

    @property
    def is_derived(self):
        return bool(self.formula)

    @property
    def value_type_label(self):
        return ValueType(self.value_type).label

    def key_label(self, key):
        if not key:
            return ""
        labels = []
        for part, (_code, _label, categories) in zip(key.split("|"), self.dimensions, strict=False):
            labels.append(dict(categories).get(part, part))
        return " × ".join(labels)


@dataclass
class FormRule:
    code: str
    kind: str
    indicator_code: str
    params: dict
    severity: str
    message: str
    id: int = 0

    @property
    def kind_label(self):
        return RuleKind(self.kind).label

    @property
    def severity_label(self):
        return Severity(self.severity).label


@dataclass
class FormDefinition:
    reporting_year: ReportingYear
    sections: list  # [(Section, [FormIndicator])]
    indicators: dict  # code -> FormIndicator
    rules: list

    def category_keys(self, code):
        indicator = self.indicators.get(code)
        return indicator.keys if indicator else []


_frozen_forms = {}


def form_definition(reporting_year):
    """The year's whole form in five queries; kept in memory once the year is frozen."""
    cached = _frozen_forms.get(reporting_year.pk)
    if cached is not None and reporting_year.is_frozen:
        return cached
    sections = list(Section.objects.filter(reporting_year=reporting_year).order_by("order", "code"))
    links = IndicatorDimension.objects.select_related("dimension").prefetch_related("dimension__categories")
    indicators = Indicator.objects.filter(reporting_year=reporting_year).prefetch_related(
        Prefetch("indicatordimension_set", queryset=links.order_by("order"))
    )
    by_section = {s.pk: [] for s in sections}
    by_code = {}
    for indicator in indicators.order_by("section__order", "order", "code"):
        dimensions = [
            (
                link.dimension.code,
                link.dimension.label,
                [(c.code, c.label) for c in link.dimension.categories.all()],
            )
            for link in indicator.indicatordimension_set.all()
        ]
        keys = (
            ["|".join(combo) for combo in product(*[[c for c, _l in d[2]] for d in dimensions])] if dimensions else []
        )
        form_indicator = FormIndicator(
            id=indicator.pk,
            code=indicator.code,
            label=indicator.label,
            help_text=indicator.help_text,
            value_type=indicator.value_type,
            choices=indicator.choices,
            unit=indicator.unit,
            formula=indicator.formula,
            section_code="",
            dimensions=dimensions,
            keys=keys,
        )
        by_section[indicator.section_id].append(form_indicator)
        by_code[indicator.code] = form_indicator
    for section in sections:
        for form_indicator in by_section[section.pk]:
            form_indicator.section_code = section.code
    rules = [
        FormRule(r.code, r.kind, r.indicator.code, r.params, r.severity, r.message, r.pk)
        for r in ValidationRule.objects.filter(reporting_year=reporting_year).select_related("indicator")
    ]
    definition = FormDefinition(reporting_year, [(s, by_section[s.pk]) for s in sections], by_code, rules)
    if reporting_year.is_frozen:
        _frozen_forms[reporting_year.pk] = definition
    return definition


def open_years():
    return ReportingYear.objects.filter(status=YearStatus.OPEN)


def reporting_years():
    """Every year, the latest first."""
    return ReportingYear.objects.order_by("-year")


def current_year():
    """The current campaign: the latest open year, else the latest year (None before the first)."""
    return open_years().order_by("-year").first() or reporting_years().first()


def api_token_of(user):
    return ApiToken.objects.filter(user=user).first()


def years_for_list():
    """The yearly forms, newest first, with the year each was copied from (one query)."""
    return ReportingYear.objects.select_related("copied_from").order_by("-year")


# --- Returns ------------------------------------------------------------------------------------


def returns_visible_to(user):
    """A partner sees its own order's returns; staff with the BDSP or exchange role, all."""
    returns = AnnualReturn.objects.select_related("professional_order", "reporting_year")
    if user.is_partner:
        return returns.filter(professional_order_id=user.professional_order_id)
    if user.has_perm("accounts.view_all_orders"):
        return returns
    return returns.none()


def return_list(user):
    """The return list's rows: what the person may see, with the overdue flag (one query)."""
    return (
        returns_visible_to(user)
        .with_overdue()
        .order_by("-reporting_year__year", "professional_order__name", "-version")
    )


def startable_years(user):
    """The open years a déclarant's order has not started yet (the list's "Start" buttons)."""
    if not permissions.is_filer(user):
        return []
    return list(open_years().exclude(returns__professional_order_id=user.professional_order_id).order_by("year"))


def return_comments(annual_return):
    """The analysts' comments on a return, with their authors, oldest first."""
    return list(ReturnComment.objects.filter(annual_return=annual_return).select_related("author"))


def has_annual_report(annual_return):
    """Whether the annual report is attached (the submission page asks for it)."""
    return annual_return.attachments.filter(kind=AttachmentKind.ANNUAL_REPORT).exists()


def current_return(order, reporting_year):
    """The latest version of an order's return for a year, or None if not started."""
    return (
        AnnualReturn.objects.filter(professional_order=order, reporting_year=reporting_year)
        .order_by("-version")
        .first()
    )


def return_values(annual_return):
    """{(indicator code, category key): ReturnValue} of a return."""
    values = ReturnValue.objects.filter(annual_return=annual_return).select_related("indicator")
    return {(v.indicator.code, v.category_key): v for v in values}


def as_cell(value):
    answered = value.state != ValueState.VALUE or any(
        x not in (None, "") for x in (value.number, value.text, value.date, value.boolean)
    )
    return Cell(state=value.state, number=value.number, answered=answered, explanation=value.explanation)


def previous_year_numbers(annual_return):
    """Totals of the order's accepted return of the previous year, for year-over-year rules."""
    previous = (
        AnnualReturn.objects.filter(
            professional_order_id=annual_return.professional_order_id,
            reporting_year__year=annual_return.reporting_year.year - 1,
            status=ReturnStatus.ACCEPTED,
            superseded=False,
        )
        .order_by("-version")
        .first()
    )
    if previous is None:
        return {}
    # A total left blank last year is the sum of its categories, as the rules read it.
    totals, parts = {}, {}
    rows = ReturnValue.objects.filter(annual_return=previous).exclude(state=ValueState.NOT_APPLICABLE)
    for code, key, state, number in rows.values_list("indicator__code", "category_key", "state", "number"):
        number = Decimal(0) if state == ValueState.NO_ACTIVITY else number
        if number is None:
            continue
        if key:
            parts[code] = parts.get(code, Decimal(0)) + number
        else:
            totals[code] = number
    return {(code, ""): number for code, number in {**parts, **totals}.items()}


def return_data(annual_return, values=None):
    """The return's cells, ready for the validation rules."""
    form = form_definition(annual_return.reporting_year)
    values = values if values is not None else return_values(annual_return)
    cells = {key: as_cell(value) for key, value in values.items()}
    return ReturnData(form, cells, previous_year_numbers(annual_return))


def orders_for_statistics():
    """Every order, active or not: a former order's accepted returns still count."""
    return ProfessionalOrder.objects.order_by("name")


# --- What other apps read of the accepted returns -------------------------------------------


@dataclass
class DeclaredFigures:
    """An order's accepted return for a year, as another app reads it: the fiscal year it covers
    and its numbers {(indicator code, category key): Decimal or 0 for "no activity"}."""

    order_id: int
    return_id: int
    fiscal_year_end: object  # a date, or None when the order left it blank
    numbers: dict


def declared_figures(year, codes):
    """{order id: DeclaredFigures} of the accepted, current returns of reporting `year`, for the
    indicators `codes` (for example discipline's reconciliation with the BDSP's s. 18).
    "No activity" and "not applicable" read as 0; an unanswered cell is absent. One query: an
    accepted return answers every indicator (the "required" rules block its submission)."""
    values = (
        ReturnValue.objects.filter(
            annual_return__reporting_year__year=year,
            annual_return__status=ReturnStatus.ACCEPTED,
            annual_return__superseded=False,
            indicator__code__in=codes,
        )
        .order_by()
        .values_list(
            "annual_return_id",
            "annual_return__professional_order_id",
            "annual_return__fiscal_year_end",
            "indicator__code",
            "category_key",
            "state",
            "number",
        )
    )
    figures = {}
    for return_id, order_id, fiscal_year_end, code, key, state, number in values:
        declared = figures.setdefault(order_id, DeclaredFigures(order_id, return_id, fiscal_year_end, {}))
        if state != ValueState.VALUE:
            declared.numbers[(code, key)] = Decimal(0)
        elif number is not None:
            declared.numbers[(code, key)] = number
    return figures
