"""The form of a reporting year: sections, indicators, their disaggregations and rules.

Analysts build a year's form without code (admin and pages), usually by copying the
previous year's. Once the year opens, its form is frozen: returns are filed against it.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from bdsp.choices import NUMERIC_TYPES, RuleKind, Severity, ValueType, YearStatus
from bdsp.validation import rule_parameter_problems
from opq_intranet.core.history import track_history


@track_history()
class ReportingYear(models.Model):
    year = models.PositiveSmallIntegerField(_("reporting year"), unique=True)
    status = models.CharField(_("status"), max_length=20, choices=YearStatus.choices, default=YearStatus.PREPARATION)
    copied_from = models.ForeignKey(
        "self", verbose_name=_("copied from"), null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    opened_at = models.DateTimeField(_("opened at"), null=True, blank=True)
    opened_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("opened by"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    notes = models.TextField(_("notes"), blank=True)

    class Meta:
        ordering = ["-year"]
        verbose_name = _("reporting year")
        verbose_name_plural = _("reporting years")
        permissions = [
            ("manage_forms", "Can build and open the yearly forms"),
            ("review_returns", "Can review, return and accept annual returns"),
            ("file_return", "Can fill in and submit the order's annual return"),
            # The orders' roles (filer, reader): a partner organisation's users have none.
            ("use_portal", "Can open the order's annual returns on the portal"),
        ]

    def __str__(self):
        return str(self.year)

    @property
    def is_frozen(self):
        return self.status != YearStatus.PREPARATION


@track_history()
class Dimension(models.Model):
    """A disaggregation (by sex, by administrative region, by permit basis…) and its categories."""

    code = models.SlugField(_("code"), max_length=40, unique=True)
    label = models.CharField(_("label"), max_length=150)

    class Meta:
        ordering = ["label"]
        verbose_name = _("disaggregation")
        verbose_name_plural = _("disaggregations")

    def __str__(self):
        return self.label


@track_history()
class DimensionCategory(models.Model):
    dimension = models.ForeignKey(
        Dimension, on_delete=models.CASCADE, related_name="categories", verbose_name=_("dimension")
    )
    code = models.SlugField(_("code"), max_length=40)
    label = models.CharField(_("label"), max_length=150)
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["dimension", "order", "code"]
        constraints = [models.UniqueConstraint(fields=["dimension", "code"], name="bdsp_category_code_uniq")]
        verbose_name = _("category")
        verbose_name_plural = _("categories")

    def __str__(self):
        return self.label


@track_history()
class Section(models.Model):
    reporting_year = models.ForeignKey(
        ReportingYear, on_delete=models.CASCADE, related_name="sections", verbose_name=_("reporting year")
    )
    code = models.SlugField(_("code"), max_length=40)
    title = models.CharField(_("title"), max_length=200)
    help_text = models.TextField(_("help"), blank=True)
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["reporting_year", "order", "code"]
        constraints = [models.UniqueConstraint(fields=["reporting_year", "code"], name="bdsp_section_code_uniq")]
        verbose_name = _("section")
        verbose_name_plural = _("sections")

    def __str__(self):
        return self.title


@track_history()
class Indicator(models.Model):
    reporting_year = models.ForeignKey(
        ReportingYear, on_delete=models.CASCADE, related_name="indicators", verbose_name=_("reporting year")
    )
    section = models.ForeignKey(Section, on_delete=models.CASCADE, related_name="indicators", verbose_name=_("section"))
    code = models.SlugField(_("code"), max_length=60)
    label = models.CharField(_("label"), max_length=250)
    help_text = models.TextField(_("help"), blank=True)
    value_type = models.CharField(_("type"), max_length=20, choices=ValueType.choices, default=ValueType.INTEGER)
    choices = models.JSONField(_("choices"), default=list, blank=True, help_text=_("For the choice type: the list."))
    unit = models.CharField(_("unit"), max_length=30, blank=True)
    formula = models.CharField(
        _("formula"),
        max_length=300,
        blank=True,
        help_text=_("For a derived indicator, computed and never typed, e.g. 100 * members_by_sex['f'] / members_end"),
    )
    dimensions = models.ManyToManyField(
        Dimension, through="IndicatorDimension", verbose_name=_("disaggregations"), blank=True
    )
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["reporting_year", "section__order", "order", "code"]
        constraints = [models.UniqueConstraint(fields=["reporting_year", "code"], name="bdsp_indicator_code_uniq")]
        verbose_name = _("indicator")
        verbose_name_plural = _("indicators")

    def __str__(self):
        return self.label

    @property
    def is_derived(self):
        return bool(self.formula)

    @property
    def is_numeric(self):
        return self.value_type in NUMERIC_TYPES

    def clean(self):
        if self.section_id and self.reporting_year_id and self.section.reporting_year_id != self.reporting_year_id:
            raise ValidationError(_("The section belongs to another year."))
        if self.value_type == ValueType.CHOICE and not self.choices:
            raise ValidationError({"choices": _("A choice indicator needs its list of choices.")})
        if self.formula and not self.is_numeric:
            raise ValidationError({"formula": _("Only a numeric indicator can be derived.")})


class IndicatorDimension(models.Model):
    indicator = models.ForeignKey(Indicator, on_delete=models.CASCADE)
    dimension = models.ForeignKey(Dimension, on_delete=models.PROTECT)
    order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["order"]
        constraints = [models.UniqueConstraint(fields=["indicator", "dimension"], name="bdsp_indicator_dimension_uniq")]

    def __str__(self):
        return f"{self.indicator_id} × {self.dimension_id}"


@track_history()
class ValidationRule(models.Model):
    """A check run on save and on submit. Parameters depend on the kind (see bdsp/validation.py)."""

    reporting_year = models.ForeignKey(
        ReportingYear, on_delete=models.CASCADE, related_name="rules", verbose_name=_("reporting year")
    )
    code = models.SlugField(_("code"), max_length=60)
    kind = models.CharField(_("kind"), max_length=20, choices=RuleKind.choices)
    indicator = models.ForeignKey(
        Indicator, verbose_name=_("indicator"), on_delete=models.CASCADE, related_name="rules"
    )
    params = models.JSONField(_("parameters"), default=dict, blank=True)
    severity = models.CharField(_("severity"), max_length=10, choices=Severity.choices, default=Severity.BLOCKING)
    message = models.CharField(_("message (French)"), max_length=300)
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["reporting_year", "order", "code"]
        constraints = [models.UniqueConstraint(fields=["reporting_year", "code"], name="bdsp_rule_code_uniq")]
        verbose_name = _("validation rule")
        verbose_name_plural = _("validation rules")

    def __str__(self):
        return f"{self.code}: {self.message}"

    def clean(self):
        """The admin edits rules too: refuse parameters the checks could not run with."""
        if not (self.reporting_year_id and self.indicator_id and self.kind):
            return
        if self.indicator.reporting_year_id != self.reporting_year_id:
            raise ValidationError({"indicator": _("The indicator belongs to another year.")})
        indicators = Indicator.objects.filter(reporting_year_id=self.reporting_year_id)
        problems = rule_parameter_problems(
            self.kind,
            self.params or {},
            indicator_code=self.indicator.code,
            numeric_codes=set(indicators.filter(value_type__in=NUMERIC_TYPES).values_list("code", flat=True)),
            codes_with_categories=set(indicators.filter(dimensions__isnull=False).values_list("code", flat=True)),
        )
        if problems:
            raise ValidationError({"params": " ".join(problems.values())})
