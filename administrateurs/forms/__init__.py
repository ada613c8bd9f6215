"""Forms of the administrators' bank, one module per topic."""

from administrateurs.forms.candidates import CandidateForm
from administrateurs.forms.matching import AppointForm, DayForm, MatchingForm  # matching (slice h3)

__all__ = ["CandidateForm"]
__all__ += ["AppointForm", "DayForm", "MatchingForm"]  # matching (slice h3)
