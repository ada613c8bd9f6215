"""Tables of the administrators' bank."""

from administrateurs.tables.candidates import CandidateTable

__all__ = ["CandidateTable"]
