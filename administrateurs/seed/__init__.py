"""Demo data of the administrators' bank: candidacies (seed/demo.py), then the boards with
their seats, terms, meetings and allowances (seed/boards.py)."""

from administrateurs.seed import boards, demo
from opq_intranet.core.registry.seed import Generator, register

register(Generator(key="administrateurs.candidates", order=30, run=demo.generate))
register(Generator(key="administrateurs.boards", order=31, run=boards.generate))
