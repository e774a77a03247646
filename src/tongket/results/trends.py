"""One indicator of one unit over the years, continued across mergers through its lineage.

A unit formed by merging others inherits their history: the trend of today's phường An
Nhơn includes the 2023 figures of the former phường Đập Đá. Each year keeps one entry per
unit with figures, judged as its scorecard judges it (the year's result or its best
partial one, last year's as the baseline). The line of the chart has one point a year:
the unit's own figure, else the only unit's, else for an indicator that adds up (catalogue
roll-up "sum") the sum of the units' figures; rates are not summed, so such a year has no
point.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal

from tongket import scorecard as engine
from tongket.catalogue import RollUp
from tongket.indicators.models import Indicator
from tongket.periods import Period
from tongket.results.models import Result, State, Target
from tongket.results.rollup import decimal_or_none
from tongket.results.scorecards import pick_results, to_engine_result, to_engine_target
from tongket.scorecard.numbers import exact_sum
from tongket.units.lookup import lineage_ancestry
from tongket.units.models import Succession, Unit


@dataclass(frozen=True)
class TrendEntry:
    """One unit's target and result for one year."""

    year: int
    unit: Unit
    target: Target | None
    result: Result | None
    evaluation: engine.Evaluation | None  # None without a target
    is_own: bool  # the unit itself, not one merged into it
    is_partial: bool  # a unit only part of which became this one


@dataclass(frozen=True)
class TrendYear:
    year: int
    entries: tuple[TrendEntry, ...]
    result: Decimal | None  # the chart's point: the one figure, or the sum of several
    target: Decimal | None
    summed: bool  # the point adds up several units' figures

    @property
    def sources(self) -> int:
        return len(self.entries)


@dataclass(frozen=True)
class Trend:
    unit: Unit
    indicator: Indicator
    units: tuple[Unit, ...]  # the unit and every unit that became it
    years: tuple[TrendYear, ...]  # every year with a figure, oldest first

    @property
    def merged(self) -> bool:
        """Whether figures of several units are shown."""
        return len({e.unit.pk for y in self.years for e in y.entries}) > 1


def build_trend(unit: Unit, indicator: Indicator) -> Trend:
    units = lineage_ancestry(unit)
    ids = [u.pk for u in units]
    by_id = {u.pk: u for u in units}
    partial = set(
        Succession.objects.filter(predecessor__in=ids, successor__in=ids, partial=True).values_list(
            "predecessor_id", flat=True
        )
    )
    targets = {
        (t.unit_id, t.year): t
        for t in Target.objects.filter(unit__in=ids, indicator=indicator, state=State.ACCEPTED)
    }
    results: dict[tuple[int, int], list[Result]] = defaultdict(list)
    for found in Result.objects.filter(unit__in=ids, indicator=indicator, state=State.ACCEPTED):
        results[found.unit_id, found.year].append(found)
    best = {
        key: picked[indicator.pk]
        for key, figures in results.items()
        if (picked := pick_results(figures, Period(key[1])))
    }
    entries: dict[int, list[TrendEntry]] = defaultdict(list)
    for unit_id, year in sorted({*targets, *best}):
        target, result = targets.get((unit_id, year)), best.get((unit_id, year))
        if target is not None:
            target.indicator, target.unit = indicator, by_id[unit_id]
        if result is not None:
            result.indicator, result.unit = indicator, by_id[unit_id]
        prior = best.get((unit_id, year - 1))
        evaluation = judge(target, result, prior)
        entries[year].append(
            TrendEntry(
                year=year,
                unit=by_id[unit_id],
                target=target,
                result=result,
                evaluation=evaluation,
                is_own=unit_id == unit.pk,
                is_partial=unit_id in partial,
            )
        )
    years = tuple(
        year_point(year, sorted(found, key=entry_order), RollUp(indicator.rollup))
        for year, found in sorted(entries.items())
    )
    return Trend(unit, indicator, tuple(units), years)


def entry_order(entry: TrendEntry) -> tuple[bool, str]:
    return (not entry.is_own, entry.unit.name_folded)


def judge(
    target: Target | None, result: Result | None, prior: Result | None
) -> engine.Evaluation | None:
    if target is None:
        return None
    baseline = decimal_or_none(prior.value) if prior is not None else None
    outcome = to_engine_result(result, baseline) if result is not None else None
    return engine.evaluate_target(to_engine_target(target), outcome)


def year_point(year: int, entries: list[TrendEntry], rollup: RollUp) -> TrendYear:
    """The chart's figures for a year: the unit's own when it has one, else the one unit's,
    else the sum of several for an indicator that adds up, when they cover the same period
    and every unit merged in whole."""
    own = [e for e in entries if e.is_own]
    if own or len(entries) == 1:
        chosen = (own or entries)[0]
        return TrendYear(
            year, tuple(entries), value_of(chosen.result), amount_of(chosen.target), False
        )
    periods = {(e.result.period_kind, e.result.period_number) for e in entries if e.result}
    can_sum = rollup is RollUp.SUM and len(periods) <= 1 and not any(e.is_partial for e in entries)
    if not can_sum:
        return TrendYear(year, tuple(entries), None, None, summed=False)
    results = total(value_of(e.result) for e in entries)
    targets = total(amount_of(e.target) for e in entries)
    summed = results is not None or targets is not None
    return TrendYear(year, tuple(entries), results, targets, summed)


def value_of(result: Result | None) -> Decimal | None:
    return decimal_or_none(result.value) if result is not None else None


def amount_of(target: Target | None) -> Decimal | None:
    return decimal_or_none(target.amount) if target is not None else None


def total(figures: Iterable[Decimal | None]) -> Decimal | None:
    """The sum when every figure is known, else None (a partial sum would mislead)."""
    known = list(figures)
    if not known or any(f is None for f in known):
        return None
    return exact_sum(f for f in known if f is not None)


def indicators_with_data(units: Iterable[Unit]) -> list[Indicator]:
    """The indicators with a target or result for any of `units` (a trend's `units`)."""
    ids = [u.pk for u in units]
    found = {
        *Target.objects.filter(unit__in=ids, state=State.ACCEPTED).values_list(
            "indicator_id", flat=True
        ),
        *Result.objects.filter(unit__in=ids, state=State.ACCEPTED).values_list(
            "indicator_id", flat=True
        ),
    }
    return list(
        Indicator.objects.filter(pk__in=found)
        .select_related("group")
        .order_by("group__order", "order", "code")
    )
