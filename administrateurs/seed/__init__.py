"""Demo data of the administrators' bank (seed/demo.py; the bodies, seats and terms: seed/bodies.py)."""

from administrateurs.seed import bodies, demo
from opq_intranet.core.registry.seed import Generator, register

register(Generator(key="administrateurs.candidates", order=30, run=demo.generate))
# Slice h2: the bodies, their seats and terms, after the candidacies.
register(Generator(key="administrateurs.bodies", order=31, run=bodies.generate))
