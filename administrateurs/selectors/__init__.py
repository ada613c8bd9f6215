"""Every read of the administrators' bank, one module per topic."""

from administrateurs.selectors.candidates import by_status, candidates, matching_candidates
from administrateurs.selectors.declarations import declarations_page, ineligible_for, purge_logs, with_link_to  # h1

__all__ = ["by_status", "candidates", "matching_candidates"]
__all__ += ["declarations_page", "ineligible_for", "purge_logs", "with_link_to"]  # h1
