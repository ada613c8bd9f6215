"""The forms of a meeting, of its attendance grid, of an allowance rate, and the period (and body)
of the allowances page and of an appointee's statement."""

from dataclasses import dataclass

from django import forms
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from administrateurs.models import AllowanceRate, Body, Meeting
from opq_intranet.core.calendar import fiscal_year, fiscal_year_of
from opq_intranet.core.forms import DateInput

MAX_ID_DIGITS = 18  # within bigint: a longer "term" never reaches the database


class MeetingForm(forms.ModelForm):
    class Meta:
        model = Meeting
        fields = ["body", "kind", "held_on", "hours"]
        widgets = {"held_on": DateInput, "hours": forms.NumberInput(attrs={"step": "0.25", "min": "0.25"})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # The active bodies, and the meeting's own (a past meeting of a body since dissolved).
        shown = Q(is_active=True) | Q(pk=self.instance.body_id) if self.instance.body_id else Q(is_active=True)
        self.fields["body"].queryset = Body.objects.filter(shown).order_by("name")


@dataclass
class GridRow:
    """One appointee's row of the grid: their term, and the bound fields of the row."""

    pk: int
    term: object
    present: forms.BoundField
    arrived_late: forms.BoundField
    left_early: forms.BoundField
    hours_attended: forms.BoundField
    allowance: object = None


def _term_ids(values):
    ids = []
    for value in values:
        if not (value.isascii() and value.isdigit() and len(value) <= MAX_ID_DIGITS):
            return None
        ids.append(int(value))
    return ids


class AttendanceGridForm(forms.Form):
    """Every appointee of the meeting's body in one form: `term` (hidden, one per row) names the
    rows posted, each with its present / late / leaving early / hours attended fields."""

    def __init__(self, *args, terms=(), recorded=None, **kwargs):
        super().__init__(*args, **kwargs)
        recorded = recorded or {}
        known = {term.pk: term for term in terms}
        self.bad_rows = False
        if self.is_bound:
            ids = _term_ids(self.data.getlist("term"))
            self.bad_rows = ids is None
            ids = ids or []
        else:
            ids = list(known)
        self.term_ids = list(dict.fromkeys(ids))
        for pk in self.term_ids:
            attendance = recorded.get(pk)
            name = known[pk].candidate if pk in known else f"#{pk}"
            self.fields[f"present_{pk}"] = forms.BooleanField(
                label=_("Present: %(name)s") % {"name": name},
                required=False,
                initial=attendance.present if attendance else True,
            )
            self.fields[f"late_{pk}"] = forms.BooleanField(
                label=_("Arrived late: %(name)s") % {"name": name},
                required=False,
                initial=attendance.arrived_late if attendance else False,
            )
            self.fields[f"early_{pk}"] = forms.BooleanField(
                label=_("Left early: %(name)s") % {"name": name},
                required=False,
                initial=attendance.left_early if attendance else False,
            )
            self.fields[f"hours_{pk}"] = forms.DecimalField(
                label=_("Hours attended: %(name)s") % {"name": name},
                required=False,
                max_digits=4,
                decimal_places=2,
                initial=attendance.hours_attended if attendance else None,
                widget=forms.NumberInput(attrs={"step": "0.25", "min": "0", "class": "form-control-sm"}),
            )
        self.rows = [
            GridRow(
                pk=pk,
                term=known.get(pk),
                present=self[f"present_{pk}"],
                arrived_late=self[f"late_{pk}"],
                left_early=self[f"early_{pk}"],
                hours_attended=self[f"hours_{pk}"],
            )
            for pk in self.term_ids
        ]

    def clean(self):
        cleaned = super().clean()
        if self.bad_rows:
            raise forms.ValidationError(_("The grid names a term that does not exist."))
        cleaned["rows"] = [
            {
                "term": pk,
                "present": cleaned.get(f"present_{pk}", False),
                "arrived_late": cleaned.get(f"late_{pk}", False),
                "left_early": cleaned.get(f"early_{pk}", False),
                "hours_attended": cleaned.get(f"hours_{pk}"),
            }
            for pk in self.term_ids
        ]
        return cleaned


class AllowanceRateForm(forms.ModelForm):
    class Meta:
        model = AllowanceRate
        fields = ["meeting_kind", "min_hours", "amount", "valid_from"]
        widgets = {
            "valid_from": DateInput,
            "min_hours": forms.NumberInput(attrs={"step": "0.25", "min": "0"}),
            "amount": forms.NumberInput(attrs={"step": "0.01", "min": "0"}),
        }


def current_fiscal_year():
    return fiscal_year(fiscal_year_of(timezone.localdate()))


class PeriodForm(forms.Form):
    """From / to (the current fiscal year, 1 April to 31 March, unless told), and a body."""

    start = forms.DateField(label=_("From"), required=False, widget=DateInput)
    end = forms.DateField(label=_("To"), required=False, widget=DateInput)
    body = forms.ModelChoiceField(
        label=_("Body"), queryset=Body.objects.order_by("name"), required=False, empty_label=_("All")
    )

    def clean(self):
        cleaned = super().clean()
        default_start, default_end = current_fiscal_year()
        cleaned["start"] = cleaned.get("start") or default_start
        cleaned["end"] = cleaned.get("end") or default_end
        if not self.errors and cleaned["start"] > cleaned["end"]:
            self.add_error("end", _("The end of the period comes before its start."))
        return cleaned

    def period(self):
        """(start, end, body): the form's when it is valid, else the current fiscal year."""
        if self.is_bound and self.is_valid():
            data = self.cleaned_data
            return data["start"], data["end"], data["body"]
        start, end = current_fiscal_year()
        return start, end, None
