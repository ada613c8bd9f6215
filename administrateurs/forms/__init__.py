"""Forms of the administrators' bank, one module per topic."""

from administrateurs.forms.candidates import CandidateForm

__all__ = ["CandidateForm"]
