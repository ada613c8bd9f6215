"""The administrators' bank's data, one module per topic (the layout rule in the README)."""

from administrateurs.models.candidates import Candidate

__all__ = ["Candidate"]
