"""Loading the official unit lists (before and after 1 July 2025) and GSO's conversion table."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from django.db import transaction

from tongket.gazetteer import (
    EFFECTIVE_DATE,
    ConversionRecord,
    UnitRecord,
    read_conversions,
    read_units,
)
from tongket.units.models import Level, Source, Succession, SuccessionKind, Unit
from tongket.units.text import folded_full_name

LEGACY_END = EFFECTIVE_DATE - dt.timedelta(days=1)
REFORM_BASIS = "Sắp xếp đơn vị hành chính năm 2025 (bảng chuyển đổi của Tổng cục Thống kê)"
LEVEL_ORDER = (Level.PROVINCE, Level.DISTRICT, Level.COMMUNE)

Progress = Callable[[str, int], None]


@dataclass(frozen=True)
class LoadReport:
    created: Counter[tuple[str, str]]
    successions: int

    def count(self, era: str, level: str) -> int:
        return self.created[(era, level)]


def era_span(era: str) -> tuple[dt.date | None, dt.date | None]:
    return (EFFECTIVE_DATE, None) if era == "2025" else (None, LEGACY_END)


def existing_keys() -> dict[tuple[str, str], int]:
    keys: dict[tuple[str, str], int] = {}
    rows = Unit.objects.filter(source=Source.GSO).values_list("id", "code", "valid_to")
    for pk, code, valid_to in rows:
        keys[("2025" if valid_to is None else "legacy", code)] = pk
    return keys


@transaction.atomic
def load_official_units(progress: Progress | None = None) -> LoadReport:
    """Create the units of both structures and their lineage; idempotent."""
    records = read_units()
    keys = existing_keys()
    created: Counter[tuple[str, str]] = Counter()
    for level in LEVEL_ORDER:
        batch = [r for r in records if r.level == level.value and (r.era, r.code) not in keys]
        new_units = [build_unit(r, keys) for r in batch]
        for unit in new_units:
            unit.name_folded = folded_full_name(unit.kind, unit.name)
        Unit.objects.bulk_create(new_units, batch_size=2000)
        for record, unit in zip(batch, new_units, strict=True):
            keys[(record.era, record.code)] = unit.pk
            created[(record.era, record.level)] += 1
        if progress:
            progress(level.label, len(batch))
    successions = load_successions(read_conversions(), keys)
    if progress:
        progress("Kế thừa", successions)
    return LoadReport(created=created, successions=successions)


def build_unit(record: UnitRecord, keys: dict[tuple[str, str], int]) -> Unit:
    valid_from, valid_to = era_span(record.era)
    parent_id = keys.get((record.era, record.parent_code)) if record.parent_code else None
    return Unit(
        code=record.code,
        kind=record.kind,
        level=record.level,
        name=record.name,
        parent_id=parent_id,
        valid_from=valid_from,
        valid_to=valid_to,
        source=Source.GSO,
    )


def load_successions(
    conversions: Iterable[ConversionRecord], keys: dict[tuple[str, str], int]
) -> int:
    rows = list(conversions)
    predecessors_of: Counter[tuple[str, str]] = Counter((r.level, r.new_code) for r in rows)
    done = set(
        Succession.objects.filter(date=EFFECTIVE_DATE).values_list("predecessor_id", "successor_id")
    )
    names = dict(Unit.objects.filter(source=Source.GSO).values_list("id", "name"))
    new_edges = []
    for row in rows:
        old_id = keys.get(("legacy", row.old_code))
        new_id = keys.get(("2025", row.new_code))
        if old_id is None or new_id is None or (old_id, new_id) in done:
            continue
        done.add((old_id, new_id))
        new_edges.append(
            Succession(
                predecessor_id=old_id,
                successor_id=new_id,
                date=EFFECTIVE_DATE,
                kind=succession_kind(row, predecessors_of, names[old_id] == names[new_id]),
                partial=row.partial,
                basis=REFORM_BASIS,
            )
        )
    Succession.objects.bulk_create(new_edges, batch_size=2000)
    return len(new_edges)


def succession_kind(
    row: ConversionRecord, predecessors_of: Counter[tuple[str, str]], same_name: bool
) -> str:
    if row.partial:
        return SuccessionKind.SPLIT
    if predecessors_of[(row.level, row.new_code)] > 1:
        return SuccessionKind.MERGE
    return SuccessionKind.REORGANISE if same_name else SuccessionKind.RENAME
