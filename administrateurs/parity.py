"""The parity arithmetic of art. 78.1 in one place (the matching, the dashboards and the
board's page read it): among the Office's appointees sitting on a body on a day, how many
women, men, other or undeclared, how many self-declared diversity, and the same after one
more appointee. A body "tends toward parity" (is balanced) when its women and men appointees
are at most one apart; art. 78's minimum is a quarter of the
board's size, rounded up, filled by the Office."""

import math
from dataclasses import dataclass, replace

from administrateurs.choices import Gender


@dataclass(frozen=True)
class Composition:
    women: int = 0
    men: int = 0
    other: int = 0
    undeclared: int = 0
    diversity: int = 0

    @property
    def total(self):
        return self.women + self.men + self.other + self.undeclared

    @property
    def women_share(self):
        """Women among the appointees, as a fraction (None for an empty body)."""
        return self.women / self.total if self.total else None

    @property
    def gap(self):
        """How many more of one gender than the other (0: balanced)."""
        return abs(self.women - self.men)

    @property
    def balanced(self):
        return self.gap <= 1

    def with_member(self, *, gender, diversity):
        field = {Gender.WOMAN: "women", Gender.MAN: "men", Gender.OTHER: "other"}.get(gender, "undeclared")
        return replace(self, **{field: getattr(self, field) + 1, "diversity": self.diversity + bool(diversity)})


def composition_of(members):
    """`members`: (gender, diversity) pairs of the appointees sitting on a body."""
    result = Composition()
    for gender, diversity in members:
        result = result.with_member(gender=gender, diversity=diversity)
    return result


def parity_gain(before, *, gender, diversity):
    """(parity, diversity) of one more appointee. Parity: +1 when they narrow the gap between
    women and men, -1 when they leave the body unbalanced by widening it, 0 otherwise (a
    balanced body of 2 women and 2 men stays balanced with either: nobody is penalised for
    declaring a gender). Diversity: 1 when they are the body's first appointee to declare it."""
    after = before.with_member(gender=gender, diversity=diversity)
    change = before.gap - after.gap
    if change < 0 and after.balanced:
        change = 0
    return change, int(bool(diversity) and before.diversity == 0)


def office_minimum(size):
    """Art. 78: the Office appoints at least a quarter of the board, rounded up."""
    return math.ceil(size / 4)
