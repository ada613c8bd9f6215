"""Tables of the administrators' bank."""

from administrateurs.tables.candidates import CandidateTable

# Slice h4: obligations, training sessions, meetings, allowance rates
from administrateurs.tables.meetings import AllowanceRateTable, MeetingTable
from administrateurs.tables.obligations import ObligationTable, TrainingSessionTable

__all__ = [
    "AllowanceRateTable",
    "CandidateTable",
    "MeetingTable",
    "ObligationTable",
    "TrainingSessionTable",
]
