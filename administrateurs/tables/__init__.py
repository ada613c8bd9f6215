"""Tables of the administrators' bank."""

from administrateurs.tables.candidates import CandidateTable
from administrateurs.tables.meetings import AllowanceRateTable, MeetingTable
from administrateurs.tables.obligations import ObligationTable, TrainingSessionTable
from administrateurs.tables.proposals import ProposalTable

__all__ = [
    "AllowanceRateTable",
    "CandidateTable",
    "MeetingTable",
    "ObligationTable",
    "ProposalTable",
    "TrainingSessionTable",
]
from administrateurs.tables.purges import PurgeLogTable  # h1

__all__ = ["CandidateTable"]
__all__ += ["PurgeLogTable"]  # h1
