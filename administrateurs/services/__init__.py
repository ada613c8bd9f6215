"""Every write of the administrators' bank, one module per topic."""

from administrateurs.services.candidates import TRANSITIONS, can_move, candidate_move, candidate_save
from administrateurs.services.proposals import proposal_create, proposal_end  # matching (slice h3)
from administrateurs.services.terms import term_appoint, term_end, term_renew

__all__ = ["TRANSITIONS", "can_move", "candidate_move", "candidate_save", "term_appoint", "term_end", "term_renew"]
__all__ += ["proposal_create", "proposal_end"]  # matching (slice h3)
