"""Filter sets of the administrators' bank."""

from administrateurs.filtersets.candidates import CandidateFilterSet
from administrateurs.filtersets.purges import PurgeLogFilterSet  # h1

__all__ = ["CandidateFilterSet"]
__all__ += ["PurgeLogFilterSet"]  # h1
