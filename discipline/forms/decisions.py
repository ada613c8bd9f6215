"""Forms of the decisions: the decision with its verdict and sanctions per count, its
service, an appeal and its outcome."""

from django import forms
from django.utils.translation import gettext_lazy as _

from discipline.choices import AppealOutcome, DecisionStage, SanctionKind, Verdict
from opq_intranet.core.forms import DateInput

SANCTIONS_PER_COUNT = 3  # a striking off and a fine, for instance, and one more


class DecisionForm(forms.Form):
    stage = forms.ChoiceField(label=_("Decision"), choices=DecisionStage.choices)
    rendered_on = forms.DateField(label=_("Rendered on"), widget=DateInput)
    served_on = forms.DateField(label=_("Served on"), widget=DateInput, required=False)
    document = forms.FileField(label=_("Decision (PDF)"), required=False)
    costs = forms.DecimalField(label=_("Costs ($)"), required=False, min_value=0, max_digits=10, decimal_places=2)
    publication_notice = forms.BooleanField(label=_("Publication of a notice ordered"), required=False)
    provisional_execution = forms.BooleanField(label=_("Provisional execution ordered (art. 158)"), required=False)
    summary = forms.CharField(label=_("Summary"), required=False, widget=forms.Textarea(attrs={"rows": 3}))

    def __init__(self, *args, counts, **kwargs):
        super().__init__(*args, **kwargs)
        self.counts = counts
        verdicts = [("", "—"), *[(v, label) for v, label in Verdict.choices if v != Verdict.PENDING]]
        kinds = [("", "—"), *SanctionKind.choices]
        for count in counts:
            self.fields[f"verdict_{count.pk}"] = forms.ChoiceField(
                label=_("Verdict on count %(number)s") % {"number": count.number},
                choices=verdicts,
                required=False,
                initial=count.verdict if count.verdict != Verdict.PENDING else "",
            )
            for n in range(1, SANCTIONS_PER_COUNT + 1):
                prefix = f"sanction_{count.pk}_{n}"
                self.fields[f"{prefix}_kind"] = forms.ChoiceField(
                    label=_("Sanction %(n)s on count %(number)s") % {"n": n, "number": count.number},
                    choices=kinds,
                    required=False,
                )
                self.fields[f"{prefix}_months"] = forms.IntegerField(
                    label=_("Months"), required=False, min_value=1, max_value=1200
                )
                self.fields[f"{prefix}_amount"] = forms.DecimalField(
                    label=_("Amount ($)"), required=False, min_value=0, max_digits=10, decimal_places=2
                )
                self.fields[f"{prefix}_justified"] = forms.BooleanField(
                    label=_("Shorter striking off justified"), required=False
                )
                self.fields[f"{prefix}_details"] = forms.CharField(label=_("Details"), required=False, max_length=300)

    def count_rows(self):
        """[(count, verdict field, [(kind, months, amount, justified, details)])] for the grid."""
        rows = []
        for count in self.counts:
            sanctions = [
                tuple(
                    self[f"sanction_{count.pk}_{n}_{part}"]
                    for part in ("kind", "months", "amount", "justified", "details")
                )
                for n in range(1, SANCTIONS_PER_COUNT + 1)
            ]
            rows.append((count, self[f"verdict_{count.pk}"], sanctions))
        return rows

    def verdicts(self):
        data = self.cleaned_data
        return {c.pk: data[f"verdict_{c.pk}"] for c in self.counts if data.get(f"verdict_{c.pk}")}

    def sanctions(self):
        from discipline.services import SanctionInput

        data, found = self.cleaned_data, []
        for count in self.counts:
            for n in range(1, SANCTIONS_PER_COUNT + 1):
                prefix = f"sanction_{count.pk}_{n}"
                if data.get(f"{prefix}_kind"):
                    found.append(
                        SanctionInput(
                            count=count,
                            kind=data[f"{prefix}_kind"],
                            months=data.get(f"{prefix}_months"),
                            amount=data.get(f"{prefix}_amount"),
                            shorter_striking_off_justified=data.get(f"{prefix}_justified", False),
                            details=data.get(f"{prefix}_details", ""),
                        )
                    )
        return found


class AppealForm(forms.Form):
    filed_on = forms.DateField(label=_("Filed on"), widget=DateInput)
    appellant = forms.CharField(label=_("Appellant"), max_length=200)
    tribunal_number = forms.CharField(label=_("Tribunal's file number"), required=False, max_length=40)


class AppealOutcomeForm(forms.Form):
    outcome = forms.ChoiceField(
        label=_("Outcome"), choices=[(v, label) for v, label in AppealOutcome.choices if v != AppealOutcome.PENDING]
    )
    decided_on = forms.DateField(label=_("Decided on"), widget=DateInput)
