"""Every read of the administrators' bank, one module per topic."""

from administrateurs.selectors.candidates import by_status, candidates, matching_candidates
from administrateurs.selectors.matching import (  # matching (slice h3)
    appointment_page,
    matching_seats,
    proposal_candidates,
    proposals,
    seat_matching_page,
)

__all__ = ["by_status", "candidates", "matching_candidates"]
# matching (slice h3)
__all__ += ["appointment_page", "matching_seats", "proposal_candidates", "proposals", "seat_matching_page"]
