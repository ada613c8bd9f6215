"""Filter sets of the disciplinary cases' lists, one module per topic (the layout rule in the README)."""

from discipline.filtersets.cases import CaseFilterSet
from discipline.filtersets.directory import ChairFilterSet, CouncilFilterSet, MemberFilterSet

__all__ = ["CaseFilterSet", "ChairFilterSet", "CouncilFilterSet", "MemberFilterSet"]
