"""Every write of the administrators' bank, one module per topic."""

# Slice h2: body_save, release_appointee, release_ended.
from administrateurs.services.bodies import body_save
from administrateurs.services.candidates import TRANSITIONS, can_move, candidate_move, candidate_save
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
    "body_save",
    "can_move",
    "candidate_move",
    "candidate_save",
    "release_appointee",
    "release_ended",
    "term_appoint",
    "term_end",
    "term_end_for",
    "term_renew",
]
