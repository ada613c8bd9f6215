"""Every read of the administrators' bank, one module per topic."""

from administrateurs.selectors.candidates import by_status, candidates, matching_candidates

__all__ = ["by_status", "candidates", "matching_candidates"]
