"""Forms of a licence and of a seat."""

from django import forms
from django.utils.translation import gettext_lazy as _

from inventaire.forms.assignments import StaffChoiceField
from inventaire.models import Asset, Licence
from opq_intranet.accounts.models import User
from opq_intranet.core.forms import DateInput, FastSelect
from opq_intranet.core.selectors import active_staff


class LicenceForm(forms.ModelForm):
    class Meta:
        model = Licence
        fields = ["name", "vendor", "reference", "seats", "cost", "starts_on", "expires_on", "notes", "is_active"]
        widgets = {"starts_on": DateInput, "expires_on": DateInput, "notes": forms.Textarea(attrs={"rows": 3})}


class SeatForm(forms.Form):
    holder = StaffChoiceField(label=_("To a person"), queryset=User.objects.none(), required=False, widget=FastSelect)
    asset_tag = forms.CharField(label=_("Or to an asset (its tag)"), max_length=30, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["holder"].queryset = active_staff().order_by("last_name", "first_name")

    def clean(self):
        data = super().clean()
        tag = (data.get("asset_tag") or "").strip().upper()
        data["asset"] = Asset.objects.filter(tag=tag).first() if tag else None
        if tag and data["asset"] is None:
            self.add_error("asset_tag", _("No asset has this tag."))
        elif bool(data.get("holder")) == bool(tag):
            raise forms.ValidationError(_("Choose the person or the asset that receives the seat."))
        return data
