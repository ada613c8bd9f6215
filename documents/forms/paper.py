"""Forms of the paper side: spaces, boxes, putting a file in a box, loans."""

from django import forms
from django.utils.translation import gettext_lazy as _

from documents.models import Box, BoxStatus, RecordFile, StorageSpace
from opq_intranet.accounts.models import User
from opq_intranet.core.forms import DateInput
from opq_intranet.core.models import OrgUnit
from opq_intranet.core.selectors import active_staff


class StorageSpaceForm(forms.ModelForm):
    class Meta:
        model = StorageSpace
        fields = ["code", "site", "room", "shelf", "capacity", "description", "is_active"]
        widgets = {"description": forms.Textarea(attrs={"rows": 2})}
        error_messages = {"code": {"unique": _("Another space already has this code.")}}

    def clean_code(self):
        return self.cleaned_data["code"].strip().upper()  # as the service saves it


class SpaceChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return f"{obj.code} · {obj.site.name}, {obj.place}"


class BoxForm(forms.ModelForm):
    storage_space = SpaceChoiceField(
        label=_("Storage space"),
        queryset=StorageSpace.objects.none(),
        required=False,
        help_text=_("Left empty while the box is in transit."),
    )

    class Meta:
        model = Box
        fields = ["org_unit", "storage_space", "capacity", "status", "notes"]
        widgets = {"notes": forms.Textarea(attrs={"rows": 2})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        spaces = StorageSpace.objects.select_related("site")
        current = self.instance.storage_space_id
        self.fields["storage_space"].queryset = (
            spaces.filter(is_active=True) | spaces.filter(pk=current) if current else spaces.filter(is_active=True)
        )
        self.fields["org_unit"].queryset = OrgUnit.objects.filter(is_active=True)
        if not self.instance.pk:  # a new box starts on a shelf
            self.fields["status"].choices = [
                (value, label)
                for value, label in BoxStatus.choices
                if value in (BoxStatus.ACTIVE, BoxStatus.SEMI_ACTIVE)
            ]


class PutInBoxForm(forms.Form):
    """From the file's page: the box's number, typed or scanned from its label."""

    box_number = forms.CharField(
        label=_("Box number"), max_length=30, help_text=_("Type or scan the number on the box's label.")
    )

    def clean_box_number(self):
        number = self.cleaned_data["box_number"].strip().upper()
        box = Box.objects.filter(number=number).first()
        if box is None:
            raise forms.ValidationError(_("No box has the number %(number)s.") % {"number": number})
        self.box = box
        return number


class AddFileForm(forms.Form):
    """From the box's page: the file's number, typed or scanned from its label."""

    file_reference = forms.CharField(
        label=_("File number"), max_length=30, help_text=_("Type or scan the number on the file's label.")
    )

    def clean_file_reference(self):
        reference = self.cleaned_data["file_reference"].strip().upper()
        record_file = RecordFile.objects.filter(reference=reference).first()
        if record_file is None:
            raise forms.ValidationError(_("No file has the number %(number)s.") % {"number": reference})
        self.record_file = record_file
        return reference


class BorrowerChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        unit = f" ({obj.org_unit.name})" if obj.org_unit_id else ""
        return f"{obj.get_full_name() or obj.username}{unit}"


class LoanForm(forms.Form):
    borrower = BorrowerChoiceField(label=_("Borrower"), queryset=User.objects.none())
    lent_on = forms.DateField(label=_("Lent on"), widget=DateInput)
    due_on = forms.DateField(
        label=_("Due on"),
        required=False,
        widget=DateInput,
        help_text=_("Left empty: 30 days later, on a working day."),
    )
    note = forms.CharField(label=_("Note"), required=False, widget=forms.Textarea(attrs={"rows": 2}))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["borrower"].queryset = (
            active_staff().select_related("org_unit").order_by("last_name", "first_name", "pk")
        )


class ReturnForm(forms.Form):
    returned_on = forms.DateField(label=_("Returned on"), widget=DateInput)


class ExtendForm(forms.Form):
    due_on = forms.DateField(label=_("New due date"), widget=DateInput)
    reason = forms.CharField(label=_("Reason"), required=False, widget=forms.Textarea(attrs={"rows": 2}))
