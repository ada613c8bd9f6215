"""Demo data of the inventory: the categories, the rooms of both sites, and the Office's
assets with five years of hand-overs, returns, repairs and disposals (seed/demo.py)."""

from inventaire.seed import demo
from opq_intranet.core.registry.seed import Generator, register

register(Generator(key="inventaire.assets", order=60, run=demo.generate))
