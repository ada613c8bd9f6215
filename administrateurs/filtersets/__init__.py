"""Filter sets of the administrators' bank."""

# Slice h2: bodies.py (bodies, decisions, vacancies).
from administrateurs.filtersets.bodies import BodyFilterSet, DecisionFilterSet, VacancyFilterSet
from administrateurs.filtersets.candidates import CandidateFilterSet

__all__ = ["BodyFilterSet", "CandidateFilterSet", "DecisionFilterSet", "VacancyFilterSet"]
