"""Records-management demo and scale data (`seed_demo`): the plan and the schedule
(plan.py), files and records with their text (records.py, texts.py), storage spaces, boxes and
loans (paper.py). Core's discovery imports this package: importing each module registers its
generator."""

import documents.exchange.seed  # noqa: F401 - registers the exchange spaces' generator

from . import paper, plan, records
from .texts import document_text, sentence_pool

generate_plan = plan.generate
generate_records = records.generate
generate_paper = paper.generate

__all__ = ["document_text", "generate_paper", "generate_plan", "generate_records", "sentence_pool"]
