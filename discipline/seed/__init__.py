"""Demo data of the disciplinary cases: the councils, chairs and forty cases at every stage
(`demo`), then the past years consistent with the orders' BDSP returns (`history`)."""

from discipline.seed import demo, history
from opq_intranet.core.registry.seed import Generator, register

register(Generator(key="discipline.cases", order=40, run=demo.generate))
register(Generator(key="discipline.history", order=45, run=history.generate))
