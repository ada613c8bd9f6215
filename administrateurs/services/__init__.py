"""Every write of the administrators' bank, one module per topic."""

from administrateurs.services.candidates import TRANSITIONS, can_move, candidate_move, candidate_save
from administrateurs.services.meetings import attendance_record, meeting_save, rate_save
from administrateurs.services.obligations import obligation_complete, training_session_save
from administrateurs.services.proposals import proposal_create, proposal_end
from administrateurs.services.terms import term_appoint, term_end, term_renew

__all__ = [
    "TRANSITIONS",
    "attendance_record",
    "can_move",
    "candidate_move",
    "candidate_save",
    "meeting_save",
    "obligation_complete",
    "proposal_create",
    "proposal_end",
    "rate_save",
    "term_appoint",
    "term_end",
    "term_renew",
    "training_session_save",
]
