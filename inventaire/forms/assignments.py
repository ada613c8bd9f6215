"""Forms of check-out and check-in: a list of tags typed or scanned (one asset or many), the
person or the room, the date and a note; and the holder's yearly confirmation."""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from inventaire import selectors
from inventaire.forms.assets import location_choices
from opq_intranet.accounts.models import User
from opq_intranet.core.forms import DateInput, FastSelect
from opq_intranet.core.selectors import active_staff


class StaffChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return obj.get_full_name() or obj.username


class TagsForm(forms.Form):
    tags = forms.CharField(
        label=_("Asset tags"),
        widget=forms.Textarea(attrs={"rows": 4, "autocomplete": "off", "spellcheck": "false"}),
        help_text=_("Scan or type the tags, one per line (a barcode scanner ends each with Enter)."),
    )
    on = forms.DateField(label=_("Date"), widget=DateInput)
    note = forms.CharField(label=_("Note"), max_length=300, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.initial.setdefault("on", timezone.localdate())

    def clean_tags(self):
        tags = selectors.parse_tags(self.cleaned_data["tags"])
        if not tags:
            raise forms.ValidationError(_("Name at least one asset."))
        found, unknown = selectors.assets_by_tags(tags)
        if unknown:
            raise forms.ValidationError(_("No asset has these tags: %(tags)s.") % {"tags": ", ".join(unknown)})
        self.assets = found
        return "\n".join(tags)


class CheckOutForm(TagsForm):
    holder = StaffChoiceField(label=_("To a person"), queryset=User.objects.none(), required=False, widget=FastSelect)
    location = forms.ModelChoiceField(
        label=_("Or to a location"),
        queryset=location_choices().none(),
        required=False,
        widget=FastSelect,
        help_text=_("A meeting room's screen, a shared printer: equipment that stays in a room."),
    )
    field_order = ["tags", "holder", "location", "on", "note"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["holder"].queryset = active_staff().order_by("last_name", "first_name")
        self.fields["location"].queryset = location_choices()

    def clean(self):
        data = super().clean()
        if bool(data.get("holder")) == bool(data.get("location")):
            raise forms.ValidationError(_("Choose the person who receives the equipment, or the location."))
        return data


class CheckInForm(TagsForm):
    location = forms.ModelChoiceField(
        label=_("Stored in"),
        queryset=location_choices().none(),
        required=False,
        widget=FastSelect,
        help_text=_("Leave empty to keep each asset's location."),
    )
    field_order = ["tags", "location", "on", "note"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["location"].queryset = location_choices()


class ConfirmHoldingsForm(forms.Form):
    """The holder ticks the items they still hold."""

    assignments = forms.TypedMultipleChoiceField(
        label=_("I still hold"), coerce=int, widget=forms.CheckboxSelectMultiple, choices=()
    )

    def __init__(self, *args, holding=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["assignments"].choices = [(a.pk, f"{a.asset.tag} · {a.asset.label}") for a in holding]
        self.fields["assignments"].error_messages["required"] = _("Tick at least one item you still hold.")
