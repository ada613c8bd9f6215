"""Forms of the analysts' form editor. They read input; bdsp.services.form_editor writes."""

from decimal import Decimal

from django import forms
from django.utils.translation import gettext_lazy as _

from bdsp.choices import NUMERIC_TYPES, RuleKind, Severity, ValueType
from bdsp.models import Dimension
from bdsp.validation import PARAMETERS_OF


class SectionForm(forms.Form):
    code = forms.SlugField(label=_("Code"), max_length=40, help_text=_("Letters, digits and hyphens, e.g. permis."))
    title = forms.CharField(label=_("Title"), max_length=200)
    help_text = forms.CharField(
        label=_("Help for the orders"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    order = forms.IntegerField(label=_("Position"), min_value=0, max_value=999, initial=0)

    @classmethod
    def initial_of(cls, section):
        return {"code": section.code, "title": section.title, "help_text": section.help_text, "order": section.order}


class IndicatorForm(forms.Form):
    section = forms.ModelChoiceField(label=_("Section"), queryset=None)
    code = forms.SlugField(
        label=_("Code"),
        max_length=60,
        help_text=_("Letters, digits and hyphens; formulas name it with _ for -, e.g. membres_fin."),
    )
    label = forms.CharField(label=_("Label"), max_length=250)
    help_text = forms.CharField(
        label=_("Help for the orders"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    value_type = forms.ChoiceField(label=_("Type"), choices=ValueType.choices)
    choices = forms.CharField(
        label=_("Choices"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("For the choice type: one choice per line."),
    )
    unit = forms.CharField(label=_("Unit"), max_length=30, required=False)
    first_dimension = forms.ModelChoiceField(
        label=_("First disaggregation"), queryset=Dimension.objects.all(), required=False, empty_label=_("None")
    )
    second_dimension = forms.ModelChoiceField(
        label=_("Second disaggregation"), queryset=Dimension.objects.all(), required=False, empty_label=_("None")
    )
    formula = forms.CharField(
        label=_("Formula (derived indicator)"),
        max_length=300,
        required=False,
        help_text=_(
            "Computed, never typed: e.g. 100 * membres_sexe['f'] / membres_fin. "
            "Numbers, indicator codes, categories in brackets, + − × ÷ and parentheses."
        ),
    )
    order = forms.IntegerField(label=_("Position in the section"), min_value=0, max_value=999, initial=0)

    def __init__(self, *args, reporting_year, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["section"].queryset = reporting_year.sections.order_by("order", "code")

    @classmethod
    def initial_of(cls, indicator):
        links = list(indicator.indicatordimension_set.order_by("order"))
        return {
            "section": indicator.section_id,
            "code": indicator.code,
            "label": indicator.label,
            "help_text": indicator.help_text,
            "value_type": indicator.value_type,
            "choices": "\n".join(indicator.choices or []),
            "unit": indicator.unit,
            "first_dimension": links[0].dimension_id if links else None,
            "second_dimension": links[1].dimension_id if len(links) > 1 else None,
            "formula": indicator.formula,
            "order": indicator.order,
        }

    def clean(self):
        cleaned = super().clean()
        cleaned["choices"] = [line.strip() for line in cleaned.get("choices", "").splitlines() if line.strip()]
        first, second = cleaned.get("first_dimension"), cleaned.get("second_dimension")
        if second and not first:
            self.add_error("second_dimension", _("Choose the first disaggregation before the second."))
        cleaned["dimensions"] = [d for d in (first, second) if d]
        if cleaned.get("formula") and cleaned.get("value_type") not in NUMERIC_TYPES:
            self.add_error("formula", _("Only a numeric indicator can be derived."))
        return cleaned

    def service_arguments(self):
        data = dict(self.cleaned_data)
        data.pop("first_dimension")
        data.pop("second_dimension")
        return data


def _json_number(value):
    """500 rather than 500.0 in the stored parameters, as the regulation's rules are written."""
    return int(value) if value == value.to_integral() else float(value)


class RuleForm(forms.Form):
    code = forms.SlugField(label=_("Code"), max_length=60)
    kind = forms.ChoiceField(label=_("Kind of rule"), choices=RuleKind.choices)
    indicator = forms.ModelChoiceField(label=_("Indicator checked"), queryset=None)
    severity = forms.ChoiceField(
        label=_("Severity"),
        choices=Severity.choices,
        help_text=_("A blocking rule prevents submitting; a warning only asks to check."),
    )
    message = forms.CharField(label=_("Message shown to the order (French)"), max_length=300)
    order = forms.IntegerField(label=_("Position"), min_value=0, max_value=999, initial=0)
    # Parameters: each kind uses some of them (validation.PARAMETERS_OF).
    min = forms.DecimalField(label=_("Minimum"), required=False)
    max = forms.DecimalField(label=_("Maximum"), required=False)
    equals = forms.ChoiceField(
        label=_("Sum equals the total of"),
        required=False,
        help_text=_("Leave empty to compare the categories with the indicator's own total."),
    )
    start = forms.ChoiceField(label=_("Starting figure"), required=False)
    plus = forms.MultipleChoiceField(
        label=_("Added figures"), required=False, widget=forms.SelectMultiple(attrs={"size": 5})
    )
    minus = forms.MultipleChoiceField(
        label=_("Subtracted figures"), required=False, widget=forms.SelectMultiple(attrs={"size": 5})
    )
    other = forms.ChoiceField(label=_("Must not exceed"), required=False)
    threshold = forms.DecimalField(
        label=_("Threshold of change (%)"), required=False, min_value=Decimal("0.1"), max_value=Decimal(1000)
    )

    PARAMETER_FIELDS = ("min", "max", "equals", "start", "plus", "minus", "other", "threshold")

    def __init__(self, *args, reporting_year, **kwargs):
        super().__init__(*args, **kwargs)
        indicators = reporting_year.indicators.select_related("section").order_by("section__order", "order", "code")
        self.fields["indicator"].queryset = indicators
        self.fields["indicator"].label_from_instance = lambda i: f"{i.label} ({i.code})"
        numeric = [(i.code, f"{i.label} ({i.code})") for i in indicators if i.value_type in NUMERIC_TYPES]
        for name in ("equals", "start", "other"):
            self.fields[name].choices = [("", "—"), *numeric]
        for name in ("plus", "minus"):
            self.fields[name].choices = numeric

    @classmethod
    def initial_of(cls, rule):
        initial = {
            "code": rule.code,
            "kind": rule.kind,
            "indicator": rule.indicator_id,
            "severity": rule.severity,
            "message": rule.message,
            "order": rule.order,
        }
        initial.update({name: value for name, value in (rule.params or {}).items() if name in cls.PARAMETER_FIELDS})
        return initial

    def main_fields(self):
        return [self[name] for name in self.fields if name not in self.PARAMETER_FIELDS]

    def parameter_fields(self):
        """(bound field, the kinds that use it) for the template, which shows only the relevant ones."""
        kinds_of = {
            name: [kind for kind, names in PARAMETERS_OF.items() if name in names] for name in self.PARAMETER_FIELDS
        }
        return [(self[name], " ".join(kinds_of[name])) for name in self.PARAMETER_FIELDS]

    def params(self):
        """The parameters of the chosen kind only, as JSON-friendly values."""
        kind = self.cleaned_data["kind"]
        params = {}
        for name in PARAMETERS_OF.get(kind, ()):
            value = self.cleaned_data.get(name)
            if value in (None, "", []):
                continue
            params[name] = _json_number(value) if isinstance(value, Decimal) else value
        return params

    def service_arguments(self):
        data = {name: self.cleaned_data[name] for name in ("code", "kind", "indicator", "severity", "message", "order")}
        data["params"] = self.params()
        return data
