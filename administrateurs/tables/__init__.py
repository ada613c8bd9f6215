"""Tables of the administrators' bank."""

from administrateurs.tables.candidates import CandidateTable
from administrateurs.tables.proposals import ProposalTable  # matching (slice h3)

__all__ = ["CandidateTable"]
__all__ += ["ProposalTable"]  # matching (slice h3)
