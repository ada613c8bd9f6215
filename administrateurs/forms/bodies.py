"""Forms of a body, and of the actions on its seats and terms: appoint, renew, end early."""

from django import forms
from django.utils.translation import gettext_lazy as _

from administrateurs.choices import CandidacyStatus, TermEnd
from administrateurs.models import AppointmentDecision, Body, Candidate
from opq_intranet.core.forms import DateInput, FastSelect
from opq_intranet.core.models import ProfessionalOrder

RESOLUTION_LENGTH = AppointmentDecision._meta.get_field("resolution_number").max_length


class BodyForm(forms.ModelForm):
    class Meta:
        model = Body
        fields = ["kind", "order", "name", "size", "office_seats", "term_years", "is_active"]
        widgets = {"kind": FastSelect, "order": FastSelect}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["order"].queryset = ProfessionalOrder.objects.filter(is_active=True).order_by("name")
        self.fields["order"].help_text = _("Required for a board and a review committee.")


class CandidateChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return f"{obj.last_name}, {obj.first_name} · {obj.get_region_display()}"


class DecisionFields(forms.Form):
    resolution_number = forms.CharField(
        label=_("Resolution number"),
        max_length=RESOLUTION_LENGTH,
        help_text=_("An existing resolution is reused when its date matches."),
    )
    decided_on = forms.DateField(label=_("Decision date"), widget=DateInput)


class AppointForm(DecisionFields):
    """A direct appointment: a candidate in the bank (one query for the picker), the term's first
    day and the Office's decision."""

    candidate = CandidateChoiceField(
        label=_("Candidate in the bank"), queryset=Candidate.objects.none(), widget=FastSelect
    )
    starts_on = forms.DateField(label=_("First day of the term"), widget=DateInput)

    field_order = ["candidate", "starts_on", "resolution_number", "decided_on"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["candidate"].queryset = Candidate.objects.filter(
            status=CandidacyStatus.IN_BANK, purged_at__isnull=True
        ).order_by("last_name", "first_name", "pk")


class RenewForm(DecisionFields):
    pass


class EndForm(forms.Form):
    ended_on = forms.DateField(label=_("Last day of the term"), widget=DateInput)
    reason = forms.ChoiceField(
        label=_("Reason"),
        choices=[("", "---------"), *[(c.value, c.label) for c in TermEnd if c != TermEnd.EXPIRED]],
        widget=FastSelect,
    )
