from __future__ import annotations

from decimal import Decimal

import pytest

from tongket.catalogue import Direction, UnitClass
from tongket.scorecard import Comparator, Part, Result, Status, Target, natural_comparator


def make_target(amount: Decimal | None) -> Target:
    return Target(
        "poverty_rate", "Tỷ lệ hộ nghèo", "social", Direction.LOWER, UnitClass.PERCENT, amount
    )


@pytest.mark.parametrize(
    ("status", "label", "label_title", "achieved"),
    [
        (Status.EXCEEDED, "vượt", "Vượt", True),
        (Status.MET, "đạt", "Đạt", True),
        (Status.NOT_MET, "không đạt", "Không đạt", False),
        (Status.NO_DATA, "chưa có số liệu", "Chưa có số liệu", False),
    ],
    ids=lambda value: str(value),
)
def test_status_words(status: Status, label: str, label_title: str, achieved: bool) -> None:
    assert status.label == label
    assert status.label_title == label_title
    assert status.is_achieved is achieved


@pytest.mark.parametrize(
    ("direction", "comparator"),
    [
        (Direction.HIGHER, Comparator.GE),
        (Direction.LOWER, Comparator.LE),
        (Direction.NONE, Comparator.EQ),
    ],
    ids=["higher", "lower", "none"],
)
def test_natural_comparator(direction: Direction, comparator: Comparator) -> None:
    assert natural_comparator(direction) is comparator


def test_comparator_symbols_and_mirrors() -> None:
    assert [c.symbol for c in Comparator] == ["≥", ">", "≤", "<", "="]
    assert all(c.mirrored.mirrored is c for c in Comparator)
    assert [c for c in Comparator if c.is_strict] == [Comparator.GT, Comparator.LT]


def test_explicit_comparator_wins() -> None:
    target = Target("x", "x", "g", Direction.LOWER, UnitClass.PERCENT, Decimal(5), Comparator.LT)
    assert target.effective_comparator is Comparator.LT
    assert make_target(Decimal(5)).effective_comparator is Comparator.LE


@pytest.mark.parametrize(
    "bad",
    [4.2, 4, "4,2", Decimal("NaN"), Decimal("Infinity")],
    ids=["float", "int", "str", "nan", "infinity"],
)
def test_figures_must_be_finite_decimals(bad: object) -> None:
    with pytest.raises((TypeError, ValueError)):
        make_target(bad)  # type: ignore[arg-type]
    with pytest.raises((TypeError, ValueError)):
        Result(value=bad)  # type: ignore[arg-type]
    with pytest.raises((TypeError, ValueError)):
        Result(percent_of_plan=bad)  # type: ignore[arg-type]
    with pytest.raises((TypeError, ValueError)):
        Result(baseline=bad)  # type: ignore[arg-type]
    with pytest.raises((TypeError, ValueError)):
        Part(value=None, numerator=bad)  # type: ignore[arg-type]
