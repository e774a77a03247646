"""Sorting and filtering the lines of a comparison (pure functions over its rows)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum

from tongket import scorecard as engine
from tongket.indicators.models import Indicator
from tongket.results.comparison import UnitComparison


class SortField(StrEnum):
    NAME = "name"
    MET = "met"  # the number of targets achieved, then their share
    VALUE = "value"  # one indicator's result
    ACHIEVEMENT = "achievement"  # one indicator's percent of plan achieved


@dataclass(frozen=True)
class Ordering:
    field: SortField = SortField.NAME
    indicator: Indicator | None = None  # for VALUE and ACHIEVEMENT
    descending: bool = False


def cell_figure(row: UnitComparison, ordering: Ordering) -> Decimal | None:
    """The figure `ordering` sorts `row` by: a result's value (or rolled-up value), or the
    achievement of its target."""
    cell = row.cell(ordering.indicator) if ordering.indicator is not None else None
    if cell is None:
        return None
    if ordering.field == SortField.ACHIEVEMENT:
        return cell.evaluation.achievement if cell.evaluation is not None else None
    if cell.result is not None and cell.result.value is not None:
        return Decimal(cell.result.value)
    return cell.rolled_up.value if cell.rolled_up is not None else None


def sort_rows(rows: Iterable[UnitComparison], ordering: Ordering) -> list[UnitComparison]:
    """Rows in `ordering`, ties by name; rows without the figure sorted on come last."""
    by_name = sorted(rows, key=lambda r: (r.unit.name_folded, r.unit.pk))
    if ordering.field == SortField.NAME:
        return by_name[::-1] if ordering.descending else by_name
    figures: dict[int, tuple[Decimal, ...]] = {}
    for row in by_name:
        if ordering.field == SortField.MET:
            if row.share is not None:
                figures[row.unit.pk] = (Decimal(row.tally.achieved), row.share)
        elif (figure := cell_figure(row, ordering)) is not None:
            figures[row.unit.pk] = (figure,)
    known = [r for r in by_name if r.unit.pk in figures]
    unknown = [r for r in by_name if r.unit.pk not in figures]
    known.sort(key=lambda r: figures[r.unit.pk], reverse=ordering.descending)
    return known + unknown


def filter_rows(
    rows: Iterable[UnitComparison],
    indicators: Sequence[Indicator],
    status: engine.Status | None = None,
    hide_empty: bool = False,
) -> list[UnitComparison]:
    """Rows with `status` in one of `indicators` (a unit without any figure counts as
    having no data), and without the units lacking figures if `hide_empty`."""
    kept = []
    for row in rows:
        if hide_empty and not row.has_data:
            continue
        if status is not None:
            statuses = {row.status(i) for i in indicators}
            if not row.has_data:
                statuses.add(engine.Status.NO_DATA)
            if status not in statuses:
                continue
        kept.append(row)
    return kept
