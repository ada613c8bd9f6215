"""Every read of the administrators' bank, one module per topic."""

# Slice h2 (bodies, seats, terms, decisions, vacancies, their dashboard): the bodies,
# dashboard, terms and vacancies modules.
from administrateurs.selectors.bodies import (
    bodies,
    body_page,
    compositions,
    matching_bodies,
    minimum_of,
    seat_page,
    seats,
)
from administrateurs.selectors.candidates import by_status, candidates, matching_candidates
from administrateurs.selectors.dashboard import dashboard
from administrateurs.selectors.terms import (
    decision_page,
    decisions,
    followed,
    matching_decisions,
    renewal_chain,
    term_page,
    terms,
    terms_ending,
)
from administrateurs.selectors.vacancies import seat_states, seats_by_vacancy, vacancies, vacancy_counts

__all__ = [
    "bodies",
    "body_page",
    "by_status",
    "candidates",
    "compositions",
    "dashboard",
    "decision_page",
    "decisions",
    "followed",
    "matching_bodies",
    "matching_candidates",
    "matching_decisions",
    "minimum_of",
    "renewal_chain",
    "seat_page",
    "seat_states",
    "seats",
    "seats_by_vacancy",
    "term_page",
    "terms",
    "terms_ending",
    "vacancies",
    "vacancy_counts",
]
