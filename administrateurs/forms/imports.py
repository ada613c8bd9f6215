"""The form that sends a spreadsheet of candidacies to import."""

from django import forms
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

MAX_BYTES = 5 * 1024 * 1024


class CandidateImportForm(forms.Form):
    spreadsheet = forms.FileField(
        label=gettext_lazy("Spreadsheet (XLSX or CSV)"),
        help_text=gettext_lazy("One row per candidacy, with the template's columns."),
    )

    def clean_spreadsheet(self):
        upload = self.cleaned_data["spreadsheet"]
        if not upload.name.lower().endswith((".xlsx", ".csv")):
            raise forms.ValidationError(_("Send an XLSX or CSV file."))
        if upload.size > MAX_BYTES:
            raise forms.ValidationError(_("The file is larger than 5 MB: import it in parts."))
        return upload
