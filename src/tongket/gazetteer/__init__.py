"""Vietnam's administrative units before and after 1 July 2025, and GSO's conversion table.

Pure Python, no Django: the data files under `data/` are read with importlib.resources.
See `records` for the units and the conversion, `kinds` for the kind words.
"""

from tongket.gazetteer.kinds import LEVELS, KindRecord, Level, read_kinds, split_kind
from tongket.gazetteer.records import (
    EFFECTIVE_DATE,
    ERA_2025,
    ERA_LEGACY,
    ERAS,
    ConversionRecord,
    Era,
    UnitRecord,
    read_conversions,
    read_units,
)

__all__ = [
    "EFFECTIVE_DATE",
    "ERAS",
    "ERA_2025",
    "ERA_LEGACY",
    "LEVELS",
    "ConversionRecord",
    "Era",
    "KindRecord",
    "Level",
    "UnitRecord",
    "read_conversions",
    "read_kinds",
    "read_units",
    "split_kind",
]
