"""Forms of the hearings calendar: the day (and chair) of the roll and week, the month."""

from django import forms
from django.utils.translation import gettext_lazy as _

from discipline.models import Chair
from opq_intranet.core.forms import DateInput, FastSelect


class DayForm(forms.Form):
    day = forms.DateField(label=_("Day"), widget=DateInput, required=False)
    chair = forms.ModelChoiceField(
        label=_("Chair"),
        queryset=Chair.objects.filter(is_active=True),
        required=False,
        widget=FastSelect,
        empty_label=_("All"),
    )


class MonthForm(forms.Form):
    month = forms.RegexField(
        label=_("Month"),
        regex=r"^\d{4}-(0[1-9]|1[0-2])$",
        required=False,
        widget=forms.TextInput(attrs={"type": "month"}),
        error_messages={"invalid": _("Give a month as 2026-12.")},
    )
    chair = DayForm.base_fields["chair"]
