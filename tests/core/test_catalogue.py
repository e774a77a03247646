"""The default catalogue is a data file holding every code of the shared indicator list."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from tongket.catalogue import Direction, RollUp, UnitClass, load_groups, load_indicators

SHARED = Path(__file__).resolve().parents[2].parent / "shared" / "spec" / "indicators.csv"


def test_codes_are_unique_and_groups_known() -> None:
    codes = [spec.code for spec in load_indicators()]
    assert len(codes) == len(set(codes))
    groups = {group.code for group in load_groups()}
    assert {spec.group for spec in load_indicators()} <= groups


def test_rates_are_bounded_and_sums_are_not_percentages() -> None:
    for spec in load_indicators():
        if spec.rollup == RollUp.SUM:
            assert spec.unit_class in (UnitClass.COUNT, UnitClass.MONEY), spec.code
        if spec.unit_class == UnitClass.MONEY:
            assert spec.unit == "đồng", spec.code
        if spec.max_value is not None:
            assert spec.unit_class == UnitClass.PERCENT, spec.code
        assert spec.phrases, spec.code


@pytest.mark.skipif(not SHARED.exists(), reason="../shared is not beside the checkout")
def test_every_shared_code_is_in_the_catalogue_with_the_same_meaning() -> None:
    ours = {spec.code: spec for spec in load_indicators()}
    with SHARED.open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            spec = ours[row["code"]]
            assert spec.unit_class == UnitClass(row["unit_class"])
            assert spec.direction == Direction(row["direction"])
            assert spec.unit == row["unit"]
