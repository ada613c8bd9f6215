"""Tables of the administrators' bank."""

from administrateurs.tables.candidates import CandidateTable
from administrateurs.tables.purges import PurgeLogTable  # h1

__all__ = ["CandidateTable"]
__all__ += ["PurgeLogTable"]  # h1
