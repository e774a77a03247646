"""Make a superior unit's figure from its subordinate units' figures.

- SUM adds the values of the parts that have one; the others count as missing. No part
  with a value → value None.
- RATE recomputes the rate from the parts that have both a numerator and a denominator:
  sum(numerators) / sum(denominators) × 100 (averaging the parts' rates would weigh a
  hamlet like a ward). A zero denominator sum, or no usable part → value None. A negative
  numerator or denominator is an error (ValueError): they are counts.
- NONE: the indicator does not roll up (a growth rate, a number of criteria) → value None;
  every part counts as missing.
Values are exact Decimals with trailing zeros stripped; round them when you print them.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from tongket.catalogue import RollUp
from tongket.scorecard.model import check_decimal
from tongket.scorecard.numbers import exact_sum, strip_trailing_zeros

HUNDRED = Decimal(100)


@dataclass(frozen=True)
class Part:
    """One subordinate unit's figure; numerator and denominator serve the RATE rule."""

    value: Decimal | None
    numerator: Decimal | None = None
    denominator: Decimal | None = None

    def __post_init__(self) -> None:
        check_decimal("value", self.value)
        check_decimal("numerator", self.numerator)
        check_decimal("denominator", self.denominator)


@dataclass(frozen=True)
class RolledUp:
    value: Decimal | None
    parts_used: int
    parts_missing: int  # parts lacking what the rule needs


def roll_up(rule: RollUp, parts: Sequence[Part]) -> RolledUp:
    if rule is RollUp.SUM:
        return roll_up_sum(parts)
    if rule is RollUp.RATE:
        return roll_up_rate(parts)
    return RolledUp(value=None, parts_used=0, parts_missing=len(parts))


def roll_up_sum(parts: Sequence[Part]) -> RolledUp:
    values = [part.value for part in parts if part.value is not None]
    total = exact_sum(values) if values else None
    return RolledUp(
        value=None if total is None else strip_trailing_zeros(total),
        parts_used=len(values),
        parts_missing=len(parts) - len(values),
    )


def roll_up_rate(parts: Sequence[Part]) -> RolledUp:
    numerators: list[Decimal] = []
    denominators: list[Decimal] = []
    for part in parts:
        if part.numerator is None or part.denominator is None:
            continue
        if part.numerator < 0 or part.denominator < 0:
            raise ValueError(f"a rate's numerator and denominator must not be negative: {part}")
        numerators.append(part.numerator)
        denominators.append(part.denominator)
    denominator = exact_sum(denominators)
    value = None
    if denominator > 0:
        value = strip_trailing_zeros(exact_sum(numerators) * HUNDRED / denominator)
    return RolledUp(
        value=value, parts_used=len(numerators), parts_missing=len(parts) - len(numerators)
    )
