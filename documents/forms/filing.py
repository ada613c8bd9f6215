"""The form other apps show to file something into a records file (mail, a council's decision):
the file's number, looked up among the files the person may see."""

from django import forms
from django.utils.translation import gettext_lazy as _

from documents import selectors


class FileIntoForm(forms.Form):
    reference = forms.CharField(
        label=_("File number"),
        max_length=30,
        help_text=_("The records-management file to file the item and its replies in, e.g. D2026-00012."),
    )

    def __init__(self, *args, user=None, help_text=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        if help_text:
            self.fields["reference"].help_text = help_text

    def clean_reference(self):
        reference = self.cleaned_data["reference"].strip().upper()
        record_file = selectors.files_visible_to(self.user).filter(reference=reference).first()
        if record_file is None:
            raise forms.ValidationError(
                _("No file you may see has the number %(reference)s.") % {"reference": reference}
            )
        self.cleaned_data["record_file"] = record_file
        return reference
