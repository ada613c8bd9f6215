"""Forms of the administrators' bank, one module per topic."""

from administrateurs.forms.candidates import CandidateForm
from administrateurs.forms.declarations import ConsentForm, DocumentForm, LinkForm, PreferenceForm  # h1
from administrateurs.forms.imports import CandidateImportForm  # h1

__all__ = ["CandidateForm"]
__all__ += ["CandidateImportForm", "ConsentForm", "DocumentForm", "LinkForm", "PreferenceForm"]  # h1
