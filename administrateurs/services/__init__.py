"""Every write of the administrators' bank, one module per topic."""

from administrateurs.services.candidates import TRANSITIONS, can_move, candidate_move, candidate_save

# Slice h4: meetings, attendance, allowance rates, training sessions and obligations
from administrateurs.services.meetings import attendance_record, meeting_save, rate_save
from administrateurs.services.obligations import obligation_complete, training_session_save
from administrateurs.services.terms import term_appoint, term_end, term_renew

__all__ = [
    "TRANSITIONS",
    "attendance_record",
    "can_move",
    "candidate_move",
    "candidate_save",
    "meeting_save",
    "obligation_complete",
    "rate_save",
    "term_appoint",
    "term_end",
    "term_renew",
    "training_session_save",
]
