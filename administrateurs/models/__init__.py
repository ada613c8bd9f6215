"""The administrators' bank's data, one module per topic (the layout rule in the README)."""

from administrateurs.models.bodies import AppointmentDecision, Body, Proposal, Seat, Term
from administrateurs.models.candidates import BoardPreference, Candidate, CandidateDocument, CandidateLink, PurgeLog
from administrateurs.models.meetings import AllowanceRate, Attendance, Meeting
from administrateurs.models.obligations import Obligation, TrainingSession

__all__ = [
    "AllowanceRate",
    "AppointmentDecision",
    "Attendance",
    "BoardPreference",
    "Body",
    "Candidate",
    "CandidateDocument",
    "CandidateLink",
    "Meeting",
    "Obligation",
    "Proposal",
    "PurgeLog",
    "Seat",
    "Term",
    "TrainingSession",
]
