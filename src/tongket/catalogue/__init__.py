"""The default indicator catalogue: codes, names, groups and phrases, read from data files.

Pure Python: the Django `indicators` app seeds its tables from here and the report
reader matches indicator phrases from here.
"""

from tongket.catalogue.model import (
    Direction,
    IndicatorGroup,
    IndicatorSpec,
    RollUp,
    UnitClass,
    load_groups,
    load_indicators,
)

__all__ = [
    "Direction",
    "IndicatorGroup",
    "IndicatorSpec",
    "RollUp",
    "UnitClass",
    "load_groups",
    "load_indicators",
]
