"""Every write of the administrators' bank, one module per topic."""

from administrateurs.services.candidates import TRANSITIONS, can_move, candidate_move, candidate_save
from administrateurs.services.consents import candidate_renew_consent  # h1
from administrateurs.services.documents import document_add, document_remove  # h1
from administrateurs.services.links import link_add, link_remove  # h1
from administrateurs.services.preferences import preference_add, preference_move, preference_remove  # h1
from administrateurs.services.purge import candidate_purge  # h1
from administrateurs.services.terms import term_appoint, term_end, term_renew

__all__ = ["TRANSITIONS", "can_move", "candidate_move", "candidate_save", "term_appoint", "term_end", "term_renew"]
# h1
__all__ += [
    "candidate_purge",
    "candidate_renew_consent",
    "document_add",
    "document_remove",
    "link_add",
    "link_remove",
    "preference_add",
    "preference_move",
    "preference_remove",
]
