"""The disciplinary cases' data, one module per topic (the layout rule in the README)."""

from discipline.models.cases import Case, Count, NonPublicationOrder
from discipline.models.decisions import Appeal, Decision, Sanction
from discipline.models.hearings import Hearing
from discipline.models.people import Chair, ChairUnavailability, Council, CouncilMember
from opq_intranet.core.history import track_links

track_links(Case, "members")
track_links(Hearing, "members")

__all__ = [
    "Appeal",
    "Case",
    "Chair",
    "ChairUnavailability",
    "Council",
    "CouncilMember",
    "Count",
    "Decision",
    "Hearing",
    "NonPublicationOrder",
    "Sanction",
]
