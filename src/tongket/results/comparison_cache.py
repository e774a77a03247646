"""Comparisons remembered between requests for as long as their figures are unchanged.

A province's comparison judges ten thousand targets or more; the page is asked for again
and again while the figures move rarely. Each request still finds the units and reads a
fingerprint of their figures (counts and latest changes of targets and results, the units'
names and the catalogue's rules): any save, state change or deletion alters it and the
comparison is built afresh. The memory is per process and bounded.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Sequence

from django.db.models import Count, Max

from tongket.results.comparison import (
    DEFAULT_INDICATORS,
    Comparison,
    build_comparison,
    indicator_signature,
    load_catalogue,
    may_roll_up,
    units_below,
)
from tongket.results.models import Result, Target
from tongket.units.models import Level, Unit

KEPT = 8  # comparisons remembered per process

Key = tuple[int, int, tuple[str, ...], int]
_remembered: OrderedDict[Key, tuple[tuple[object, ...], Comparison]] = OrderedDict()
_lock = threading.Lock()


def fingerprint(units: list[Unit], year: int) -> tuple[object, ...]:
    """What the comparison of `units` in `year` depends on, read in a few aggregate queries."""
    ids = [u.pk for u in units]
    if not ids:
        return ()
    stamp = {"n": Count("id"), "last": Max("updated_at")}
    targets = Target.objects.filter(unit_id__in=ids, year=year).aggregate(**stamp)
    results = Result.objects.filter(unit_id__in=ids, year__in=(year - 1, year)).aggregate(**stamp)
    below: dict[str, object] = {}
    if may_roll_up(units):
        below = Result.objects.filter(
            unit__parent_id__in=ids, unit__level=Level.SUBUNIT, year=year
        ).aggregate(**stamp)
    names = tuple(
        (u.pk, u.kind, u.name, u.valid_to, u.parent.name if u.parent else "") for u in units
    )
    return (tuple(targets.values()), tuple(results.values()), tuple(below.values()), names)


def cached_comparison(
    unit: Unit, year: int, codes: Sequence[str] = (), *, limit: int = DEFAULT_INDICATORS
) -> Comparison:
    """`compare_units(unit, year, codes)`, remembered until its figures change."""
    units = units_below(unit, year)
    catalogue = load_catalogue()
    rules = tuple(
        (*indicator_signature(i), i.unit, i.rollup, i.group.order, i.order)
        for i in catalogue.values()
    )
    version = (fingerprint(units, year), rules)
    key = (unit.pk, year, tuple(codes), limit)
    with _lock:
        found = _remembered.get(key)
        if found is not None and found[0] == version:
            _remembered.move_to_end(key)
            return found[1]
    comparison = build_comparison(unit, year, units, catalogue, codes, limit)
    with _lock:
        _remembered[key] = (version, comparison)
        _remembered.move_to_end(key)
        while len(_remembered) > KEPT:
            _remembered.popitem(last=False)
    return comparison


def forget_all() -> None:
    """Empty the memory (for tests)."""
    with _lock:
        _remembered.clear()
