"""Tables of the disciplinary cases' lists, one module per topic (the layout rule in the README)."""

from discipline.tables.cases import CaseTable
from discipline.tables.directory import ChairTable, CouncilTable, MemberTable

__all__ = ["CaseTable", "ChairTable", "CouncilTable", "MemberTable"]
