"""One evaluation per row of data/evaluation_cases.csv, each with its own test id.

Columns: the target (direction, unit_class, amount, comparator, maintain), the result
(has_result 0 → no result at all; value, percent_of_plan, is_estimate, assessed, baseline)
and what is expected (status, achievement: empty → not checked, "none" → None; reason).
"""

from __future__ import annotations

import csv
from decimal import Decimal
from pathlib import Path

import pytest

from tongket.catalogue import Direction, UnitClass
from tongket.scorecard import Comparator, Result, Status, Target, evaluate_target

CASES_FILE = Path(__file__).parent / "data" / "evaluation_cases.csv"


def read_cases() -> list[dict[str, str]]:
    with CASES_FILE.open(encoding="utf-8", newline="") as file:
        return list(csv.DictReader(file))


def decimal_or_none(text: str) -> Decimal | None:
    return Decimal(text) if text else None


def build_target(row: dict[str, str]) -> Target:
    return Target(
        code=row["id"],
        name=row["id"].replace("_", " "),
        group="test",
        direction=Direction(row["direction"]),
        unit_class=UnitClass(row["unit_class"]),
        amount=decimal_or_none(row["amount"]),
        comparator=Comparator(row["comparator"]) if row["comparator"] else None,
        maintain=row["maintain"] == "1",
    )


def build_result(row: dict[str, str]) -> Result | None:
    if row["has_result"] == "0":
        return None
    return Result(
        value=decimal_or_none(row["value"]),
        percent_of_plan=decimal_or_none(row["percent_of_plan"]),
        is_estimate=row["is_estimate"] == "1",
        assessed=Status(row["assessed"]) if row["assessed"] else None,
        baseline=decimal_or_none(row["baseline"]),
    )


CASES = read_cases()


@pytest.mark.parametrize("row", CASES, ids=[row["id"] for row in CASES])
def test_evaluation_case(row: dict[str, str]) -> None:
    target = build_target(row)
    result = build_result(row)

    evaluation = evaluate_target(target, result)

    assert evaluation.status == Status(row["status"])
    assert evaluation.reason == row["reason"]
    assert evaluation.is_estimate == (row["is_estimate"] == "1")
    assert evaluation.target == target
    assert evaluation.result == result
    if row["achievement"] == "none":
        assert evaluation.achievement is None
    elif row["achievement"]:
        assert evaluation.achievement == Decimal(row["achievement"])


def test_case_ids_are_unique() -> None:
    ids = [row["id"] for row in CASES]
    assert len(ids) == len(set(ids))


def test_every_status_and_comparator_appears_in_the_cases() -> None:
    assert {row["status"] for row in CASES} == {status.value for status in Status}
    used = {row["comparator"] for row in CASES if row["comparator"]}
    assert used | {">=", "="} >= {comparator.value for comparator in Comparator}


def test_achievement_103_125_is_exact() -> None:
    target = Target(
        "new_party_members",
        "Kết nạp đảng viên mới",
        "party",
        Direction.HIGHER,
        UnitClass.COUNT,
        Decimal("160"),
    )
    evaluation = evaluate_target(target, Result(value=Decimal("165")))
    assert evaluation.status is Status.EXCEEDED
    assert str(evaluation.achievement) == "103.125"


def test_growth_achievement_keeps_decimal_precision() -> None:
    target = Target(
        "economic_growth",
        "Tốc độ tăng trưởng kinh tế",
        "economy",
        Direction.HIGHER,
        UnitClass.PERCENT,
        Decimal("15"),
    )
    evaluation = evaluate_target(target, Result(value=Decimal("16.1")))
    assert evaluation.achievement == Decimal("1610") / Decimal("15")
