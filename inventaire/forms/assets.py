"""Forms of an asset: its record, and the moves of its status (repair, loss, finding it,
moving it, disposal)."""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from inventaire.choices import DisposalReason
from inventaire.models import Asset, Category, Location, Maintenance
from opq_intranet.core.forms import DateInput, FastSelect

ASSET_FIELDS = [
    "category",
    "manufacturer",
    "model_name",
    "serial_number",
    "description",
    "location",
    "purchased_on",
    "supplier",
    "invoice_number",
    "cost",
    "warranty_ends_on",
    "life_months",
    "hostname",
    "os_name",
    "os_version",
    "disk_encryption",
    "mdm_enrolled",
    "verified_on",
    "notes",
]
IT_FIELDS = ("hostname", "os_name", "os_version", "disk_encryption", "mdm_enrolled", "verified_on")


def location_choices():
    return Location.objects.filter(is_active=True).select_related("site")


class AssetForm(forms.ModelForm):
    class Meta:
        model = Asset
        fields = ASSET_FIELDS
        widgets = {
            "category": FastSelect,
            "location": FastSelect,
            "purchased_on": DateInput,
            "warranty_ends_on": DateInput,
            "verified_on": DateInput,
            "notes": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["category"].queryset = Category.objects.filter(is_active=True)
        self.fields["location"].queryset = location_choices()
        for name in IT_FIELDS:
            self.fields[name].widget.attrs["data-it-field"] = "1"

    def clean(self):
        data = super().clean()
        category = data.get("category")
        if category is not None and not category.is_it:
            # Furniture has no hostname nor operating system: what was typed there is dropped.
            for name in ("hostname", "os_name", "os_version"):
                data[name] = ""
        return data


class DatedNoteForm(forms.Form):
    on = forms.DateField(label=_("Date"), widget=DateInput)
    note = forms.CharField(label=_("Note"), max_length=300, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.initial.setdefault("on", timezone.localdate())


class FoundForm(DatedNoteForm):
    location = forms.ModelChoiceField(label=_("Found in"), queryset=Location.objects.none(), widget=FastSelect)
    field_order = ["on", "location", "note"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["location"].queryset = location_choices()


class RelocateForm(FoundForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["location"].label = _("New location")


class DisposeForm(DatedNoteForm):
    reason = forms.ChoiceField(label=_("Reason"), choices=[("", "—"), *DisposalReason.choices])
    wipe_proof = forms.FileField(
        label=_("Proof of data wipe"),
        required=False,
        help_text=_("Required for an asset that holds data: the wipe certificate (PDF, PNG or JPEG)."),
    )
    field_order = ["on", "reason", "wipe_proof", "note"]


class MaintenanceForm(forms.ModelForm):
    class Meta:
        model = Maintenance
        fields = ["on", "description", "supplier", "cost", "outcome", "warranty_claim", "claim_number"]
        widgets = {"on": DateInput}
