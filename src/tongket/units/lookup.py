"""Finding a unit from what a person types ("phường Đập Đá", a GSO code), and its lineage."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable

from django.db.models import Q

from tongket.units.models import Succession, Unit
from tongket.units.text import fold_name, written_words


class UnitNotFound(LookupError):
    """No unit, or several, answer the query; the message is Vietnamese, for users."""

    def __init__(self, message: str, candidates: list[Unit] | None = None) -> None:
        super().__init__(message)
        self.candidates = candidates or []


def find_units(query: str) -> list[Unit]:
    """Units whose code is `query`, or whose folded "kind name" or name equals it."""
    text = query.strip()
    if not text:
        return []
    if text.isdigit():
        return list(Unit.objects.filter(code=text).select_related("parent"))
    folded = fold_name(text)
    kinds = {*written_words(), *Unit.objects.values_list("kind", flat=True).distinct()}
    with_kind = [fold_name(f"{kind} {text}") for kind in kinds]
    return list(
        Unit.objects.filter(Q(name_folded=folded) | Q(name_folded__in=with_kind))
        .select_related("parent")
        .order_by("valid_to", "id")
    )


def search_units(query: str, limit: int = 50) -> list[Unit]:
    """Units whose folded name contains the folded query ("dap da" finds Đập Đá)."""
    folded = fold_name(query)
    if not folded:
        return []
    return list(
        Unit.objects.filter(name_folded__contains=folded)
        .select_related("parent")
        .order_by("level", "name")[:limit]
    )


def resolve_unit(
    query: str, year: int | None = None, has_data: Callable[[Unit, int], bool] | None = None
) -> Unit:
    """One unit for `query`: a name or code shared by several resolves to the one valid in
    `year` (the current one when no year is given) and having data for it; otherwise the
    query is refused with the candidates."""
    candidates = find_units(query)
    if not candidates:
        raise UnitNotFound(f"Không tìm thấy đơn vị “{query}”.")
    if len(candidates) == 1:
        return candidates[0]
    narrowed = candidates
    if year is None:
        narrowed = [u for u in narrowed if u.is_current] or narrowed
    else:
        start, end = dt.date(year, 1, 1), dt.date(year, 12, 31)
        narrowed = [u for u in narrowed if u.was_valid_during(start, end)] or narrowed
        if has_data is not None and len(narrowed) > 1:
            narrowed = [u for u in narrowed if has_data(u, year)] or narrowed
    if len(narrowed) == 1:
        return narrowed[0]
    listing = "; ".join(f"{u.code or '—'}: {u.path_name()}" for u in narrowed[:20])
    raise UnitNotFound(
        f"Có {len(narrowed)} đơn vị tên “{query}”, hãy chọn theo mã: {listing}.", narrowed
    )


def lineage(unit: Unit) -> tuple[list[Unit], list[Unit]]:
    """(units that became `unit`, units `unit` became), each ordered by date."""
    before = [s.predecessor for s in unit.predecessions.select_related("predecessor__parent")]
    after = [s.successor for s in unit.successions.select_related("successor__parent")]
    return before, after


LINEAGE_DEPTH = 5  # reorganisations followed, at most, in either direction


def lineage_ancestry(unit: Unit, depth: int = LINEAGE_DEPTH) -> list[Unit]:
    """`unit` and every unit that became it, transitively (for trends across mergers)."""
    seen = {unit.pk: unit}
    frontier = [unit]
    for _ in range(depth):
        nxt = []
        for node in frontier:
            for pred in node.predecessions.select_related("predecessor"):
                if pred.predecessor_id not in seen:
                    seen[pred.predecessor_id] = pred.predecessor
                    nxt.append(pred.predecessor)
        if not nxt:
            break
        frontier = nxt
    return list(seen.values())


def lineage_successors(unit: Unit) -> list[Unit]:
    """`unit` and every unit it became, transitively (with parents loaded)."""
    seen: dict[int, Unit] = {unit.pk: unit}
    frontier = [unit]
    for _ in range(LINEAGE_DEPTH):
        if all(node.valid_to is None for node in frontier):
            break
        edges = Succession.objects.filter(
            predecessor__in=[n.pk for n in frontier if n.valid_to is not None]
        ).select_related("successor__parent__parent__parent")
        frontier = [e.successor for e in edges if e.successor_id not in seen]
        seen.update((node.pk, node) for node in frontier)
        if not frontier:
            break
    return list(seen.values())


def lineage_predecessor_ids(unit_ids: Iterable[int]) -> set[int]:
    """Ids of every unit that became one of `unit_ids`, transitively (not those given)."""
    seen = set(unit_ids)
    found: set[int] = set()
    frontier = list(seen)
    for _ in range(LINEAGE_DEPTH):
        edges = Succession.objects.filter(successor__in=frontier)
        fresh = {pk for pk in edges.values_list("predecessor_id", flat=True) if pk not in seen}
        seen |= fresh
        found |= fresh
        frontier = list(fresh)
        if not frontier:
            break
    return found
