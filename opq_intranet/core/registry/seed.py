"""Demo and scale data: each app registers a generator that `seed_demo` runs in order.

In an app's `seed.py`:

    from opq_intranet.core.registry.seed import Generator, register

    def generate(scale, log):
        ...  # idempotent: get_or_create / natural keys, never duplicates on a second run

    register(Generator(key="courrier", order=50, run=generate))

`scale` is "demo" (small and pretty, for people) or "full" (DESIGN.md's volumes, for the
benchmark). `log(message)` prints progress. Use bulk_create for volume.
"""

from collections.abc import Callable
from dataclasses import dataclass

SCALES = ("demo", "full")
_generators = {}


@dataclass(frozen=True)
class Generator:
    key: str
    run: Callable
    order: int = 100


def register(generator):
    _generators[generator.key] = generator
    return generator


def generators():
    return sorted(_generators.values(), key=lambda g: (g.order, g.key))
