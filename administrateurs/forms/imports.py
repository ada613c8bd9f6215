"""The form that sends a spreadsheet of candidacies to import (core's import form)."""

from django.utils.translation import gettext_lazy

from opq_intranet.core.forms import SpreadsheetImportForm


class CandidateImportForm(SpreadsheetImportForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["spreadsheet"].help_text = gettext_lazy("One row per candidacy, with the template's columns.")
