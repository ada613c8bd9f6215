"""Demo data of the administrators' bank (seed/demo.py)."""

from administrateurs.seed import demo
from opq_intranet.core.registry.seed import Generator, register

register(Generator(key="administrateurs.candidates", order=30, run=demo.generate))
