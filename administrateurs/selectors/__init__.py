"""Every read of the administrators' bank, one module per topic."""

from administrateurs.selectors.candidates import by_status, candidates, matching_candidates
from administrateurs.selectors.declarations import declarations_page, ineligible_for, purge_logs, with_link_to
from administrateurs.selectors.matching import (
    appointment_page,
    matching_seats,
    proposal_candidates,
    proposals,
    seat_matching_page,
)
from administrateurs.selectors.meetings import attendances_of, eligible_terms, meeting_page, meetings, rates
from administrateurs.selectors.obligations import (
    in_window,
    matching_obligations,
    matching_sessions,
    obligations,
    obligations_due_within,
    obligations_for_list,
    obligations_to_remind_before,
    obligations_to_remind_overdue,
    open_obligations,
    sessions_held,
    term_not_over,
    training_session_page,
    training_sessions,
)

__all__ = [
    "appointment_page",
    "attendances_of",
    "by_status",
    "candidates",
    "declarations_page",
    "eligible_terms",
    "in_window",
    "ineligible_for",
    "matching_candidates",
    "matching_obligations",
    "matching_seats",
    "matching_sessions",
    "meeting_page",
    "meetings",
    "obligations",
    "obligations_due_within",
    "obligations_for_list",
    "obligations_to_remind_before",
    "obligations_to_remind_overdue",
    "open_obligations",
    "proposal_candidates",
    "proposals",
    "purge_logs",
    "rates",
    "seat_matching_page",
    "sessions_held",
    "term_not_over",
    "training_session_page",
    "training_sessions",
    "with_link_to",
]
