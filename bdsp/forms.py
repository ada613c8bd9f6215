"""Forms of the BDSP pages (the return's cells are read by display.entries_from_post)."""

from django import forms
from django.utils.translation import gettext_lazy as _

from bdsp.models import ReportingYear


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, attrs=None):
        super().__init__(attrs, format="%Y-%m-%d")


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
