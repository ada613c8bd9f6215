"""Forms of the administrators' bank, one module per topic."""

# Slice h2: bodies.py (a body, appoint, renew, end early).
from administrateurs.forms.bodies import AppointForm, BodyForm, EndForm, RenewForm
from administrateurs.forms.candidates import CandidateForm

__all__ = ["AppointForm", "BodyForm", "CandidateForm", "EndForm", "RenewForm"]
