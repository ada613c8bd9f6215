"""Filter sets of the administrators' bank."""

from administrateurs.filtersets.candidates import CandidateFilterSet

# Slice h4: obligations, training sessions, meetings, allowance rates
from administrateurs.filtersets.meetings import AllowanceRateFilterSet, MeetingFilterSet
from administrateurs.filtersets.obligations import ObligationFilterSet, TrainingSessionFilterSet

__all__ = [
    "AllowanceRateFilterSet",
    "CandidateFilterSet",
    "MeetingFilterSet",
    "ObligationFilterSet",
    "TrainingSessionFilterSet",
]
