"""The form of a candidacy."""

from django import forms

from administrateurs.models import Candidate
from opq_intranet.core.forms import DateInput


class CandidateForm(forms.ModelForm):
    class Meta:
        model = Candidate
        fields = [
            "first_name",
            "last_name",
            "email",
            "phone",
            "city",
            "region",
            "speaks_french",
            "speaks_english",
            "other_languages",
            "expertise",
            "governance_experience",
            "gender",
            "diversity",
            "availability",
            "received_on",
            "consent_on",
            "notes",
        ]
        widgets = {
            "received_on": DateInput,
            "consent_on": DateInput,
            "governance_experience": forms.Textarea(attrs={"rows": 3}),
            "notes": forms.Textarea(attrs={"rows": 3}),
        }
