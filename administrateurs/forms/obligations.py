"""The forms of the training sessions and of an obligation's completion."""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from administrateurs import selectors
from administrateurs.models import TrainingSession
from opq_intranet.core.forms import DateInput


class TrainingSessionForm(forms.ModelForm):
    class Meta:
        model = TrainingSession
        fields = ["title", "held_on", "place"]
        widgets = {"held_on": DateInput}


class TrainingCompletionForm(forms.Form):
    session = forms.ModelChoiceField(
        label=_("Training session attended"),
        queryset=TrainingSession.objects.none(),
        help_text=_("The training is completed on the session's date."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["session"].queryset = selectors.sessions_held(timezone.localdate())


class DeclarationCompletionForm(forms.Form):
    signed_on = forms.DateField(label=_("Signed on"), widget=DateInput)
    declaration = forms.FileField(
        label=_("Signed declaration"), help_text=_("The signed solemn declaration: PDF, PNG or JPEG.")
    )
