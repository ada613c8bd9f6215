"""Forms of the Bureau's reports: the period of the art. 115.8 compilation, the fiscal year of
the yearly report and of the reconciliation with the BDSP."""

from datetime import date

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from discipline.models import Council
from discipline.selectors.report_tables import fiscal_year, fiscal_year_label, fiscal_year_of
from opq_intranet.core.forms import FastSelect

MONTH = r"^\d{4}-(0[1-9]|1[0-2])$"
FIRST_YEAR = 2015  # the Bureau's cases go back ten years (the BDSP's first reporting year)


def month_field(label):
    return forms.RegexField(
        label=label,
        regex=MONTH,
        required=False,
        widget=forms.TextInput(attrs={"type": "month"}),
        error_messages={"invalid": _("Give a month as 2026-12.")},
    )


def as_month(value):
    year, month = map(int, value.split("-"))
    return date(year, month, 1)


def council_field():
    return forms.ModelChoiceField(
        label=_("Council"),
        queryset=Council.objects.select_related("order").order_by("number"),
        required=False,
        widget=FastSelect,
        empty_label=_("All"),
    )


class CompilationForm(forms.Form):
    """From the first month to the last, inclusive: by default, the fiscal year to date."""

    start = month_field(_("From"))
    end = month_field(_("To"))
    council = council_field()

    def __init__(self, data=None, *, max_months):
        super().__init__(data)
        self.max_months = max_months

    def clean(self):
        cleaned = super().clean()
        if self.errors:
            return cleaned
        today = timezone.localdate()
        first = as_month(cleaned["start"]) if cleaned.get("start") else fiscal_year(fiscal_year_of(today))[0]
        last = as_month(cleaned["end"]) if cleaned.get("end") else today.replace(day=1)
        if last < first:
            raise ValidationError({"end": _("The period cannot end before it starts.")})
        months = (last.year - first.year) * 12 + last.month - first.month + 1
        if months > self.max_months:
            raise ValidationError(
                {"end": _("Choose a period of at most %(count)s months.") % {"count": self.max_months}}
            )
        cleaned["first"], cleaned["last"] = first, last
        return cleaned


def year_choices():
    current = fiscal_year_of(timezone.localdate())
    return [(year, fiscal_year_label(year)) for year in range(current, FIRST_YEAR - 1, -1)]


class YearForm(forms.Form):
    """A fiscal year (1 April to 31 March), the last one begun by default."""

    year = forms.TypedChoiceField(label=_("Fiscal year"), coerce=int, required=False)

    def __init__(self, data=None, *, default=None):
        super().__init__(data)
        self.fields["year"].choices = year_choices()
        self.default = default or fiscal_year_of(timezone.localdate())

    def clean_year(self):
        return self.cleaned_data.get("year") or self.default


class ReconciliationForm(YearForm):
    """A reporting year of the BDSP (the fiscal year its returns cover) and, optionally, one
    order's council; the last year whose returns are due by default."""

    council = council_field()
