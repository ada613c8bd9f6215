"""Forms of a case: opening it with its counts, correcting it, its service, its panel, a new
count, withdrawal, and the non-publication orders."""

from django import forms
from django.utils.translation import gettext_lazy as _

from discipline.models import Case, Chair, Council, CouncilMember, NonPublicationOrder
from discipline.services.cases import EDITABLE_FIELDS
from opq_intranet.core.forms import DateInput

COUNT_ROWS = 5  # on the opening form; more are added on the case's page


class CaseOpenForm(forms.ModelForm):
    council = forms.ModelChoiceField(
        label=_("Council"), queryset=Council.objects.filter(is_active=True).select_related("order")
    )

    class Meta:
        model = Case
        fields = ["council", "filed_on", "served_on", "urgent", *EDITABLE_FIELDS[:-1]]
        widgets = {"filed_on": DateInput, "served_on": DateInput, "summary": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for n in range(1, COUNT_ROWS + 1):
            self.fields[f"count_{n}_description"] = forms.CharField(
                label=_("Count %(number)s") % {"number": n},
                required=n == 1,
                widget=forms.Textarea(attrs={"rows": 2}),
            )
            self.fields[f"count_{n}_provisions"] = forms.CharField(
                label=_("Provisions cited (count %(number)s)") % {"number": n}, required=n == 1, max_length=500
            )
            self.fields[f"count_{n}_derogatory"] = forms.BooleanField(
                label=_("Derogatory act of art. 59.1 (count %(number)s)") % {"number": n}, required=False
            )

    def count_rows(self):
        """[(description, provisions, derogatory bound fields)] for the template's grid."""
        return [
            (self[f"count_{n}_description"], self[f"count_{n}_provisions"], self[f"count_{n}_derogatory"])
            for n in range(1, COUNT_ROWS + 1)
        ]

    def counts(self):
        data = self.cleaned_data
        rows = []
        for n in range(1, COUNT_ROWS + 1):
            text, provisions = data.get(f"count_{n}_description", ""), data.get(f"count_{n}_provisions", "")
            if text or provisions:
                rows.append((text, provisions, data.get(f"count_{n}_derogatory", False)))
        return rows


class CaseEditForm(forms.ModelForm):
    class Meta:
        model = Case
        fields = list(EDITABLE_FIELDS)
        widgets = {"summary": forms.Textarea(attrs={"rows": 3})}


class ServeForm(forms.Form):
    served_on = forms.DateField(label=_("Served on"), widget=DateInput)


class PanelForm(forms.Form):
    chair = forms.ModelChoiceField(label=_("Chair"), queryset=Chair.objects.none())
    members = forms.ModelMultipleChoiceField(
        label=_("Council members"),
        queryset=CouncilMember.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        help_text=_("The two members of the order's council who sit with the chair."),
    )

    def __init__(self, *args, case, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["chair"].queryset = Chair.objects.filter(is_active=True).order_by("last_name", "first_name")
        self.fields["members"].queryset = CouncilMember.objects.filter(council=case.council_id, is_active=True)
        if case.chair_id and not self.is_bound:
            self.initial = {"chair": case.chair_id, "members": [m.pk for m in case.members.all()]}


class CountForm(forms.Form):
    description = forms.CharField(label=_("Count"), widget=forms.Textarea(attrs={"rows": 3}))
    provisions = forms.CharField(label=_("Provisions cited"), max_length=500)
    derogatory_act = forms.BooleanField(label=_("Derogatory act of art. 59.1"), required=False)


class DateOnlyForm(forms.Form):
    on = forms.DateField(label=_("Date"), widget=DateInput)


class ProtectionOrderForm(forms.ModelForm):
    class Meta:
        model = NonPublicationOrder
        fields = ["scope", "matter", "covered_text", "description", "ordered_on"]
        widgets = {"ordered_on": DateInput}


class LiftForm(forms.Form):
    lifted_on = forms.DateField(label=_("Lifted on"), widget=DateInput)
