"""Indicator specifications and the readers of the catalogue's data files."""

from __future__ import annotations

import csv
from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum
from functools import cache
from importlib import resources


class UnitClass(StrEnum):
    PERCENT = "percent"
    MONEY = "money"
    COUNT = "count"


class Direction(StrEnum):
    HIGHER = "higher"
    LOWER = "lower"
    NONE = "none"


class RollUp(StrEnum):
    """How a superior unit's figure is made from its subordinates' figures."""

    SUM = "sum"
    RATE = "rate"  # recompute the rate from the parts' numerators and denominators
    NONE = "none"


@dataclass(frozen=True)
class IndicatorGroup:
    code: str
    name_vi: str
    order: int


@dataclass(frozen=True)
class IndicatorSpec:
    code: str
    group: str
    name_vi: str
    unit_class: UnitClass
    unit: str
    direction: Direction
    rollup: RollUp
    max_value: Decimal | None
    phrases: tuple[str, ...]


def _data_rows(name: str) -> list[dict[str, str]]:
    text = resources.files("tongket.catalogue").joinpath("data", name).read_text("utf-8")
    return list(csv.DictReader(text.splitlines()))


@cache
def load_groups() -> tuple[IndicatorGroup, ...]:
    return tuple(
        IndicatorGroup(code=row["code"], name_vi=row["name_vi"], order=int(row["order"]))
        for row in _data_rows("groups.csv")
    )


@cache
def load_indicators() -> tuple[IndicatorSpec, ...]:
    return tuple(
        IndicatorSpec(
            code=row["code"],
            group=row["group"],
            name_vi=row["name_vi"],
            unit_class=UnitClass(row["unit_class"]),
            unit=row["unit"],
            direction=Direction(row["direction"]),
            rollup=RollUp(row["rollup"]),
            max_value=Decimal(row["max_value"]) if row["max_value"] else None,
            phrases=tuple(p.strip() for p in row["phrases"].split(";") if p.strip()),
        )
        for row in _data_rows("indicators.csv")
    )
