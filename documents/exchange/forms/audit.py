"""Forms of the exchange spaces: filing a shared file into a records file."""

from django import forms
from django.utils.translation import gettext_lazy as _

from documents import selectors as records_selectors
from opq_intranet.core.forms import DateInput


class FileIntoRecordsForm(forms.Form):
    """ "Verser au dossier": the records file by its number (the records manager sees 100 000
    files: a list would not do), the record's title and date. Whether the person may file into
    that file is the service's rule (a French message on the number when not)."""

    reference = forms.CharField(
        label=_("Records file number"),
        max_length=30,
        help_text=_("The records-management file to file it in, e.g. D2026-00012."),
    )
    title = forms.CharField(label=_("Title of the record"), max_length=300)
    record_date = forms.DateField(label=_("Date of the record"), required=False, widget=DateInput)

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user

    def clean_reference(self):
        reference = self.cleaned_data["reference"].strip().upper()
        record_file = records_selectors.files_visible_to(self.user).filter(reference=reference).first()
        if record_file is None:
            raise forms.ValidationError(
                _("No records file you may see has the number %(reference)s.") % {"reference": reference}
            )
        self.cleaned_data["record_file"] = record_file
        return reference
