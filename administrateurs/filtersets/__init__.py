"""Filter sets of the administrators' bank."""

from administrateurs.filtersets.candidates import CandidateFilterSet

__all__ = ["CandidateFilterSet"]
