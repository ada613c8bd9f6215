"""Forms of the files (dossiers)."""

from django import forms
from django.utils.translation import gettext_lazy as _

from documents.choices import DispositionKind, Medium, PaperDestruction
from documents.models import Record, RecordClass, RecordFile
from opq_intranet.core.choices import ConfidentialityLevel
from opq_intranet.core.forms import DJANGO_EMPTY_LABEL, DateInput
from opq_intranet.core.models import OrgUnit


class ClassChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return f"{obj.code} {obj.title}"


class RecordFileForm(forms.ModelForm):
    record_class = ClassChoiceField(label=_("Class"), queryset=RecordClass.objects.none())

    class Meta:
        model = RecordFile
        fields = [
            "title",
            "record_class",
            "org_unit",
            "medium",
            "confidentiality",
            "opened_on",
            "event_on",
            "location",
            "keywords",
            "description",
        ]
        widgets = {
            "opened_on": DateInput,
            "event_on": DateInput,
            "description": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args, can_choose_unit=False, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["record_class"].queryset = RecordClass.objects.filter(is_active=True).only("code", "title", "path")
        if not can_choose_unit:  # staff open files for their own unit
            self.fields["org_unit"].disabled = True


class CloseFileForm(forms.Form):
    closed_on = forms.DateField(label=_("Closed on"), widget=DateInput)


class OverrideForm(forms.Form):
    semi_active_on = forms.DateField(label=_("Semi-active transfer"), required=False, widget=DateInput)
    disposal_on = forms.DateField(label=_("Disposal"), required=False, widget=DateInput)
    reason = forms.CharField(label=_("Reason"), required=False, widget=forms.Textarea(attrs={"rows": 2}))


class RecordForm(forms.ModelForm):
    uploaded = forms.FileField(
        label=_("File"), required=False, help_text=_("PDF, DOCX, ODT, TXT or EML: its text is indexed for the search.")
    )

    class Meta:
        model = Record
        fields = ["title", "medium", "record_date", "author", "keywords", "description", "location"]
        widgets = {"record_date": DateInput, "description": forms.Textarea(attrs={"rows": 2})}


class VersionForm(forms.Form):
    uploaded = forms.FileField(label=_("New version"))
    comment = forms.CharField(label=_("What changed"), required=False, max_length=300)


class RecordSearchForm(forms.Form):
    q = forms.CharField(label=_("Words to find"), max_length=200)
    record_class = forms.CharField(label=_("Class (code, with its subclasses)"), required=False, max_length=30)
    org_unit = forms.ModelChoiceField(label=_("Unit"), queryset=OrgUnit.objects.all(), required=False)
    medium = forms.ChoiceField(label=_("Medium"), choices=[("", _("All")), *Medium.choices], required=False)
    confidentiality = forms.ChoiceField(
        label=_("Confidentiality"), choices=[("", _("All")), *ConfidentialityLevel.choices], required=False
    )
    date_from = forms.DateField(label=_("Dated from"), required=False, widget=DateInput)
    date_to = forms.DateField(label=_("Dated until"), required=False, widget=DateInput)


class HoldForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=200)
    reason = forms.CharField(label=_("Reason"), required=False, widget=forms.Textarea(attrs={"rows": 3}))
    file_references = forms.CharField(
        label=_("File numbers"), required=False, help_text=_("Separated by commas, e.g. D2024-00012, D2024-00015.")
    )
    class_codes = forms.CharField(
        label=_("Class codes"), required=False, help_text=_("The hold covers their subclasses and all their files.")
    )


class LiftForm(forms.Form):
    reason = forms.CharField(label=_("Reason for lifting"), widget=forms.Textarea(attrs={"rows": 2}))


class IdListField(forms.Field):
    """Ids sent by checkboxes of the same name (anything else is ignored)."""

    widget = forms.MultipleHiddenInput

    def to_python(self, value):
        return [int(v) for v in (value or []) if str(v).isdigit()]


class ValidateListForm(forms.Form):
    """The files the unit still needs, checked on the list's page: they leave the list."""

    keep = IdListField(required=False)


class GenerateListForm(forms.Form):
    kind = forms.ChoiceField(label=_("Kind of list"), choices=DispositionKind.choices)
    org_unit = forms.ModelChoiceField(label=_("Unit"), queryset=OrgUnit.objects.filter(is_active=True))
    due_on = forms.DateField(label=_("Files due by"), widget=DateInput)


class ProcessListForm(forms.Form):
    """Processing a list is confirmed explicitly, once the page has named what goes; a
    destruction list with paper says how its paper is destroyed."""

    confirm = forms.BooleanField(
        error_messages={"required": _("Tick the box to confirm: nothing is processed without it.")}
    )
    paper_destruction = forms.ChoiceField(
        label=_("How the paper is destroyed"),
        choices=[("", DJANGO_EMPTY_LABEL), *PaperDestruction.choices],
        error_messages={"required": _("Say how the paper of these files is destroyed.")},
    )
    paper_destruction_note = forms.CharField(
        label=_("Details"),
        required=False,
        max_length=300,
        help_text=_("The contractor, the number of its destruction certificate…"),
    )

    def __init__(self, *args, destruction=False, has_paper=False, **kwargs):
        super().__init__(*args, **kwargs)
        if destruction:
            self.fields["confirm"].label = _("I have checked the files and records named above: destroy them for good.")
        else:
            self.fields["confirm"].label = _("I have checked the files named above: process the list.")
        if not (destruction and has_paper):
            del self.fields["paper_destruction"]
            del self.fields["paper_destruction_note"]
