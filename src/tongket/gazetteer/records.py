"""The administrative units and GSO's 2025 conversion table, read from the package's data.

`data/units.csv.gz` and `data/conversion.csv.gz` are written by `scripts/build_units_data.py`
from the PyPI package `vietnam-provinces` 2026.9.0 (GPL-3.0-or-later, data from the
National Statistics Office of Viet Nam, https://danhmuchanhchinh.nso.gov.vn/).

Units (code,kind,name,parent_code,level,era,full_name): one row per unit of both structures.
`era` is "2025" for the two-tier structure in force from `EFFECTIVE_DATE` (34 provinces,
3,321 communes) and "legacy" for the three-tier structure before it (GSO's list of
2025-01-04). A commune's parent is its district in the legacy era and its province in 2025.
Codes are GSO's, as strings with their leading zeros: 2 digits for a province, 3 for a
district, 5 for a commune. The same code may name different units in the two eras.

Conversions (old_code,new_code,level,partial): which legacy unit went into which 2025 unit;
`partial` is true when only part of the old unit went into the new one.
"""

from __future__ import annotations

import csv
import gzip
import io
from dataclasses import dataclass
from datetime import date
from functools import cache
from importlib import resources
from typing import Literal, cast

from tongket.gazetteer.kinds import Level, as_level

EFFECTIVE_DATE = date(2025, 7, 1)

Era = Literal["2025", "legacy"]
ERAS: tuple[Era, ...] = ("2025", "legacy")
ERA_2025: Era = "2025"
ERA_LEGACY: Era = "legacy"

UNIT_COLUMNS: tuple[str, ...] = (
    "code",
    "kind",
    "name",
    "parent_code",
    "level",
    "era",
    "full_name",
)
CONVERSION_COLUMNS: tuple[str, ...] = ("old_code", "new_code", "level", "partial")
UNITS_FILE = "units.csv.gz"
CONVERSION_FILE = "conversion.csv.gz"
CODE_WIDTHS: dict[Level, int] = {"province": 2, "district": 3, "commune": 5}


@dataclass(frozen=True)
class UnitRecord:
    code: str  # "21910"
    kind: str  # "phường"
    name: str  # "Đập Đá"
    parent_code: str  # "549"; "" for a province
    level: Level
    era: Era
    full_name: str  # "Phường Đập Đá"


@dataclass(frozen=True)
class ConversionRecord:
    old_code: str  # a legacy unit
    new_code: str  # a 2025 unit
    level: Level  # "province" or "commune"
    partial: bool  # only part of the old unit went into the new one


def as_era(value: str) -> Era:
    if value not in ERAS:
        raise ValueError(f"unknown era {value!r}, expected one of {ERAS}")
    return cast(Era, value)


def read_rows(name: str, columns: tuple[str, ...]) -> list[dict[str, str]]:
    """The rows of the gzipped CSV file `data/<name>`, checking its header."""
    raw = resources.files("tongket.gazetteer").joinpath("data", name).read_bytes()
    text = gzip.decompress(raw).decode("utf-8")
    reader = csv.DictReader(io.StringIO(text, newline=""))
    if tuple(reader.fieldnames or ()) != columns:
        raise ValueError(f"{name} columns are {reader.fieldnames}, expected {columns}")
    return list(reader)


@cache
def read_units() -> tuple[UnitRecord, ...]:
    """Every unit of both eras, sorted by era, level (province first) and code."""
    return tuple(
        UnitRecord(
            code=row["code"],
            kind=row["kind"],
            name=row["name"],
            parent_code=row["parent_code"],
            level=as_level(row["level"]),
            era=as_era(row["era"]),
            full_name=row["full_name"],
        )
        for row in read_rows(UNITS_FILE, UNIT_COLUMNS)
    )


@cache
def read_conversions() -> tuple[ConversionRecord, ...]:
    """Every row of the 2025 conversion, sorted by level (province first) and codes."""
    records = []
    for row in read_rows(CONVERSION_FILE, CONVERSION_COLUMNS):
        if row["partial"] not in ("0", "1"):
            raise ValueError(f"partial must be 0 or 1, got {row['partial']!r}")
        records.append(
            ConversionRecord(
                old_code=row["old_code"],
                new_code=row["new_code"],
                level=as_level(row["level"]),
                partial=row["partial"] == "1",
            )
        )
    return tuple(records)
