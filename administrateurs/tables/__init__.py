"""Tables of the administrators' bank."""

# Slice h2: bodies.py (bodies, decisions, vacancies).
from administrateurs.tables.bodies import BodyTable, DecisionTable, VacancyTable
from administrateurs.tables.candidates import CandidateTable

__all__ = ["BodyTable", "CandidateTable", "DecisionTable", "VacancyTable"]
