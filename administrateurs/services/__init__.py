"""Every write of the administrators' bank, one module per topic."""

from administrateurs.services.candidates import TRANSITIONS, can_move, candidate_move, candidate_save

__all__ = ["TRANSITIONS", "can_move", "candidate_move", "candidate_save"]
