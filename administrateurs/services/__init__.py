"""Every write of the administrators' bank, one module per topic."""

from administrateurs.services.bodies import body_save
from administrateurs.services.candidates import TRANSITIONS, can_move, candidate_move, candidate_save
from administrateurs.services.consents import candidate_renew_consent
from administrateurs.services.documents import document_add, document_remove
from administrateurs.services.links import link_add, link_remove
from administrateurs.services.meetings import attendance_record, meeting_save, rate_save
from administrateurs.services.obligations import obligation_complete, training_session_save
from administrateurs.services.preferences import preference_add, preference_move, preference_remove
from administrateurs.services.proposals import proposal_create, proposal_end
from administrateurs.services.purge import candidate_purge
from administrateurs.services.terms import (
    release_appointee,
    release_ended,
    term_appoint,
    term_end,
    term_end_for,
    term_renew,
)

__all__ = [
    "TRANSITIONS",
    "attendance_record",
    "body_save",
    "can_move",
    "candidate_move",
    "candidate_purge",
    "candidate_renew_consent",
    "candidate_save",
    "document_add",
    "document_remove",
    "link_add",
    "link_remove",
    "meeting_save",
    "obligation_complete",
    "preference_add",
    "preference_move",
    "preference_remove",
    "proposal_create",
    "proposal_end",
    "rate_save",
    "release_appointee",
    "release_ended",
    "term_appoint",
    "term_end",
    "term_end_for",
    "term_renew",
    "training_session_save",
]
