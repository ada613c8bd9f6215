"""Filter sets of the administrators' bank."""

from administrateurs.filtersets.candidates import CandidateFilterSet
from administrateurs.filtersets.proposals import ProposalFilterSet  # matching (slice h3)

__all__ = ["CandidateFilterSet"]
__all__ += ["ProposalFilterSet"]  # matching (slice h3)
