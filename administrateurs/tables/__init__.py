"""Tables of the administrators' bank."""

from administrateurs.tables.bodies import BodyTable, DecisionTable, VacancyTable
from administrateurs.tables.candidates import CandidateTable
from administrateurs.tables.meetings import AllowanceRateTable, MeetingTable
from administrateurs.tables.obligations import ObligationTable, TrainingSessionTable
from administrateurs.tables.proposals import ProposalTable
from administrateurs.tables.purges import PurgeLogTable

__all__ = [
    "AllowanceRateTable",
    "BodyTable",
    "CandidateTable",
    "DecisionTable",
    "MeetingTable",
    "ObligationTable",
    "ProposalTable",
    "PurgeLogTable",
    "TrainingSessionTable",
    "VacancyTable",
]
