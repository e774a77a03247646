"""The scorecard's data: comparators, statuses, targets, results and evaluations.

All figures are `Decimal` (never float, never int) and finite; the constructors reject
anything else, so no binary rounding drifts into a verdict.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum

from tongket.catalogue import Direction, UnitClass
from tongket.scorecard.messages import load_status_words


class Comparator(StrEnum):
    """How a result must relate to its target amount; the values are stored as-is."""

    GE = ">="
    GT = ">"
    LE = "<="
    LT = "<"
    EQ = "="

    @property
    def symbol(self) -> str:
        """The sign as printed in a report: "≥", ">", "≤", "<", "="."""
        return _SYMBOLS[self]

    @property
    def is_strict(self) -> bool:
        return self in (Comparator.GT, Comparator.LT)

    @property
    def mirrored(self) -> Comparator:
        """The comparator that says the same thing about negated figures: ≥ ↔ ≤, > ↔ <."""
        return _MIRRORED[self]


_SYMBOLS = {
    Comparator.GE: "≥",
    Comparator.GT: ">",
    Comparator.LE: "≤",
    Comparator.LT: "<",
    Comparator.EQ: "=",
}
_MIRRORED = {
    Comparator.GE: Comparator.LE,
    Comparator.GT: Comparator.LT,
    Comparator.LE: Comparator.GE,
    Comparator.LT: Comparator.GT,
    Comparator.EQ: Comparator.EQ,
}
_NATURAL = {
    Direction.HIGHER: Comparator.GE,
    Direction.LOWER: Comparator.LE,
    Direction.NONE: Comparator.EQ,
}


def natural_comparator(direction: Direction) -> Comparator:
    """higher → ≥, lower → ≤, none → =."""
    return _NATURAL[direction]


class Status(StrEnum):
    EXCEEDED = "vuot"
    MET = "dat"
    NOT_MET = "khong_dat"
    NO_DATA = "chua_co_so_lieu"

    @property
    def label(self) -> str:
        """The label inside a sentence: "vượt", "đạt", "không đạt", "chưa có số liệu"."""
        return load_status_words()[self.value].label

    @property
    def label_title(self) -> str:
        """The label capitalised for the head of a line: "Không đạt"."""
        return load_status_words()[self.value].label_title

    @property
    def is_achieved(self) -> bool:
        return self in (Status.EXCEEDED, Status.MET)


def check_decimal(name: str, number: Decimal | None) -> None:
    """Reject floats, ints, NaN and infinities: figures are finite Decimals or None."""
    if number is None:
        return
    if not isinstance(number, Decimal):
        raise TypeError(f"{name} must be a Decimal or None, got {type(number).__name__}")
    if not number.is_finite():
        raise ValueError(f"{name} must be finite, got {number}")


@dataclass(frozen=True)
class Target:
    """A chỉ tiêu: "tỷ lệ trẻ em suy dinh dưỡng dưới 5%" is (lower, percent, 5, <)."""

    code: str
    name: str
    group: str
    direction: Direction
    unit_class: UnitClass
    amount: Decimal | None  # None: a "maintain" target without an amount, or a qualitative one
    comparator: Comparator | None = None  # None: the natural one for the direction
    maintain: bool = False  # "duy trì": keep at least the baseline (or the amount, if given)

    def __post_init__(self) -> None:
        check_decimal("amount", self.amount)

    @property
    def effective_comparator(self) -> Comparator:
        return self.comparator or natural_comparator(self.direction)


@dataclass(frozen=True)
class Result:
    value: Decimal | None = None
    percent_of_plan: Decimal | None = None  # "đạt 110% kế hoạch"
    is_estimate: bool = False  # "ước"
    assessed: Status | None = None  # a person's judgement, used when no number decides
    baseline: Decimal | None = None  # the previous period's value, for maintain targets

    def __post_init__(self) -> None:
        check_decimal("value", self.value)
        check_decimal("percent_of_plan", self.percent_of_plan)
        check_decimal("baseline", self.baseline)


@dataclass(frozen=True)
class Evaluation:
    target: Target
    result: Result | None
    status: Status
    achievement: Decimal | None  # percent of plan achieved; None when it cannot be computed
    is_estimate: bool
    reason: str  # a short Vietnamese explanation: "16,1% ≥ 15%", "đạt 110% kế hoạch"
