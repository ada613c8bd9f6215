"""The analysts' form editor: sections, indicators and rules of a year in preparation.

Every change checks the whole form again (formulas and rule parameters), so a year can
only be opened with a form whose derived indicators and rules read existing indicators.
Once the year is open, nothing here accepts a change: returns are filed against it.
"""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from bdsp import permissions
from bdsp.choices import NUMERIC_TYPES
from bdsp.formulas import FormulaError, references
from bdsp.models import Indicator, IndicatorDimension, ReportingYear, Section, ValidationRule
from bdsp.services.forms import _check_formulas
from bdsp.validation import rule_parameter_problems

MAX_DIMENSIONS = 2


def _editable_year(reporting_year, user):
    """The year, locked for the change; refused unless it is still in preparation."""
    if not permissions.can_manage_forms(user):
        raise PermissionDenied
    year = ReportingYear.objects.select_for_update().get(pk=reporting_year.pk)
    if year.is_frozen:
        raise ValidationError(_("The form of %(year)s is open or closed: it can no longer change.") % {"year": year})
    return year


def _owned_by(obj, year):
    if obj is not None and obj.reporting_year_id != year.pk:
        raise ValidationError(_("This element belongs to another year's form."))


# --- Sections ---------------------------------------------------------------------------------


@transaction.atomic
def section_save(*, reporting_year, user, section=None, code, title, help_text="", order=None):
    year = _editable_year(reporting_year, user)
    _owned_by(section, year)
    section = section or Section(reporting_year=year)
    if Section.objects.filter(reporting_year=year, code=code).exclude(pk=section.pk).exists():
        raise ValidationError({"code": _("Another section of this form already has this code.")})
    if order is None:  # a new element goes last
        order = section.order if section.pk else year.sections.count()
    section.code, section.title, section.help_text, section.order = code, title, help_text, order
    section.full_clean()
    section.save()
    return section


@transaction.atomic
def section_delete(*, section, user):
    _editable_year(section.reporting_year, user)
    if section.indicators.exists():
        raise ValidationError(_("Move or delete the indicators of this section first."))
    section.delete()


# --- Indicators -------------------------------------------------------------------------------


def _users_of(year, code, *, exclude_indicator=None, deleting=False):
    """What reads the indicator `code`: derived indicators' formulas, and rules that name it
    among their parameters. When it is being deleted, also the rules set on it that compare it
    with other indicators; its own checks (answered, bounds, its total, last year) go with it."""
    uses = []
    for other in year.indicators.exclude(formula="").exclude(pk=exclude_indicator):
        try:
            if code in {ref for ref, _key in references(other.formula)}:
                uses.append(_("the formula of %(code)s") % {"code": other.code})
        except FormulaError:
            continue
    for rule in year.rules.select_related("indicator"):
        params = rule.params or {}
        named = [params.get(k) for k in ("equals", "start", "other")] + params.get("plus", []) + params.get("minus", [])
        compares = deleting and rule.indicator.code == code and any(filter(None, named))
        if code in named or compares:
            uses.append(_("the rule %(code)s") % {"code": rule.code})
    return uses


def _check_own_formula(year, indicator):
    if not indicator.formula:
        return
    try:
        used = references(indicator.formula)
    except FormulaError as error:
        raise ValidationError({"formula": _("This formula is not valid: %(error)s") % {"error": error}}) from error
    numeric = set(year.indicators.filter(value_type__in=NUMERIC_TYPES).values_list("code", flat=True))
    unknown = sorted({code for code, _key in used if code not in numeric or code == indicator.code})
    if unknown:
        raise ValidationError(
            {
                "formula": _("The formula uses unknown or non-numeric indicators: %(codes)s")
                % {"codes": ", ".join(unknown)}
            }
        )


@transaction.atomic
def indicator_save(
    *,
    reporting_year,
    user,
    indicator=None,
    section,
    code,
    label,
    value_type,
    help_text="",
    choices=(),
    unit="",
    formula="",
    dimensions=(),
    order=None,
):
    """Create or change an indicator and its disaggregations (at most two, in order)."""
    year = _editable_year(reporting_year, user)
    _owned_by(indicator, year)
    _owned_by(section, year)
    dimensions = list(dimensions)
    if len(dimensions) > MAX_DIMENSIONS:
        raise ValidationError({"dimensions": _("An indicator has at most two disaggregations.")})
    if len(set(dimensions)) != len(dimensions):
        raise ValidationError({"dimensions": _("The same disaggregation is chosen twice.")})
    if formula and dimensions:
        raise ValidationError({"formula": _("A derived indicator is a single figure: remove its disaggregations.")})
    indicator = indicator or Indicator(reporting_year=year)
    if Indicator.objects.filter(reporting_year=year, code=code).exclude(pk=indicator.pk).exists():
        raise ValidationError({"code": _("Another indicator of this form already has this code.")})
    if indicator.pk and indicator.code != code:
        uses = _users_of(year, indicator.code, exclude_indicator=indicator.pk)
        if uses:
            raise ValidationError({"code": _("The code cannot change: %(uses)s read it.") % {"uses": ", ".join(uses)}})
    indicator.section = section
    indicator.code, indicator.label, indicator.help_text = code, label, help_text
    indicator.value_type, indicator.choices, indicator.unit = value_type, list(choices), unit
    if order is None:
        order = indicator.order if indicator.pk else section.indicators.count()
    indicator.formula, indicator.order = formula, order
    indicator.full_clean()
    _check_own_formula(year, indicator)
    indicator.save()
    IndicatorDimension.objects.filter(indicator=indicator).delete()
    IndicatorDimension.objects.bulk_create(
        IndicatorDimension(indicator=indicator, dimension=dimension, order=position)
        for position, dimension in enumerate(dimensions)
    )
    _check_formulas(year)
    _check_rules(year)
    return indicator


@transaction.atomic
def indicator_delete(*, indicator, user):
    year = _editable_year(indicator.reporting_year, user)
    uses = _users_of(year, indicator.code, exclude_indicator=indicator.pk, deleting=True)
    if uses:
        raise ValidationError(
            _("This indicator cannot be deleted: %(uses)s read it. Change those first.") % {"uses": ", ".join(uses)}
        )
    indicator.delete()


# --- Validation rules ---------------------------------------------------------------------------


def _codes(year):
    numeric = set(year.indicators.filter(value_type__in=NUMERIC_TYPES).values_list("code", flat=True))
    with_categories = set(
        IndicatorDimension.objects.filter(indicator__reporting_year=year).values_list("indicator__code", flat=True)
    )
    return numeric, with_categories


def _check_rules(year):
    """Every rule still reads what it needs (after an indicator changed type or lost its categories)."""
    numeric, with_categories = _codes(year)
    for rule in year.rules.select_related("indicator"):
        problems = rule_parameter_problems(
            rule.kind,
            rule.params or {},
            indicator_code=rule.indicator.code,
            numeric_codes=numeric,
            codes_with_categories=with_categories,
        )
        if problems:
            raise ValidationError(
                _("The rule %(code)s would no longer work: %(problems)s")
                % {"code": rule.code, "problems": " ".join(problems.values())}
            )


@transaction.atomic
def rule_save(*, reporting_year, user, rule=None, code, kind, indicator, params, severity, message, order=None):
    year = _editable_year(reporting_year, user)
    _owned_by(rule, year)
    _owned_by(indicator, year)
    rule = rule or ValidationRule(reporting_year=year)
    if ValidationRule.objects.filter(reporting_year=year, code=code).exclude(pk=rule.pk).exists():
        raise ValidationError({"code": _("Another rule of this form already has this code.")})
    numeric, with_categories = _codes(year)
    problems = rule_parameter_problems(
        kind, params, indicator_code=indicator.code, numeric_codes=numeric, codes_with_categories=with_categories
    )
    if problems:
        raise ValidationError(problems)
    if order is None:
        order = rule.order if rule.pk else year.rules.count()
    rule.code, rule.kind, rule.indicator, rule.params = code, kind, indicator, params
    rule.severity, rule.message, rule.order = severity, message, order
    rule.full_clean()
    rule.save()
    return rule


@transaction.atomic
def rule_delete(*, rule, user):
    _editable_year(rule.reporting_year, user)
    rule.delete()
