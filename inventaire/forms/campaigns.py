"""Forms of a stock-taking campaign: its scope, and the scan (the room one stands in, the tag)."""

from django import forms
from django.utils.translation import gettext_lazy as _

from inventaire.models import Campaign, Location
from inventaire.selectors.campaigns import rooms_of
from opq_intranet.core.forms import DateInput, FastSelect


class CampaignForm(forms.ModelForm):
    class Meta:
        model = Campaign
        fields = ["site", "floor", "location", "opened_on", "note"]
        widgets = {"location": FastSelect, "opened_on": DateInput}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["location"].queryset = Location.objects.filter(is_active=True).select_related("site")


class ScanForm(forms.Form):
    location = forms.ModelChoiceField(label=_("Room I am in"), queryset=Location.objects.none(), widget=FastSelect)
    tag = forms.CharField(
        label=_("Tag"),
        max_length=200,
        widget=forms.TextInput(attrs={"autocomplete": "off", "autocapitalize": "characters", "spellcheck": "false"}),
        help_text=_("Scan with a barcode scanner (it ends with Enter), with the camera, or type it."),
    )

    def __init__(self, *args, campaign, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["location"].queryset = rooms_of(campaign)
