"""Building a year's form: from the regulation, or as a copy of another year; opening it."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from bdsp import regulation
from bdsp.choices import ValueType, YearStatus
from bdsp.formulas import FormulaError, references
from bdsp.models import (
    Dimension,
    DimensionCategory,
    Indicator,
    IndicatorDimension,
    ReportingYear,
    Section,
    ValidationRule,
)


def ensure_dimensions():
    """The regulation's disaggregations and their categories (idempotent)."""
    dimensions = {}
    for code, (label, categories) in regulation.DIMENSIONS.items():
        dimension, _created = Dimension.objects.get_or_create(code=code, defaults={"label": label})
        for order, (category_code, category_label) in enumerate(categories):
            DimensionCategory.objects.get_or_create(
                dimension=dimension, code=category_code, defaults={"label": category_label, "order": order}
            )
        dimensions[code] = dimension
    return dimensions


@transaction.atomic
def form_create_from_regulation(*, year, user=None):
    """A year's form built from the regulation's sections, indicators and rules."""
    if ReportingYear.objects.filter(year=year).exists():
        raise ValidationError(_("The form of %(year)s already exists.") % {"year": year})
    dimensions = ensure_dimensions()
    reporting_year = ReportingYear.objects.create(year=year)
    indicators = {}
    for section_order, (code, title, help_text, rows) in enumerate(regulation.SECTIONS):
        section = Section.objects.create(
            reporting_year=reporting_year, code=code, title=title, help_text=help_text, order=section_order
        )
        for order, (ind_code, label, value_type, dims, formula, ind_help) in enumerate(rows):
            indicator = Indicator.objects.create(
                reporting_year=reporting_year,
                section=section,
                code=ind_code,
                label=label,
                value_type=value_type,
                formula=formula,
                help_text=ind_help,
                order=order,
            )
            for dim_order, dim_code in enumerate(dims):
                IndicatorDimension.objects.create(indicator=indicator, dimension=dimensions[dim_code], order=dim_order)
            indicators[ind_code] = indicator
    for order, (code, kind, indicator_code, params, severity, message) in enumerate(regulation.RULES):
        ValidationRule.objects.create(
            reporting_year=reporting_year,
            code=code,
            kind=kind,
            indicator=indicators[indicator_code],
            params=params,
            severity=severity,
            message=message,
            order=order,
        )
    _check_formulas(reporting_year)
    return reporting_year


@transaction.atomic
def form_copy(*, source, year, user=None):
    """A new year's form, identical to `source`'s, to adjust before opening it."""
    if ReportingYear.objects.filter(year=year).exists():
        raise ValidationError(_("The form of %(year)s already exists.") % {"year": year})
    target = ReportingYear.objects.create(year=year, copied_from=source)
    sections = {}
    for section in source.sections.all():
        sections[section.pk] = Section.objects.create(
            reporting_year=target,
            code=section.code,
            title=section.title,
            help_text=section.help_text,
            order=section.order,
        )
    indicators = {}
    for indicator in source.indicators.prefetch_related("indicatordimension_set"):
        copy = Indicator.objects.create(
            reporting_year=target,
            section=sections[indicator.section_id],
            code=indicator.code,
            label=indicator.label,
            help_text=indicator.help_text,
            value_type=indicator.value_type,
            choices=indicator.choices,
            unit=indicator.unit,
            formula=indicator.formula,
            order=indicator.order,
        )
        for link in indicator.indicatordimension_set.all():
            IndicatorDimension.objects.create(indicator=copy, dimension_id=link.dimension_id, order=link.order)
        indicators[indicator.pk] = copy
    for rule in source.rules.all():
        ValidationRule.objects.create(
            reporting_year=target,
            code=rule.code,
            kind=rule.kind,
            indicator=indicators[rule.indicator_id],
            params=rule.params,
            severity=rule.severity,
            message=rule.message,
            order=rule.order,
        )
    return target


@transaction.atomic
def form_open(*, reporting_year, user):
    """Open the year to the orders; from now on its form is frozen."""
    reporting_year = ReportingYear.objects.select_for_update().get(pk=reporting_year.pk)
    if reporting_year.status != YearStatus.PREPARATION:
        raise ValidationError(_("This year is already open or closed."))
    if not reporting_year.indicators.exists():
        raise ValidationError(_("The form has no indicator yet."))
    _check_formulas(reporting_year)
    reporting_year.status = YearStatus.OPEN
    reporting_year.opened_at = timezone.now()
    reporting_year.opened_by = user
    reporting_year.full_clean()
    reporting_year.save()
    return reporting_year


def _check_formulas(reporting_year):
    """Every derived indicator reads existing numeric indicators."""
    numeric = {
        code: value_type
        for code, value_type in reporting_year.indicators.values_list("code", "value_type")
        if value_type != ValueType.TEXT
    }
    for indicator in reporting_year.indicators.exclude(formula=""):
        try:
            used = references(indicator.formula)
        except FormulaError as error:
            raise ValidationError(
                _("The formula of %(code)s is not valid: %(error)s") % {"code": indicator.code, "error": error}
            ) from error
        unknown = sorted({code for code, _key in used if code not in numeric})
        if unknown:
            raise ValidationError(
                _("The formula of %(code)s uses unknown indicators: %(unknown)s")
                % {"code": indicator.code, "unknown": ", ".join(unknown)}
            )
