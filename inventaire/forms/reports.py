"""The depreciation forms: the report's fiscal year (ending 31 March of the year chosen), and
the day an asset's book value is asked for."""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from inventaire.label_sheets import PRESETS
from opq_intranet.core.calendar import fiscal_year_of
from opq_intranet.core.filtersets import FIRST_YEAR, LAST_YEAR
from opq_intranet.core.forms import DateInput


class FiscalYearForm(forms.Form):
    year = forms.IntegerField(
        label=_("Fiscal year ending 31 March"),
        min_value=FIRST_YEAR,
        max_value=LAST_YEAR,
        help_text=_("2026: from 1 April 2025 to 31 March 2026."),
    )

    def year_or_default(self):
        """The year asked for, else the last closed fiscal year."""
        if self.is_bound and self.is_valid():
            return self.cleaned_data["year"]
        return fiscal_year_of(timezone.localdate()) - 1


class BookValueDateForm(forms.Form):
    on = forms.DateField(label=_("Book value on"), widget=DateInput)

    def day_or_today(self):
        if self.is_bound and self.is_valid():
            return self.cleaned_data["on"]
        return timezone.localdate()


class LabelSheetForm(forms.Form):
    preset = forms.ChoiceField(label=_("Label stock"), choices=())
    tags = forms.CharField(
        label=_("Asset tags"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3, "spellcheck": "false"}),
        help_text=_("Empty: every asset of the list as filtered."),
    )
    skip = forms.IntegerField(
        label=_("Labels already used on the first sheet"), min_value=0, max_value=64, initial=0, required=False
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["preset"].choices = [(key, preset.label) for key, preset in PRESETS.items()]
