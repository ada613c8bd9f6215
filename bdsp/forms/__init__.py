"""Forms of the BDSP pages (the return's cells are read by display.entries_from_post)."""

from collections import Counter

from django import forms
from django.utils.translation import gettext_lazy as _

from bdsp.choices import NUMERIC_TYPES, AttachmentKind
from bdsp.models import ReportingYear
from opq_intranet.core.forms import DateInput

from .editor import IndicatorForm, RuleForm, SectionForm

__all__ = [
    "AttachmentForm",
    "CommentForm",
    "FlagForm",
    "GeneralForm",
    "ImportForm",
    "IndicatorForm",
    "ReasonForm",
    "RuleForm",
    "SectionForm",
    "SendBackForm",
    "StatisticsForm",
    "SubmitForm",
    "YearCreateForm",
]

NUMERIC_CHOICES = NUMERIC_TYPES


class GeneralForm(forms.Form):
    fiscal_year_end = forms.DateField(label=_("End of the fiscal year"), required=False, widget=DateInput)
    general_meeting_date = forms.DateField(
        label=_("Date of the annual general meeting"),
        required=False,
        widget=DateInput,
        help_text=_("The return is due 45 days after this meeting."),
    )


class SubmitForm(forms.Form):
    attestation = forms.CharField(
        label=_("Your name and title"),
        max_length=300,
        help_text=_("By typing them, you attest that the information in this return is accurate and complete."),
    )
    confirm = forms.BooleanField(label=_("I attest that this return is accurate and complete."))


class ReasonForm(forms.Form):
    reason = forms.CharField(label=_("Reason for the amendment"), widget=forms.Textarea(attrs={"rows": 3}))


class SendBackForm(forms.Form):
    message = forms.CharField(
        label=_("What the order must correct"), widget=forms.Textarea(attrs={"rows": 3}), max_length=5000
    )


class CommentForm(forms.Form):
    indicator = forms.CharField(widget=forms.HiddenInput, required=False)
    text = forms.CharField(label=_("Comment for the order"), widget=forms.Textarea(attrs={"rows": 2}), max_length=5000)


class FlagForm(forms.Form):
    indicator = forms.CharField(widget=forms.HiddenInput)
    followup = forms.BooleanField(label=_("To follow up"), required=False)
    note = forms.CharField(label=_("Private note"), required=False, max_length=2000)


class YearCreateForm(forms.Form):
    year = forms.IntegerField(label=_("Reporting year"), min_value=2000, max_value=2100)
    source = forms.ModelChoiceField(
        label=_("Copy the form of"),
        queryset=ReportingYear.objects.all(),
        required=False,
        empty_label=_("None: build it from the regulation"),
    )

    def clean_year(self):
        year = self.cleaned_data["year"]
        if ReportingYear.objects.filter(year=year).exists():
            raise forms.ValidationError(_("The form of %(year)s already exists.") % {"year": year})
        return year


class StatisticsForm(forms.Form):
    indicator = forms.ChoiceField(label=_("Indicator"))
    category = forms.ChoiceField(label=_("Category"), required=False)
    start = forms.IntegerField(label=_("From"), min_value=2000, max_value=2100)
    end = forms.IntegerField(label=_("To"), min_value=2000, max_value=2100)
    orders = forms.ModelMultipleChoiceField(
        label=_("Orders (all if none)"), queryset=None, required=False, widget=forms.SelectMultiple(attrs={"size": 6})
    )

    def __init__(self, *args, form_definition, orders, **kwargs):
        super().__init__(*args, **kwargs)
        numeric = [i for i in form_definition.indicators.values() if i.value_type in NUMERIC_CHOICES]
        # People read the indicator's label; its code only tells two of the same label apart.
        repeated = Counter(i.label for i in numeric)
        self.fields["indicator"].choices = [
            (i.code, i.label if repeated[i.label] == 1 else f"{i.label} ({i.code})") for i in numeric
        ]
        self.fields["orders"].queryset = orders
        code = self.data.get("indicator") or (numeric[0].code if numeric else "")
        indicator = form_definition.indicators.get(code)
        keys = indicator.keys if indicator and not indicator.is_derived else []
        self.fields["category"].choices = [("", _("Total"))] + [(k, indicator.key_label(k)) for k in keys]

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("start"), cleaned.get("end")
        if start and end and start > end:
            raise forms.ValidationError(_("The first year comes after the last one."))
        if start and end and end - start > 30:
            raise forms.ValidationError(_("Choose at most 30 years."))
        return cleaned


class ImportForm(forms.Form):
    workbook = forms.FileField(label=_("Filled-in template (XLSX)"))


class AttachmentForm(forms.Form):
    kind = forms.ChoiceField(label=_("Kind of document"), choices=AttachmentKind.choices)
    file = forms.FileField(label=_("File"), help_text=_("PDF for the annual report and the financial statements."))
