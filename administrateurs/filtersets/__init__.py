"""Filter sets of the administrators' bank."""

from administrateurs.filtersets.bodies import BodyFilterSet, DecisionFilterSet, VacancyFilterSet
from administrateurs.filtersets.candidates import CandidateFilterSet
from administrateurs.filtersets.meetings import AllowanceRateFilterSet, MeetingFilterSet
from administrateurs.filtersets.obligations import ObligationFilterSet, TrainingSessionFilterSet
from administrateurs.filtersets.proposals import ProposalFilterSet
from administrateurs.filtersets.purges import PurgeLogFilterSet

__all__ = [
    "AllowanceRateFilterSet",
    "BodyFilterSet",
    "CandidateFilterSet",
    "DecisionFilterSet",
    "MeetingFilterSet",
    "ObligationFilterSet",
    "ProposalFilterSet",
    "PurgeLogFilterSet",
    "TrainingSessionFilterSet",
    "VacancyFilterSet",
]
